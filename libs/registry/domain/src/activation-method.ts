import { ActivationMethod, BEARERS } from '@waken/contracts';
import { InvalidAddress } from './invalid-address.error';
import { Fail, requireText } from './identity/fail';
import { normaliseGruu } from './identity/gruu';
import { normaliseIPv4, normaliseIPv6 } from './identity/host';
import { formatSipUri, parseSipUri, sipParam } from './identity/sip-uri';
import { normaliseMsisdn } from './msisdn';

/**
 * Checks and normalises how a client is woken when it is not connected (seed S2:
 * activation method). sip: a GRUU (one instance) or an AOR (all instances); sms: an
 * E.164 MSISDN; udp: `IPv4:port` or `[IPv6]:port`; http: an http(s) URL.
 * Throws InvalidAddress, and nothing else.
 */
export function validateActivationMethod(method: ActivationMethod): ActivationMethod {
  const bearer = typeof method === 'object' && method !== null ? method.bearer : undefined;
  const fail: Fail = (reason) => {
    throw new InvalidAddress(String(bearer), reason, method?.address);
  };
  if (!(BEARERS as readonly unknown[]).includes(bearer)) return fail(`unknown bearer; expected ${BEARERS.join(', ')}`);
  const address = requireText(method.address, fail).trim();
  return { bearer: method.bearer, address: ADDRESS_RULES[method.bearer](address, fail) };
}

const ADDRESS_RULES: Record<ActivationMethod['bearer'], (address: string, fail: Fail) => string> = {
  sip: sipAddress,
  sms: smsAddress,
  udp: udpAddress,
  http: httpAddress,
};

function sipAddress(address: string, fail: Fail): string {
  const uri = parseSipUri(address, fail);
  // RFC 5627: a `gr` parameter makes it a GRUU; otherwise it is the AOR, which forks.
  return sipParam(uri, 'gr') ? normaliseGruu(address, fail) : formatSipUri(uri);
}

function smsAddress(address: string, fail: Fail): string {
  try {
    return normaliseMsisdn(address);
  } catch (error) {
    return fail(error instanceof InvalidAddress ? error.reason : 'bad MSISDN');
  }
}

function udpAddress(address: string, fail: Fail): string {
  const match = /^(\[[^\]]*\]|[0-9.]+):([0-9]{1,5})$/.exec(address);
  if (!match) return fail('expected IPv4:port or [IPv6]:port');
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return fail(`port ${port} out of range`);
  const host = match[1].startsWith('[') ? `[${normaliseIPv6(match[1], fail)}]` : normaliseIPv4(match[1], fail);
  return `${host}:${port}`;
}

function httpAddress(address: string, fail: Fail): string {
  // WHATWG URL parsing forgives much (backslashes, missing slashes); check the shape first.
  if (!/^https?:\/\/[^\s\\]+$/i.test(address) || /[^\x21-\x7e]/.test(address)) {
    return fail('expected an absolute http:// or https:// URL without spaces');
  }
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return fail('not a parsable URL');
  }
  if (url.username || url.password) return fail('credentials in the URL are not allowed');
  if (url.hash) return fail('a fragment has no meaning for a wake-up URL');
  if (url.hostname === '') return fail('no host');
  return url.href;
}
