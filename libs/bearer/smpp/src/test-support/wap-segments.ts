import { fromHex } from '@waken/wire';

/**
 * Hand-written WAP push segments (wsp-wdp-sms.md §2): UDHL 0B, concat IE 00 03 ref total part,
 * port IE 05 04 0B84 23F0, then a slice of a WSP Push PDU.
 */
export function wapSegments(count: number, ref = 0x2a): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => {
    const udh = fromHex(`0B 00 03 ${hex(ref)} ${hex(count)} ${hex(i + 1)} 05 04 0B 84 23 F0`);
    const wsp = i === 0 ? fromHex('01 06 03 B4 AF 81') : Uint8Array.from([0x10 + (i % 0xe0), 0x20, 0x30]);
    return Uint8Array.from([...udh, ...wsp]);
  });
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}
