import { ActivationMethod } from '@waken/contracts';

const SIP_SCHEME = /^sips?:/i;

/**
 * True for a sip:/sips: URI carrying a `gr` parameter: a GRUU, which the home proxy routes
 * to one UA instance only and never forks (RFC 5627 §5.1). The registry has already
 * validated and normalised the address; this only reads its parameters.
 */
export function isGruuAddress(address: string): boolean {
  if (!SIP_SCHEME.test(address)) return false;
  const hostPart = address.slice(address.lastIndexOf('@') + 1).split('?')[0];
  return hostPart
    .split(';')
    .slice(1)
    .some((param) => param.split('=')[0].trim().toLowerCase() === 'gr');
}

/**
 * seed S7: an address that reaches exactly one device: a SIP GRUU, an SMS MSISDN, a UDP
 * address or an HTTP URL. A SIP AOR is not: a request to it forks to every registered
 * contact of the user (RFC 3261 §16.6).
 */
export function isDeviceRoutable(method: ActivationMethod): boolean {
  return method.bearer !== 'sip' || isGruuAddress(method.address);
}

/** A SIP activation that is the user's AOR, not a GRUU (seed S8/S9 send to it). */
export function isSipAor(method: ActivationMethod): boolean {
  return method.bearer === 'sip' && !isGruuAddress(method.address);
}

/** The public user identity as a SIP activation, when it is a SIP AOR (seed S8, S9). */
export function publicAorOf(publicUserIdentity: string): ActivationMethod | undefined {
  if (!SIP_SCHEME.test(publicUserIdentity) || /\s/.test(publicUserIdentity)) return undefined;
  if (isGruuAddress(publicUserIdentity)) return undefined;
  return { bearer: 'sip', address: publicUserIdentity };
}

export function sameActivation(a: ActivationMethod, b: ActivationMethod): boolean {
  return a.bearer === b.bearer && a.address === b.address;
}
