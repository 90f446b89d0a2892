import { Type, Static } from '@sinclair/typebox';

// Size limits shared by every contract: a Kafka record is untrusted input too.
export const MAX_ID = 256;
export const MAX_URI = 1024;
export const MAX_BODY_BASE64 = 1_400_000; // ~1 MiB of content

export const Id = Type.String({ minLength: 1, maxLength: MAX_ID });
export const Timestamp = Type.String({ format: 'date-time', maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}T' });
export const Base64 = Type.String({ maxLength: MAX_BODY_BASE64, pattern: '^[A-Za-z0-9+/]*={0,2}$' });

/** seed: every kind of device identity the patent names. */
export const DEVICE_IDENTITY_KINDS = ['gruu', 'uuid', 'imei', 'uri', 'urn', 'rfid', 'esn', 'mac', 'fingerprint'] as const;
export const DeviceIdentityKind = Type.Union(DEVICE_IDENTITY_KINDS.map((k) => Type.Literal(k)));
export type DeviceIdentityKind = Static<typeof DeviceIdentityKind>;
export const DeviceIdentity = Type.Object(
  { kind: DeviceIdentityKind, value: Type.String({ minLength: 1, maxLength: MAX_URI }) },
  { additionalProperties: false },
);
export type DeviceIdentity = Static<typeof DeviceIdentity>;

/** How a client that is not connected can be woken (seed S2: activation method). */
export const BEARERS = ['sip', 'sms', 'udp', 'http'] as const;
export const Bearer = Type.Union(BEARERS.map((b) => Type.Literal(b)));
export type Bearer = Static<typeof Bearer>;
export const ActivationMethod = Type.Object(
  {
    bearer: Bearer,
    /** sip: GRUU or AOR; sms: E.164 MSISDN; udp: host:port; http: URL */
    address: Type.String({ minLength: 1, maxLength: MAX_URI }),
  },
  { additionalProperties: false },
);
export type ActivationMethod = Static<typeof ActivationMethod>;

export const PushContent = Type.Object(
  {
    contentType: Type.String({ minLength: 1, maxLength: 200 }),
    applicationId: Type.Optional(Type.String({ maxLength: 200 })),
    bodyBase64: Base64,
  },
  { additionalProperties: false },
);
export type PushContent = Static<typeof PushContent>;

export const Priority = Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]);
export const DeliveryMethod = Type.Union(
  ['confirmed', 'preferconfirmed', 'unconfirmed', 'notspecified'].map((m) => Type.Literal(m)),
);
export const QualityOfService = Type.Object(
  {
    priority: Priority,
    deliveryMethod: DeliveryMethod,
    bearer: Type.Optional(Type.String({ maxLength: 40 })),
    network: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type QualityOfService = Static<typeof QualityOfService>;

/** seed S4/S7-S10: how the push reaches its target clients. */
export const WAKE_MODES = ['single', 'targeted', 'broadcast-identity', 'broadcast', 'connected'] as const;
export const WakeMode = Type.Union(WAKE_MODES.map((m) => Type.Literal(m)));
export type WakeMode = Static<typeof WakeMode>;
