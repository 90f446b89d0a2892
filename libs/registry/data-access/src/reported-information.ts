/**
 * What a client returned on a SIR's instruction (seed §C4, §S12), kept as reported. Capabilities
 * are merged into the client's capabilities instead; the rest is informational for operators.
 */
export interface ReportedInformation {
  preferences?: Record<string, string>;
  security?: Record<string, string>;
  subscription?: Record<string, string>;
  rejection?: string;
  sirId?: string;
  respondedAt?: string;
}
