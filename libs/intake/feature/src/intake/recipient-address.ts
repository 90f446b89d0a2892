import { PapAddress, PapError, parsePapAddress } from '@waken/intake-pap';
import type { SubmittedRecipient } from './submission';

/**
 * The public user identity a PAP address names (seed §S1: the PI knows the user, not the
 * devices). USER carries it directly; PLMN becomes a tel URI (an IMS public identity form).
 * IPv4/IPv6 name a device, not a user: this PPG does not serve them (PAP 2002).
 */
export function recipientOf(addressValue: string, address: PapAddress): SubmittedRecipient {
  if (address.type === 'USER') return { addressValue, addressType: 'USER', publicUserIdentity: address.value };
  if (address.type === 'PLMN') return { addressValue, addressType: 'PLMN', publicUserIdentity: `tel:${address.value}` };
  throw new PapError(2002, `TYPE=${address.type} addresses a device; this PPG serves users (TYPE=USER or PLMN)`);
}

/** A JSON recipient: a PAP address-value, or a sip:/sips:/tel: identity read as TYPE=USER. */
export function jsonRecipientOf(value: string): SubmittedRecipient {
  const addressValue = /^wappush=/i.test(value) ? value : `WAPPUSH=${encodeURIComponent(value)}/TYPE=USER`;
  const recipient = recipientOf(addressValue, parsePapAddress(addressValue));
  return { ...recipient, addressValue: value };
}
