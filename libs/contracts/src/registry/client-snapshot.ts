import { Type, Static } from '@sinclair/typebox';
import { ActivationMethod, DeviceIdentity, Id } from '../common/types';

/** seed S2: what the PPG knows of one client of a public user identity at lookup time. */
export const ClientSnapshot = Type.Object(
  {
    clientId: Id,
    deviceIdentities: Type.Array(DeviceIdentity, { maxItems: 16 }),
    connected: Type.Boolean(),
    sessionId: Type.Optional(Id),
    /** In order of preference; the first is tried first, the rest are fallbacks. */
    activationMethods: Type.Array(ActivationMethod, { maxItems: 8 }),
    acceptsContentTypes: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 64 }),
    optedOut: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ClientSnapshot = Static<typeof ClientSnapshot>;
