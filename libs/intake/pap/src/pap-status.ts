/**
 * PAP status codes (pap.md §6). The first digit is the class: 1 success, 2 PI error,
 * 3 PPG error, 4 service failure, 5 mobile client aborted.
 */
export const PAP_STATUS = {
  1000: ['OK', 'Request completed successfully'],
  1001: ['Accepted for processing', 'Request accepted for processing'],
  2000: ['Bad request', 'Not understood due to malformed syntax'],
  2001: ['Forbidden', 'Request was refused'],
  2002: ['Address error', 'The client specified is not recognised'],
  2003: ['Address not found', 'The address could not be located'],
  2004: ['Push ID not found', 'The push-id is not known to the PPG'],
  2005: ['Capabilities mismatch', 'The capabilities assumed by the PI are not acceptable for the client'],
  2006: ['Required capabilities not supported', 'The client does not support a required capability'],
  2007: ['Duplicate push ID', 'The push-id was already used'],
  2008: ['Cancellation not possible', 'The push message could not be cancelled'],
  3000: ['Internal server error', 'The PPG could not fulfil an apparently valid request'],
  3001: ['Not implemented', 'The PPG does not support the requested operation'],
  3002: ['Version not supported', 'The PAP version is not supported'],
  3003: ['Not possible', 'The action is not possible, e.g. the message is no longer available'],
  3004: ['Capability matching not supported', 'The PPG cannot use the capabilities given by the PI'],
  3005: ['Multiple addresses not supported', 'The operation is not supported for multiple recipients'],
  3006: ['Transformation failure', 'The PPG could not transform the content'],
  3007: ['Specified delivery method not possible', 'The requested delivery method is not possible'],
  3008: ['Capabilities not available', 'The PPG has no capability information for the client'],
  3009: ['Required network not available', 'The required network is not available'],
  3010: ['Required bearer not available', 'The required bearer is not available'],
  3011: ['Replacement not supported', 'The PPG does not support replacing a push message'],
  4000: ['Service failure', 'The service failed; the PI may retry'],
  4001: ['Service unavailable', 'The service is temporarily unavailable'],
  5000: ['Mobile client aborted', 'The mobile client aborted the operation'],
  // Kannel wap_push_ppg.h: WSP USERPND mapped into PAP 5xxx (pap.md §6, 5xxx detail)
  5028: ['User pending', 'The mobile client cannot deliver the content to its destination'],
} as const satisfies Record<number, readonly [string, string]>;

export type PapStatusCode = keyof typeof PAP_STATUS;

export type PapStatusClass = 'success' | 'pi-error' | 'ppg-error' | 'service-failure' | 'client-aborted';

export interface PapStatus {
  readonly code: PapStatusCode;
  readonly name: string;
  readonly description: string;
  readonly statusClass: PapStatusClass;
}

const CLASSES: Record<number, PapStatusClass> = {
  1: 'success',
  2: 'pi-error',
  3: 'ppg-error',
  4: 'service-failure',
  5: 'client-aborted',
};

export function isPapStatusCode(code: number): code is PapStatusCode {
  return Object.prototype.hasOwnProperty.call(PAP_STATUS, code);
}

/**
 * The status for a code; a code unknown here but of a known class maps to the x000 of
 * its class (pap.md §6, Kannel `parse_code`). Anything else is `undefined`.
 */
export function resolvePapStatus(code: number): PapStatus | undefined {
  if (!Number.isInteger(code) || code < 1000 || code > 5999) return undefined;
  const known: PapStatusCode = isPapStatusCode(code) ? code : ((Math.floor(code / 1000) * 1000) as PapStatusCode);
  const [name, description] = PAP_STATUS[known];
  return { code: known, name, description, statusClass: CLASSES[Math.floor(known / 1000)] };
}

/** Same as resolvePapStatus for a code this table certainly holds. */
export function papStatus(code: PapStatusCode): PapStatus {
  return resolvePapStatus(code) as PapStatus;
}

export function isPapSuccess(code: number): boolean {
  return resolvePapStatus(code)?.statusClass === 'success';
}
