import { SirComposedV1, type SirDocument } from '@waken/contracts';
import { ppgContactPoint, sirPayload, sirPayloadFromComposed, type SirPayload } from '@waken/bearer-encapsulation';
import { ipv4ContactPoint, sirDocumentProblems, SirFormatError } from '@waken/sir-domain';
import { CliUsageError } from './cli-usage.error';

export interface SirInput {
  payload: SirPayload;
  /** Present when the file was a SirComposedV1. */
  composed?: SirComposedV1;
}

/**
 * A `--sir` file: a SirComposedV1 (its SIA gives the contact points) or a bare SirDocument (contact
 * point from `--contact host:port`, else the SIR's PPG address). Both are schema-checked.
 */
export function readSirInput(text: string, contact: string | undefined): SirInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CliUsageError(`the SIR file is not JSON: ${(e as Error).message}`);
  }
  if (typeof value === 'object' && value !== null && 'sir' in value) {
    const problems = SirComposedV1.problems(value);
    if (problems.length > 0) throw new CliUsageError(`not a SirComposedV1: ${problems.slice(0, 3).join('; ')}`);
    const composed = value as SirComposedV1;
    return { composed, payload: contact === undefined ? sirPayloadFromComposed(composed) : sirPayload(composed.sir, [contactPoint(contact)]) };
  }
  const problems = sirDocumentProblems(value);
  if (problems.length > 0) throw new CliUsageError(`not a SirDocument: ${problems.slice(0, 3).join('; ')}`);
  const sir = value as SirDocument;
  return { payload: sirPayload(sir, [contact === undefined ? ppgContactPoint(sir.ppgAddress) : contactPoint(contact)]) };
}

function contactPoint(text: string) {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(text);
  const port = m?.[2] === undefined ? 9201 : Number(m[2]);
  if (!m || port > 65535) throw new CliUsageError(`--contact must be ipv4[:port], not ${JSON.stringify(text)}`);
  try {
    return ipv4ContactPoint(m[1], port);
  } catch (e) {
    if (e instanceof SirFormatError) throw new CliUsageError(e.message);
    throw e;
  }
}
