/**
 * What a client returns on a SIR's instruction (seed §C4), as the SUBSCRIBE body carries it:
 * `application/vnd.waken.client-info+json`. Every section is optional.
 */
export interface ClientInfo {
  capabilities?: Record<string, string>;
  preferences?: Record<string, string>;
  security?: Record<string, string>;
  subscription?: Record<string, string>;
  /** seed §S5: the client declines the connection; with Expires: 0 no session is opened */
  rejection?: string;
}

export const CLIENT_INFO_SECTIONS = ['capabilities', 'preferences', 'security', 'subscription'] as const;

/** True when the body carried nothing worth a ClientRespondedV1. */
export function isEmptyClientInfo(info: ClientInfo): boolean {
  return info.rejection === undefined && CLIENT_INFO_SECTIONS.every((s) => info[s] === undefined || Object.keys(info[s] ?? {}).length === 0);
}
