import type { DeviceIdentity } from '@waken/contracts';

/**
 * seed §C2 (unit 220): does the identity in a SIR name this device? Different spellings of one
 * device compare equal: `urn:uuid:` in any case, a public GRUU and its instance id
 * (RFC 5627 §3.2: `gr` carries the +sip.instance URN), an IMEI as digits or `urn:gsma:imei:`.
 */
export function sameDeviceIdentity(a: DeviceIdentity, b: DeviceIdentity): boolean {
  return deviceKey(a) === deviceKey(b);
}

/** A canonical string per device; equal keys mean the same device. */
export function deviceKey(identity: DeviceIdentity): string {
  const value = identity.value.trim();
  switch (identity.kind) {
    case 'gruu':
    case 'uri':
      return uriKey(value);
    case 'uuid':
    case 'urn':
      return urnKey(value);
    case 'imei':
      return imeiKey(value);
    case 'mac':
      return `mac:${value.toLowerCase().replace(/[:.-]/g, '')}`;
    default: // esn, rfid, fingerprint: hex-like tokens, case does not matter
      return `${identity.kind}:${value.toLowerCase()}`;
  }
}

/** The `gr` parameter of a SIP URI: undefined when absent, '' when bare (temporary GRUU). */
export function gruuInstance(uri: string): string | undefined {
  const params = uri.split('?')[0].split(';').slice(1);
  for (const param of params) {
    const [name, ...rest] = param.split('=');
    if (name.trim().toLowerCase() === 'gr') return rest.join('=').trim();
  }
  return undefined;
}

function uriKey(value: string): string {
  const instance = gruuInstance(value);
  if (instance) return urnKey(instance.replace(/^"|"$/g, '')); // public GRUU: the instance is the device
  if (!/^sips?:/i.test(value)) return value.toLowerCase().startsWith('urn:') ? urnKey(value) : `uri:${value}`;
  // Temporary GRUU or plain SIP URI: scheme and host are case-insensitive (RFC 3261 §19.1.4).
  const [address, ...params] = value.split('?')[0].split(';');
  const at = address.lastIndexOf('@');
  const scheme = address.slice(0, address.indexOf(':') + 1).toLowerCase();
  const user = at < 0 ? '' : address.slice(scheme.length, at + 1);
  const host = address.slice(at < 0 ? scheme.length : at + 1).toLowerCase();
  const sorted = params.map((p) => p.trim().toLowerCase()).sort();
  return `sip-uri:${scheme}${user}${host};${sorted.join(';')}`;
}

function urnKey(value: string): string {
  const lower = value.toLowerCase();
  if (lower.startsWith('urn:uuid:')) return `uuid:${lower.slice('urn:uuid:'.length)}`;
  if (lower.startsWith('urn:gsma:imei:')) return imeiKey(value.slice('urn:gsma:imei:'.length));
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(lower)) return `uuid:${lower}`;
  // RFC 8141 §3.1: "urn" and the NID are case-insensitive, the NSS is not.
  const match = /^urn:([^:]+):(.*)$/is.exec(value);
  return match ? `urn:${match[1].toLowerCase()}:${match[2]}` : `urn:${value}`;
}

function imeiKey(value: string): string {
  const bare = value.replace(/^urn:gsma:imei:/i, '');
  const digits = bare.replace(/[-\s]/g, '');
  // TAC + serial (14 digits) name the device; the check digit or software version may differ.
  if (/^[0-9]{14,16}$/.test(digits)) return `imei:${digits.slice(0, 14)}`;
  return `imei-raw:${bare.toLowerCase()}`; // not an IMEI: compare as written, never as "no digits"
}
