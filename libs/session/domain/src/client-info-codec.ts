import { CLIENT_INFO_SECTIONS, ClientInfo } from './client-info';
import { checkStringMap, checkText, onlyFields, readJsonObject } from './json-object-reader';
import { SessionBodyError } from './session-body.error';
import { MAX_CLIENT_INFO_BYTES, MAX_INFO_ENTRIES, MAX_INFO_KEY, MAX_INFO_VALUE, MAX_REJECTION } from './session-limits';

const FIELDS = [...CLIENT_INFO_SECTIONS, 'rejection'];
const MAP_LIMITS = { entries: MAX_INFO_ENTRIES, key: MAX_INFO_KEY, value: MAX_INFO_VALUE };

/**
 * Decodes a SUBSCRIBE's client-info body (seed §C4). Returns the value or throws
 * SessionBodyError; the limits are those of ClientRespondedV1, so what passes also validates there.
 */
export function decodeClientInfo(bytes: Uint8Array): ClientInfo {
  const object = readJsonObject(bytes, MAX_CLIENT_INFO_BYTES);
  onlyFields(object, FIELDS);
  return checkedClientInfo(object);
}

/** The body a client sends; refuses what decodeClientInfo would refuse. */
export function encodeClientInfo(info: ClientInfo): Uint8Array {
  const bytes = new TextEncoder().encode(JSON.stringify(checkedClientInfo(info as Record<string, unknown>)));
  if (bytes.length > MAX_CLIENT_INFO_BYTES) throw new SessionBodyError('too-large', `client info of ${bytes.length} bytes`);
  return bytes;
}

function checkedClientInfo(object: Record<string, unknown>): ClientInfo {
  const info: ClientInfo = {};
  for (const section of CLIENT_INFO_SECTIONS) {
    if (object[section] !== undefined) info[section] = checkStringMap(object[section], section, MAP_LIMITS);
  }
  if (object.rejection !== undefined) info.rejection = checkText(object.rejection, 'rejection', 1, MAX_REJECTION);
  return info;
}
