// The HTTP adapter against a push endpoint on loopback: timeouts, the TTL, refused redirects and
// the SSRF guard (reliability.md threat model, "PI notify URL").
import { DeliveryHttpRequestedV1 } from '@waken/contracts';
import { TestPushEndpoint } from '../testing/test-push-endpoint';
import { HttpSettings } from './delivery-http.options';
import { HttpDeliveryAdapter } from './http-delivery.adapter';

const origin = { key: 'k', headers: { eventId: 'e', eventType: 't', correlationId: 'c', occurredAt: new Date().toISOString() } };
const settings: HttpSettings = { connectTimeoutMs: 1000, responseTimeoutMs: 300, maxSockets: 4, allowPrivateTargets: true, userAgent: 'waken-test' };

describe('HttpDeliveryAdapter on loopback', () => {
  let endpoint: TestPushEndpoint;
  let base: string;
  const adapters: HttpDeliveryAdapter[] = [];
  const adapter = (s: Partial<HttpSettings> = {}) => {
    const a = new HttpDeliveryAdapter({ ...settings, ...s });
    adapters.push(a);
    return a;
  };
  const send = (a: HttpDeliveryAdapter, url: string, ttlMs = 60_000) => {
    const deadline = new Date(Date.now() + ttlMs);
    return a.transmit({ ...DeliveryHttpRequestedV1.example, url, expiresAt: deadline.toISOString() }, { attempt: 1, deadline, origin });
  };

  beforeAll(async () => {
    endpoint = new TestPushEndpoint();
    base = await endpoint.start();
  });

  afterAll(async () => {
    adapters.forEach((a) => a.onApplicationShutdown());
    await endpoint?.stop();
  });

  it('POSTs the body with its content type and reuses the keep-alive connection', async () => {
    const a = adapter();
    expect(await send(a, `${base}/ok`)).toMatchObject({ kind: 'delivered', detail: '200 OK' });
    expect(await send(a, `${base}/ok`)).toMatchObject({ kind: 'delivered' });
    const [first, second] = endpoint.of('/ok');
    expect(first).toMatchObject({ method: 'POST', body: Buffer.from('{}') });
    expect(first.headers).toMatchObject({ 'content-type': 'application/vnd.waken.sir+json', 'user-agent': 'waken-test', connection: 'keep-alive' });
    expect(second.remotePort).toBe(first.remotePort);
  });

  it('refuses to follow a redirect: undeliverable, nothing fetched elsewhere', async () => {
    endpoint.script('/moved', [302]);
    const outcome = await send(adapter(), `${base}/moved`);
    expect(outcome).toMatchObject({ kind: 'undeliverable', detail: expect.stringContaining('redirects are refused') });
    expect(endpoint.of('/elsewhere')).toHaveLength(0);
  });

  it('a response that does not come in time is a transient timeout', async () => {
    endpoint.script('/slow', ['hang']);
    expect(await send(adapter(), `${base}/slow`)).toMatchObject({ kind: 'transient', detail: expect.stringContaining('response timeout') });
  });

  it('a TTL shorter than the response timeout ends in expired', async () => {
    endpoint.script('/slow-ttl', ['hang']);
    expect(await send(adapter({ responseTimeoutMs: 5000 }), `${base}/slow-ttl`, 200)).toMatchObject({ kind: 'expired' });
  });

  it('refuses loopback and private targets unless configured (SSRF), by literal and by DNS answer', async () => {
    const strict = adapter({ allowPrivateTargets: false });
    const before = endpoint.seen.length;
    expect(await send(strict, `${base}/ok`)).toMatchObject({ kind: 'undeliverable', detail: expect.stringContaining('SSRF') });
    const port = new URL(base).port;
    expect(await send(strict, `http://localhost:${port}/ok`)).toMatchObject({ kind: 'undeliverable', detail: expect.stringContaining('ESSRF') });
    expect(endpoint.seen.length).toBe(before);
  });

  it('a header the PPG owns cannot be set by the request', async () => {
    const deadline = new Date(Date.now() + 60_000);
    const outcome = await adapter().transmit({ ...DeliveryHttpRequestedV1.example, url: `${base}/ok`, headers: { Host: 'evil' }, expiresAt: deadline.toISOString() }, { attempt: 1, deadline, origin });
    expect(outcome).toMatchObject({ kind: 'undeliverable' });
  });
});
