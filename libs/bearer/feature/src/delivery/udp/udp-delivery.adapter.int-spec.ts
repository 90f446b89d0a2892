// The UDP adapter into a test socket on loopback: the WSP Push PDU arrives byte for byte, as
// many copies as configured, none after the TTL.
import { createSocket, Socket } from 'node:dgram';
import { decodeWspPush } from '@waken/bearer-wsp';
import { DeliveryUdpRequestedV1 } from '@waken/contracts';
import { stayFalse, waitFor } from '@waken/testing';
import { UdpDeliveryAdapter } from './udp-delivery.adapter';

const origin = { key: 'k', headers: { eventId: 'e', eventType: 't', correlationId: 'c', occurredAt: new Date().toISOString() } };

describe('UdpDeliveryAdapter on loopback', () => {
  let device: Socket;
  let adapter: UdpDeliveryAdapter;
  const received: Array<{ bytes: Buffer; at: number; port: number }> = [];

  beforeAll(async () => {
    device = createSocket('udp4');
    device.on('message', (bytes, from) => received.push({ bytes, at: Date.now(), port: from.port }));
    await new Promise<void>((resolve) => device.bind(0, '127.0.0.1', resolve));
    adapter = new UdpDeliveryAdapter({ localHost: '127.0.0.1', localPort: 0, transmissions: 3, repeatIntervalMs: 40 });
    await adapter.onModuleInit();
  });

  afterAll(async () => {
    await adapter?.onApplicationShutdown();
    await new Promise<void>((resolve) => device.close(() => resolve()));
  });

  beforeEach(() => received.splice(0));

  const request = (ttlMs: number): DeliveryUdpRequestedV1 => ({
    ...DeliveryUdpRequestedV1.example, port: device.address().port, expiresAt: new Date(Date.now() + ttlMs).toISOString(),
  });

  it('sends the WSP Push datagram three times from its own port, reporting sent after the first', async () => {
    const outcome = await adapter.transmit(request(60_000), { attempt: 1, deadline: new Date(Date.now() + 60_000), origin });
    expect(outcome).toMatchObject({ kind: 'sent', detail: expect.stringContaining('no acknowledgement') });
    await waitFor(() => received.length === 3, { what: 'three copies' });
    const push = decodeWspPush(received[0].bytes);
    expect(push.contentType.type).toBe('application/vnd.wap.sia');
    expect(received.every((r) => r.bytes.equals(Buffer.from(DeliveryUdpRequestedV1.example.datagramBase64, 'base64')))).toBe(true);
    expect(received.every((r) => r.port === adapter.local?.port)).toBe(true);
  });

  it('sends no copy after the TTL', async () => {
    const deadline = new Date(Date.now() + 30);
    await adapter.transmit(request(30), { attempt: 1, deadline, origin });
    await stayFalse(() => received.some((r) => r.at > deadline.getTime() + 5), 300, 'a copy after the TTL');
    expect(received.length).toBeGreaterThanOrEqual(1);
    expect(adapter.pendingRepeats).toBe(0);
  });

  it('an oversized datagram is undeliverable, not retried', async () => {
    const outcome = await adapter.transmit({ ...request(60_000), datagramBase64: Buffer.alloc(70_000).toString('base64') }, { attempt: 1, deadline: new Date(Date.now() + 60_000), origin });
    expect(outcome).toMatchObject({ kind: 'undeliverable', detail: expect.stringContaining('EMSGSIZE') });
  });
});
