import { Fail } from './fail';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NIL = '00000000-0000-0000-0000-000000000000';
const MAX = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * RFC 4122 / RFC 9562 UUID, canonical as `urn:uuid:<lower-case>` (the `+sip.instance`
 * form, RFC 5626 §4.1). Accepts the bare UUID, braces, and the Contact-parameter
 * spellings `<urn:uuid:…>` and `"<urn:uuid:…>"`. The nil and max UUIDs name no device.
 */
export function normaliseUuid(value: string, fail: Fail): string {
  let text = value.toLowerCase();
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) text = text.slice(1, -1);
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1);
  if (text.startsWith('urn:uuid:')) text = text.slice('urn:uuid:'.length);
  else if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1);
  if (!UUID.test(text)) return fail('not a UUID (8-4-4-4-12 hex digits)');
  if (text === NIL || text === MAX) return fail('the nil/max UUID names no device');
  return `urn:uuid:${text}`;
}
