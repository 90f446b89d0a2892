// Contract test: the SirRequestedV1 example in, a valid SirComposedV1 out whose SIA decodes and
// whose signature the target client's key verifies.
import { SirComposedV1, SirRequestedV1 } from '@waken/contracts';
import { createLogger } from '@waken/platform-observability';
import { EventEnvelope, RecordingPublisher } from '@waken/platform-messaging';
import { ReplayCache, decodeSia, deriveClientKey, ipv4ContactPoint, verifySir } from '@waken/sir-domain';
import { SirComposerHandler } from './sir-composer.handler';

const master = Buffer.from('0123456789abcdef0123456789abcdef');
const envelope = <T>(payload: T): EventEnvelope<T> => ({
  topic: 't',
  partition: 0,
  offset: '1',
  key: payload && 'sip:+43-8323546@mobilkom.at',
  headers: { eventId: 'ev-9', eventType: 'SirRequestedV1', correlationId: 'c', occurredAt: new Date().toISOString() },
  payload,
});

describe('SirComposerHandler (contract test)', () => {
  const options = { ppgAddress: 'sip:ppg@127.0.0.1:5070', contactPoints: [ipv4ContactPoint('127.0.0.1', 9201)], master, ttlMs: 60000 };

  it('composes a signed SIR the target client verifies, in JSON and SIA form', async () => {
    const publisher = new RecordingPublisher();
    const handler = new SirComposerHandler(publisher, options, createLogger('t', 'silent'));
    const request = { ...SirRequestedV1.example, expiresAt: new Date(Date.now() + 3600000).toISOString(), acceptedAt: '2026-11-26T09:59:59.123Z' };
    await handler.onRequested([envelope(request)]);
    const [out] = publisher.of<SirComposedV1>(SirComposedV1);
    expect(SirComposedV1.problems(out.payload)).toEqual([]);
    expect(out.payload.acceptedAt).toBe(request.acceptedAt);
    const { sir } = out.payload;
    expect(sir).toMatchObject({ mode: 'targeted', publicUserIdentity: request.publicUserIdentity, deviceIdentity: request.deviceIdentity, ppgAddress: options.ppgAddress });
    const key = deriveClientKey(master, request.tenantId, 'c-phone');
    const verdict = verifySir(sir, { key, now: new Date(), maxSkewMs: 5000, replayCache: new ReplayCache(100), trustedPpgAddresses: [options.ppgAddress], ownIdentities: [request.deviceIdentity!] });
    expect(verdict).toEqual({ ok: true });
    expect(decodeSia(Buffer.from(out.payload.siaBase64, 'base64')).sir).toEqual(sir);
  });

  it('drops a request that has already expired', async () => {
    const publisher = new RecordingPublisher();
    const handler = new SirComposerHandler(publisher, options, createLogger('t', 'silent'));
    await handler.onRequested([envelope({ ...SirRequestedV1.example, expiresAt: '2020-01-01T00:00:00Z' })]);
    expect(publisher.published).toEqual([]);
  });
});
