import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { encodeWspPush } from '@waken/bearer-wsp';
import type { ClientProfile } from '@waken/client';
import { composeSir, deriveClientKey, encodeSia, encodeSirJson, ipv4ContactPoint, keyIdFor, SIA_MEDIA_TYPE, SIR_JSON_MEDIA_TYPE } from '@waken/sir-domain';
import { waitFor } from '@waken/testing';
import { WakenDevice } from '../device/waken-device';
import { HttpSirReceiver } from './http-sir-receiver';
import { UdpSirReceiver } from './udp-sir-receiver';

// seed §C1 on the UDP and HTTP bearers, over real loopback sockets.
const MASTER = new Uint8Array(32).fill(6);
const USER = 'sip:+43-2@example.com';
const PPG = 'sip:ppg@example.com';
const profile: ClientProfile = {
  tenantId: 't', clientId: 'c1', publicUserIdentity: USER, identities: [],
  clientKey: { keyId: keyIdFor('client', 't', 'c1'), key: deriveClientKey(MASTER, 't', 'c1') },
  trustedPpgAddresses: [PPG], info: {},
};
const sir = () =>
  composeSir(
    { tenantId: 't', pushId: 'p', sirRequestId: randomBytes(6).toString('hex'), mode: 'single', publicUserIdentity: USER, targetClientIds: ['c1'],
      activation: { bearer: 'udp', address: '127.0.0.3:0' }, fallbacks: [], instructions: [], expiresAt: '2099-01-01T00:00:00Z' },
    { ppgAddress: PPG, now: new Date(), ttlMs: 60_000, nonce: () => randomBytes(8).toString('hex'), master: MASTER },
  );

describe('SIR receivers on loopback sockets (seed §C1)', () => {
  it('reads a WSP push datagram on UDP', async () => {
    const device = new WakenDevice({ profile });
    const receiver = await UdpSirReceiver.open({ host: '127.0.0.3', deliver: (d) => device.receiveDatagram(d) });
    const client = createSocket('udp4');
    try {
      const pdu = encodeWspPush({ tid: 1, pduType: 'push', contentType: { type: SIA_MEDIA_TYPE }, applicationId: 'x-wap-application:push.sia',
        body: encodeSia(sir(), { contactPoints: [ipv4ContactPoint('127.0.0.1')] }) });
      await new Promise<void>((resolve, reject) => client.send(pdu, receiver.port, '127.0.0.3', (e) => (e ? reject(e) : resolve())));
      await waitFor(() => device.report().sirsReceived === 1, { what: 'the datagram' });
      expect(device.report()).toMatchObject({ sirsAccepted: 1, sirsByBearer: { udp: 1 } });
    } finally {
      client.close();
      await receiver.close();
    }
  });

  it('answers HTTP POSTs: 202 for a SIR, 400 for garbage, 404 for an unknown device, 413 when too large', async () => {
    const device = new WakenDevice({ profile });
    const receiver = await HttpSirReceiver.open({ host: '127.0.0.3', resolve: (key) => (key === 'c1' ? device : undefined) });
    const post = (path: string, body: Uint8Array | string) =>
      fetch(`http://127.0.0.3:${receiver.port}${path}`, { method: 'POST', headers: { 'content-type': SIR_JSON_MEDIA_TYPE }, body }).then((r) => r.status);
    try {
      expect(await post('/push/c1', encodeSirJson(sir()))).toBe(202);
      expect(await post('/push/c1', '{"v":')).toBe(400);
      expect(await post('/push/other', encodeSirJson(sir()))).toBe(404);
      expect(await post('/push/c1', 'x'.repeat(70_000))).toBe(413);
      expect(device.report()).toMatchObject({ sirsReceived: 2, sirsAccepted: 1, rejectedSirs: { undecodable: 1 } });
    } finally {
      await receiver.close();
    }
  });
});
