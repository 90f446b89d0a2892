import { Fail } from './fail';

/**
 * RFID tag id: an EPC in its binary encoding as hex, 96 or 128 bits (GS1 EPC Tag Data
 * Standard), i.e. 24 or 32 hex digits. Canonical upper-case, as printed on EPC labels.
 */
export function normaliseRfid(value: string, fail: Fail): string {
  if (!/^(?:[0-9A-Fa-f]{24}|[0-9A-Fa-f]{32})$/.test(value)) return fail('an EPC is 24 or 32 hex digits');
  return value.toUpperCase();
}

/**
 * ESN (TIA/EIA-41): 32 bits, written as 8 hex digits, or as 11 decimal digits: a 3-digit
 * manufacturer code (0-255, the top 8 bits) and an 8-digit serial (0-16777215, 24 bits).
 * Canonical: 8 upper-case hex digits.
 */
export function normaliseEsn(value: string, fail: Fail): string {
  if (/^[0-9A-Fa-f]{8}$/.test(value)) return value.toUpperCase();
  if (!/^[0-9]{11}$/.test(value)) return fail('an ESN is 8 hex digits or 11 decimal digits');
  const manufacturer = Number(value.slice(0, 3));
  const serial = Number(value.slice(3));
  if (manufacturer > 0xff) return fail('manufacturer code above 255');
  if (serial > 0xffffff) return fail('serial number above 16777215');
  return `${hex(manufacturer, 2)}${hex(serial, 6)}`;
}

const MAC_FORMS = [
  /^([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2})$/,
  /^([0-9a-f]{2})-([0-9a-f]{2})-([0-9a-f]{2})-([0-9a-f]{2})-([0-9a-f]{2})-([0-9a-f]{2})$/,
  /^([0-9a-f]{2})([0-9a-f]{2})\.([0-9a-f]{2})([0-9a-f]{2})\.([0-9a-f]{2})([0-9a-f]{2})$/,
  /^([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/,
];

/**
 * MAC address (IEEE 802 EUI-48) written with ':', '-', Cisco '.' groups or no separator;
 * canonical lower-case colon form. A device identity names one station, so group
 * (multicast/broadcast, I/G bit set) and all-zero addresses are refused. Locally
 * administered addresses (U/L bit) are accepted: phones randomise them per network, which
 * makes them a weak but legal identity.
 */
export function normaliseMac(value: string, fail: Fail): string {
  const lower = value.toLowerCase();
  const match = MAC_FORMS.map((form) => form.exec(lower)).find((m) => m !== null);
  if (!match) return fail('a MAC address is 6 hex octets (aa:bb:cc:dd:ee:ff, aa-bb-…, aabb.ccdd.eeff or aabbccddeeff)');
  const octets = match.slice(1, 7);
  if (parseInt(octets[0], 16) & 0x01) return fail('a group (multicast/broadcast) address names no single device');
  if (octets.every((o) => o === '00')) return fail('the all-zero address names no device');
  return octets.join(':');
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}
