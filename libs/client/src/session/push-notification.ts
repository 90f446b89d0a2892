import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { DecodeError, utf8 } from '@waken/wire';

/**
 * Both ends parse SIP with the 64 KiB message limit of `@waken/bearer-sip`, so the PPG keeps a
 * NOTIFY body under 60 KiB; anything larger is refused before JSON.parse (reliability.md #19).
 */
export const MAX_PUSH_NOTIFICATION_BYTES = 60 * 1024;

/** The body of a NOTIFY (docs/push-session.md): one pending push for this client. */
const PushNotificationJson = Type.Object(
  {
    pushId: Type.String({ minLength: 1, maxLength: 256 }),
    recipientIndex: Type.Integer({ minimum: 0, maximum: 9999 }),
    contentType: Type.String({ minLength: 1, maxLength: 200 }),
    applicationId: Type.Optional(Type.String({ maxLength: 200 })),
    bodyBase64: Type.String({ maxLength: MAX_PUSH_NOTIFICATION_BYTES, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
  },
  { additionalProperties: false },
);
type PushNotificationJson = Static<typeof PushNotificationJson>;
const check = TypeCompiler.Compile(PushNotificationJson);

export interface PushNotification {
  readonly pushId: string;
  readonly recipientIndex: number;
  readonly contentType: string;
  readonly applicationId?: string;
  readonly body: Uint8Array;
}

/** NOTIFY body to a push, or DecodeError (size first, then JSON, then the schema). */
export function decodePushNotification(bytes: Uint8Array): PushNotification {
  if (bytes.length > MAX_PUSH_NOTIFICATION_BYTES) throw new DecodeError(`push notification over ${MAX_PUSH_NOTIFICATION_BYTES} bytes`, 0);
  let value: unknown;
  try {
    value = JSON.parse(utf8(bytes));
  } catch (e) {
    if (e instanceof DecodeError) throw e;
    throw new DecodeError(`push notification does not parse: ${(e as Error).message}`, 0);
  }
  if (!check.Check(value)) {
    const first = [...check.Errors(value)][0];
    throw new DecodeError(`not a push notification: ${first ? `${first.path || '/'} ${first.message}` : 'invalid'}`, 0);
  }
  return toNotification(value);
}

export function encodePushNotification(push: PushNotification): Uint8Array {
  const json: PushNotificationJson = {
    pushId: push.pushId,
    recipientIndex: push.recipientIndex,
    contentType: push.contentType,
    ...(push.applicationId !== undefined && { applicationId: push.applicationId }),
    bodyBase64: Buffer.from(push.body).toString('base64'),
  };
  return new TextEncoder().encode(JSON.stringify(json));
}

function toNotification(json: PushNotificationJson): PushNotification {
  return {
    pushId: json.pushId,
    recipientIndex: json.recipientIndex,
    contentType: json.contentType,
    ...(json.applicationId !== undefined && { applicationId: json.applicationId }),
    body: new Uint8Array(Buffer.from(json.bodyBase64, 'base64')),
  };
}
