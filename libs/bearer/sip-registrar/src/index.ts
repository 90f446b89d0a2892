export * from './embedded-sip-proxy';
export * from './embedded-sip-proxy-options';
export type { ProxyStats } from './proxy-stats';
export type { Binding, ContactUpdate, RegisterCommand } from './binding';
export * from './binding-table';
export { selectBestResponse, type BranchOutcome } from './branch-outcome';
export * from './sip-rejection';
