import { Fail } from './fail';

// RFC 7254 §3: urn:gsma:imei:<8 digits TAC>-<6 digits SNR>-<1 check digit>[;vers=0|;svn=NN].
const IMEI_URN = /^urn:gsma:imei:([0-9]{8})-([0-9]{6})-([0-9])((?:;[a-z]+=[0-9a-z]+)*)$/i;

/**
 * IMEI (3GPP TS 23.003 §6.2.1): 15 digits, the last a Luhn check digit. Canonical form is
 * the 15 digits alone. Accepts the RFC 7254 URN (its `vers`/`svn` parameters describe the
 * software version, not the device, so they are dropped) and dash-grouped digits.
 */
export function normaliseImei(value: string, fail: Fail): string {
  const urn = IMEI_URN.exec(value);
  const digits = urn ? `${urn[1]}${urn[2]}${urn[3]}` : value.replace(/-/g, '');
  if (!urn && /^urn:/i.test(value)) return fail('not an RFC 7254 urn:gsma:imei: URN (8-6-1 digits)');
  if (!urn && !/^[0-9]+(?:-[0-9]+)*$/.test(value)) return fail('only ASCII digits, optionally grouped by single dashes');
  if (!/^[0-9]{15}$/.test(digits)) return fail('an IMEI has exactly 15 ASCII digits');
  if (!luhnValid(digits)) return fail('the check digit does not match (Luhn)');
  return digits;
}

/** RFC 7254 URN for a canonical IMEI, for places that need an instance id. */
export function imeiToUrn(imei: string): string {
  return `urn:gsma:imei:${imei.slice(0, 8)}-${imei.slice(8, 14)}-${imei.slice(14)}`;
}

/** Luhn (ISO/IEC 7812-1 Annex B) over the digits including the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
