import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { ActivationMethod, DeviceIdentity, Id, Timestamp, WakeMode } from '../common/types';

export const SIR_REQUESTED_V1 = 'waken.sir.requested.v1';

export const SIR_INSTRUCTIONS = [
  'return-capabilities',
  'return-preferences',
  'return-security',
  'return-subscription',
  'return-rejection',
  'send-registration',
  'send-capability-push',
] as const;
export const SirInstruction = Type.Union(SIR_INSTRUCTIONS.map((i) => Type.Literal(i)));
export type SirInstruction = (typeof SIR_INSTRUCTIONS)[number];

/** seed S4 decided that one wake-up is needed; sir-composer turns it into a SIR (S5). */
export const SirRequestedV1 = defineEvent({
  name: 'SirRequestedV1',
  version: 1,
  topic: SIR_REQUESTED_V1,
  summary: 'id-check decided one SIR is needed (seed S4, S7-S9); one record per wake-up.',
  schema: Type.Object(
    {
      tenantId: Id,
      pushId: Id,
      sirRequestId: Id,
      mode: WakeMode,
      publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
      /** The clients this SIR is meant to wake (one for targeted/single). */
      targetClientIds: Type.Array(Id, { minItems: 1, maxItems: 64 }),
      /** Device identity placed into the SIR (targeted, broadcast-identity). */
      deviceIdentity: Type.Optional(DeviceIdentity),
      /** Where the SIR is sent first, then the fallbacks in order. */
      activation: ActivationMethod,
      fallbacks: Type.Array(ActivationMethod, { maxItems: 8 }),
      applicationId: Type.Optional(Type.String({ maxLength: 200 })),
      instructions: Type.Array(SirInstruction, { maxItems: 8 }),
      expiresAt: Timestamp,
      /** When push-intake accepted the push (PushAcceptedV1.acceptedAt), carried to the delivery request for accept → wire latency. */
      acceptedAt: Type.Optional(Timestamp),
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    sirRequestId: '42@pi.example.com#0/c-phone',
    mode: 'targeted',
    publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
    targetClientIds: ['c-phone'],
    deviceIdentity: { kind: 'gruu', value: 'sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' },
    activation: { bearer: 'sip', address: 'sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' },
    fallbacks: [{ bearer: 'sms', address: '+438323546' }],
    applicationId: 'x-wap-application:wml.ua',
    instructions: ['return-capabilities'],
    expiresAt: '2030-01-01T00:00:00Z',
  },
});
export type SirRequestedV1 = Static<typeof SirRequestedV1.schema>;
