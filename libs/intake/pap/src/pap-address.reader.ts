import { parsePapAddress } from './pap-address';
import type { PapRecipient } from './pap-document.model';
import { PapElementReader } from './pap-element-reader';
import { PapError } from './pap-error';

/** Reads one `<address address-value="..."/>`; a bad value is PAP 2002 (address error). */
export function readRecipient(address: PapElementReader): PapRecipient {
  address.children({});
  const addressValue = address.required('address-value', 'text');
  return { addressValue, ...parsePapAddress(addressValue) };
}

/**
 * Reads the `<address>` elements of a request, at most `max` of them (reliability.md #13:
 * a count cap, answered 2002). The same recipient named twice counts once, so one request
 * never wakes a device twice (seed §S7).
 */
export function readRecipients(addresses: readonly PapElementReader[], max: number): PapRecipient[] {
  if (addresses.length > max) throw new PapError(2002, `more than ${max} addresses`);
  const seen = new Set<string>();
  const out: PapRecipient[] = [];
  addresses.forEach((element, index) => {
    let recipient: PapRecipient;
    try {
      recipient = readRecipient(element);
    } catch (e) {
      if (e instanceof PapError && e.code === 2002) throw new PapError(2002, `address ${index + 1}: ${e.desc}`);
      throw e;
    }
    const key = `${recipient.type}:${recipient.value}`;
    if (!seen.has(key)) out.push(recipient);
    seen.add(key);
  });
  return out;
}
