import {
  getHeader, getHeaders, paramValue, parseCSeq, parseNameAddr, parseSipUri, type NameAddr, type SipRequest,
} from '@waken/bearer-sip';
import type { ContactUpdate, RegisterCommand } from './binding';
import type { ProxyIdentity } from './proxy-identity';
import { parseInstanceId } from './gruu';
import { orReject, SipRejection } from './sip-rejection';

export interface ExpiryPolicy {
  readonly defaultExpires: number;
  readonly minExpires: number;
  readonly maxExpires: number;
}

const DELTA = /^\d{1,10}$/;
// params the registrar sets itself in the 200 OK
const NOT_ECHOED = new Set(['expires', 'pub-gruu', 'temp-gruu']);

function delta(text: string, what: string): number {
  if (!DELTA.test(text.trim()) || Number(text) > 0xffffffff) throw new SipRejection(400, `Bad ${what}`);
  return Number(text);
}

/** RFC 3261 §10.3 step 3: the To names an AOR of this domain. */
function aorOf(request: SipRequest, identity: ProxyIdentity): string {
  const to = orReject(() => parseSipUri(parseNameAddr(getHeader(request, 'To') ?? '').uri), 400, 'Bad To');
  if (!to.user) throw new SipRejection(400, 'Bad To');
  if (!identity.isMyself(to)) throw new SipRejection(403, 'Not Our Domain');
  return identity.aorOf(to.user);
}

function regIdOf(addr: NameAddr): number | undefined {
  const raw = paramValue(addr.params, 'reg-id');
  if (raw === undefined) return undefined;
  const value = delta(raw ?? '', 'reg-id');
  if (value < 1 || value > 0x7fffffff) throw new SipRejection(400, 'Bad reg-id');
  return value;
}

/** RFC 3261 §10.2.1.1 expiry, raised to min_expires the way Kamailio's registrar does by default. */
function expiresOf(addr: NameAddr, headerExpires: number | undefined, policy: ExpiryPolicy): number {
  const raw = paramValue(addr.params, 'expires');
  const asked = raw === undefined ? headerExpires ?? policy.defaultExpires : delta(raw ?? '', 'expires');
  return asked === 0 ? 0 : Math.min(policy.maxExpires, Math.max(policy.minExpires, asked));
}

function contactUpdate(addr: NameAddr, headerExpires: number | undefined, identity: ProxyIdentity, policy: ExpiryPolicy): ContactUpdate {
  const uri = orReject(() => parseSipUri(addr.uri), 400, 'Bad Contact');
  // a binding to the proxy itself would make it forward to itself without end
  if (identity.isOwnAddress(uri)) throw new SipRejection(403, 'Contact Is The Proxy');
  const instanceId = parseInstanceId(paramValue(addr.params, '+sip.instance'));
  const regId = regIdOf(addr);
  const params = addr.params.filter((p) => !NOT_ECHOED.has(p.name.toLowerCase()));
  const update = { contact: addr.uri, expires: expiresOf(addr, headerExpires, policy), params };
  if (instanceId === undefined) return update;
  return regId === undefined ? { ...update, instanceId } : { ...update, instanceId, regId };
}

function wantsGruu(request: SipRequest): boolean {
  return getHeaders(request, 'Supported').some((v) => v.split(',').some((t) => t.trim().toLowerCase() === 'gruu'));
}

/** Reads a REGISTER into a command for the binding table; throws SipRejection (400/403). */
export function parseRegisterRequest(request: SipRequest, identity: ProxyIdentity, policy: ExpiryPolicy): RegisterCommand {
  const aor = aorOf(request, identity);
  const callId = getHeader(request, 'Call-ID') ?? '';
  const cseq = orReject(() => parseCSeq(getHeader(request, 'CSeq') ?? ''), 400, 'Bad CSeq').seq;
  const expiresHeader = getHeader(request, 'Expires');
  const headerExpires = expiresHeader === undefined ? undefined : delta(expiresHeader, 'Expires');
  const addrs = getHeaders(request, 'Contact').map((v) => orReject(() => parseNameAddr(v), 400, 'Bad Contact'));
  const base = { aor, callId, cseq, wantsGruu: wantsGruu(request) };
  if (addrs.some((a) => a.uri === '*')) {
    // RFC 3261 §10.3 step 6: `*` alone, with Expires: 0
    if (addrs.length !== 1 || headerExpires !== 0) throw new SipRejection(400, 'Invalid Wildcard');
    return { ...base, removeAll: true, contacts: [] };
  }
  const contacts = addrs.map((a) => contactUpdate(a, headerExpires, identity, policy));
  return { ...base, removeAll: false, contacts };
}
