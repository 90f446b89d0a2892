import { randomBytes } from 'node:crypto';
import { unquote } from '@waken/bearer-sip';
import { SipRejection } from './sip-rejection';

// RFC 5626 §4.1: a URN; uuid (RFC 4122) or, in 3GPP, gsma:imei.
const INSTANCE = /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[A-Za-z0-9\-.:_~!$&'()*+=%@]+$/;
const TEMP_PREFIX = 'tgruu.';

/** RFC 5627 §3.1: the AOR plus `gr=<instance id>`; stable and reveals the AOR. */
export function publicGruu(aor: string, instanceId: string): string {
  return `${aor};gr=${instanceId}`;
}

/** RFC 5627 §3.2: an opaque user part plus a bare `gr`; hides the AOR. */
export function temporaryGruu(user: string, domain: string): string {
  return `sip:${user}@${domain};gr`;
}

/** An unguessable temp-gruu user part (96 random bits): the table maps it back to a binding. */
export function newTempGruuUser(): string {
  return `${TEMP_PREFIX}${randomBytes(12).toString('hex')}`;
}

/** The instance id of a `+sip.instance="<urn:...>"` Contact parameter; 400 when it is no URN. */
export function parseInstanceId(raw: string | null | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = unquote(raw ?? '').replace(/^<(.*)>$/, '$1');
  if (!INSTANCE.test(value)) throw new SipRejection(400, 'Bad +sip.instance');
  return value;
}
