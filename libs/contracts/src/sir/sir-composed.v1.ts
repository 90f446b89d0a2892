import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { ActivationMethod, Base64, Id, Timestamp } from '../common/types';
import { SirDocument } from './sir-document';

export const SIR_COMPOSED_V1 = 'waken.sir.composed.v1';

/** seed S5: a signed SIR, in its structured form and as binary SIA content. */
export const SirComposedV1 = defineEvent({
  name: 'SirComposedV1',
  version: 1,
  topic: SIR_COMPOSED_V1,
  summary: 'A composed, signed SIR (seed S5) ready for encapsulation (S6).',
  schema: Type.Object(
    {
      tenantId: Id,
      pushId: Id,
      targetClientIds: Type.Array(Id, { minItems: 1, maxItems: 64 }),
      sir: SirDocument,
      /** application/vnd.wap.sia body with the identity extension (docs/sir-wire-format.md). */
      siaBase64: Base64,
      activation: ActivationMethod,
      fallbacks: Type.Array(ActivationMethod, { maxItems: 8 }),
      composedAt: Timestamp,
      /** When push-intake accepted the push (PushAcceptedV1.acceptedAt), carried to the delivery request for accept → wire latency. */
      acceptedAt: Type.Optional(Timestamp),
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    targetClientIds: ['c-phone'],
    sir: {
      v: 1,
      sirId: 'sir-0b6a2f1c',
      mode: 'targeted',
      publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
      deviceIdentity: { kind: 'uuid', value: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' },
      placement: ['header', 'body'],
      applicationId: 'x-wap-application:wml.ua',
      instructions: ['return-capabilities'],
      ppgAddress: 'sip:ppg@127.0.0.1:5070',
      issuedAt: '2026-11-26T10:00:00.000Z',
      expiresAt: '2026-11-26T10:05:00.000Z',
      nonce: 'b1946ac92492d234',
      keyId: 'c-phone#1',
      signature: 'c2lnbmF0dXJl',
    },
    siaBase64: 'AQ==',
    activation: { bearer: 'sip', address: 'sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' },
    fallbacks: [],
    composedAt: '2026-11-26T10:00:00.001Z',
  },
});
export type SirComposedV1 = Static<typeof SirComposedV1.schema>;
