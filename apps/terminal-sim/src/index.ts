// Programmatic API of the terminal simulator (tests and benches start fleets in-process).
export { startFleet, type FleetHandle, type SimDevice } from './fleet';
export type { FleetOptions, FleetKeys } from './fleet-options';
export type { FleetReport, FleetTotals, SimDeviceReport } from './fleet-report';
export { POLICY_PRESETS, type PolicyPreset } from './policy-presets';
export { FleetFile, parseFleetFile, readFleetFile } from './fleet-file';
export { instanceFor } from './fleet-plan';
