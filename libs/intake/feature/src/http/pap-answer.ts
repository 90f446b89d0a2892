import { PapError, writePapErrorResponse } from '@waken/intake-pap';

/** What the PAP endpoint sends back. */
export interface PapAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export const PAP_XML = 'application/xml; charset=utf-8';

/**
 * HTTP status beside the PAP code (docs/push-intake.md): the body always carries the PAP
 * answer; the status lets plain HTTP tooling see the class (reliability.md #1: 400 / PAP 2000).
 */
export function httpStatusOfPap(code: number): number {
  const table: Record<number, number> = { 1000: 200, 1001: 202, 2001: 403, 2003: 404, 2004: 404, 2007: 409, 2008: 409, 3001: 501, 3008: 404, 3011: 501, 4000: 503, 4001: 503 };
  if (table[code] !== undefined) return table[code];
  if (code >= 2000 && code < 3000) return 400;
  if (code === 3002) return 400;
  return code >= 3000 ? 500 : 200;
}

export function papAnswer(code: number, body: string, headers?: Record<string, string>): PapAnswer {
  return { status: httpStatusOfPap(code), contentType: PAP_XML, body, ...(headers && { headers }) };
}

/** The PAP answer to a PapError: in kind when the operation was readable, else badmessage-response. */
export function papErrorAnswer(error: PapError, headers?: Record<string, string>): PapAnswer {
  return papAnswer(error.code, writePapErrorResponse(error), headers);
}
