import { checkText, onlyFields, readJsonObject } from './json-object-reader';
import { PushNotification } from './push-notification';
import { SessionBodyError } from './session-body.error';
import { MAX_ID, MAX_PUSH_NOTIFY_BYTES } from './session-limits';

const FIELDS = ['pushId', 'recipientIndex', 'contentType', 'applicationId', 'bodyBase64'];
// contracts: Base64 pattern; contentType / applicationId lengths of PushContent
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_CONTENT_TYPE = 200;
const MAX_APPLICATION_ID = 200;
const MAX_RECIPIENT_INDEX = 9999;

/** The NOTIFY body of one push; throws SessionBodyError('too-large') past MAX_PUSH_NOTIFY_BYTES. */
export function encodePushNotification(push: PushNotification): Uint8Array {
  const checked = checkedNotification(push as unknown as Record<string, unknown>);
  const bytes = new TextEncoder().encode(JSON.stringify(checked));
  if (bytes.length > MAX_PUSH_NOTIFY_BYTES) throw new SessionBodyError('too-large', `push body of ${bytes.length} bytes, at most ${MAX_PUSH_NOTIFY_BYTES}`);
  return bytes;
}

/** What the client reads from a NOTIFY: the value, or SessionBodyError. */
export function decodePushNotification(bytes: Uint8Array): PushNotification {
  const object = readJsonObject(bytes, MAX_PUSH_NOTIFY_BYTES);
  onlyFields(object, FIELDS);
  return checkedNotification(object);
}

function checkedNotification(object: Record<string, unknown>): PushNotification {
  const index = object.recipientIndex;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > MAX_RECIPIENT_INDEX) {
    throw new SessionBodyError('bad-field', 'recipientIndex: not an integer in 0..9999');
  }
  const body = object.bodyBase64;
  if (typeof body !== 'string' || !BASE64.test(body)) throw new SessionBodyError('bad-field', 'bodyBase64: not base64');
  const push: PushNotification = {
    pushId: checkText(object.pushId, 'pushId', 1, MAX_ID),
    recipientIndex: index,
    contentType: checkText(object.contentType, 'contentType', 1, MAX_CONTENT_TYPE),
    bodyBase64: body,
  };
  if (object.applicationId !== undefined) push.applicationId = checkText(object.applicationId, 'applicationId', 0, MAX_APPLICATION_ID);
  return push;
}
