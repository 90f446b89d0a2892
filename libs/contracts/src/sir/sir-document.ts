import { Type, Static } from '@sinclair/typebox';
import { DeviceIdentity, Id, Timestamp, WakeMode } from '../common/types';
import { SirInstruction } from '../id-check/sir-requested.v1';

/** Where the device identity sits in the SIR (claim 2). */
export const IdentityPlacement = Type.Union([Type.Literal('header'), Type.Literal('value'), Type.Literal('body')]);

/** The structured form of a SIR (seed S5), the body of SIP and HTTP SIRs; see docs/sir-wire-format.md. */
export const SirDocument = Type.Object(
  {
    v: Type.Literal(1),
    sirId: Id,
    mode: WakeMode,
    publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
    deviceIdentity: Type.Optional(DeviceIdentity),
    placement: Type.Array(IdentityPlacement, { maxItems: 3 }),
    applicationId: Type.Optional(Type.String({ maxLength: 200 })),
    applicationName: Type.Optional(Type.String({ maxLength: 200 })),
    instructions: Type.Array(SirInstruction, { maxItems: 8 }),
    ppgAddress: Type.String({ minLength: 1, maxLength: 512 }),
    issuedAt: Timestamp,
    expiresAt: Timestamp,
    nonce: Type.String({ minLength: 8, maxLength: 64 }),
    keyId: Type.String({ minLength: 1, maxLength: 128 }),
    signature: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type SirDocument = Static<typeof SirDocument>;
