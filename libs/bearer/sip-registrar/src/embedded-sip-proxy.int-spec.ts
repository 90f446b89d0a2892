import { randomUUID } from 'node:crypto';
import { getHeader, getHeaders, parseNameAddr } from '@waken/bearer-sip';
import { SipEndpoint, type IncomingSipRequest, type SipRegistration } from '@waken/bearer-sip-transport';
import { stayFalse, waitFor } from '@waken/testing';
import { EmbeddedSipProxy } from './embedded-sip-proxy';
import { ScriptedUdpPeer } from './testing/scripted-udp-peer';

// seed §S7 on the embedded proxy, no Kamailio: one user, three devices, a GRUU reaches one
// device, the AOR forks to all (what sip-endpoint.kamailio.int-spec.ts shows with Kamailio).
const AOR = 'sip:+43-8323546@example.com';

interface Device {
  endpoint: SipEndpoint;
  inbox: IncomingSipRequest[];
  registration: SipRegistration;
  instanceId: string;
  status: number;
}

describe('EmbeddedSipProxy on loopback (RFC 5627 GRUU, RFC 3261 §16.7 forking)', () => {
  let proxy: EmbeddedSipProxy;
  let ppg: SipEndpoint;
  let devices: Device[] = [];
  const inboxSizes = () => devices.map((d) => d.inbox.length);
  const message = (requestUri: string) => ({
    requestUri, from: 'sip:ppg@example.com', headers: { 'X-Wap-Application-Id': 'x-wap-application:push.sia' },
    contentType: 'application/vnd.wap.sia', body: Uint8Array.of(0x02, 0x05, 0x6a),
  });

  async function openDevice(host: string): Promise<Device> {
    const endpoint = await SipEndpoint.open({ host, outboundProxy: proxy.outboundProxy() });
    const device = { endpoint, inbox: [], instanceId: `urn:uuid:${randomUUID()}`, status: 200 } as unknown as Device;
    endpoint.onRequest((incoming) => {
      device.inbox.push(incoming);
      incoming.respond(device.status, device.status === 200 ? 'OK' : 'Not OK');
    });
    device.registration = await endpoint.register({ aor: AOR, instanceId: device.instanceId, expires: 300, regId: 1 });
    return device;
  }

  beforeAll(async () => {
    proxy = await EmbeddedSipProxy.start({ host: '127.0.0.1', port: 0, domain: 'example.com' });
    ppg = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: proxy.outboundProxy() });
    devices = await Promise.all(['127.0.0.2', '127.0.0.3', '127.0.0.4'].map(openDevice));
  });

  afterAll(async () => {
    await Promise.all([...devices.map((d) => d.endpoint.close()), ppg?.close()]);
    await proxy?.close();
  });

  beforeEach(() => devices.forEach((d) => {
    d.inbox.splice(0);
    d.status = 200;
  }));

  it('gives three instances of one AOR three distinct pub-gruus and temp-gruus', () => {
    expect(new Set(devices.map((d) => d.registration.pubGruu)).size).toBe(3);
    devices.forEach((d) => expect(d.registration.pubGruu).toBe(`${AOR};gr=${d.instanceId}`));
    expect(new Set(devices.map((d) => d.registration.tempGruu)).size).toBe(3);
    devices.forEach((d) => expect(d.registration.tempGruu).toMatch(/^sip:tgruu\.[0-9a-f]+@example\.com;gr$/));
    devices.forEach((d) => expect(d.registration.expires).toBe(300));
    expect(getHeaders(devices[2].registration.result.response, 'Contact')).toHaveLength(3);
    expect(proxy.stats.bindings).toBe(3);
  });

  it('delivers a MESSAGE to device 2 pub-gruu to device 2 only, headers and body intact', async () => {
    const result = await ppg.sendMessage(message(devices[1].registration.pubGruu as string));
    expect(result.status).toBe(200);
    await waitFor(() => devices[1].inbox.length === 1, { what: 'device 2 to get it' });
    const { request } = devices[1].inbox[0];
    // like Kamailio: the device's own contact in the Request-URI, the GRUU in To
    expect(request.requestUri).toBe(devices[1].registration.contact);
    expect(parseNameAddr(getHeader(request, 'To') as string).uri).toBe(devices[1].registration.pubGruu);
    expect(getHeader(request, 'X-Wap-Application-Id')).toBe('x-wap-application:push.sia');
    expect([...request.body]).toEqual([0x02, 0x05, 0x6a]);
    await stayFalse(() => devices[0].inbox.length + devices[2].inbox.length > 0, 300, 'another device got it');
  });

  it('delivers a MESSAGE to device 3 temp-gruu to device 3 only', async () => {
    expect((await ppg.sendMessage(message(devices[2].registration.tempGruu as string))).status).toBe(200);
    await waitFor(() => devices[2].inbox.length === 1, { what: 'device 3 to get it' });
    await stayFalse(() => devices[0].inbox.length + devices[1].inbox.length > 0, 300, 'another device got it');
  });

  it('forks a MESSAGE to the AOR to all three devices; the sender gets 200', async () => {
    const result = await ppg.sendMessage(message(AOR));
    expect(result.status).toBe(200);
    await waitFor(() => inboxSizes().every((n) => n === 1), { what: 'all three to get it' });
  });

  it('answers a fork with the first 2xx, else the lowest class', async () => {
    devices[0].status = 486;
    devices[2].status = 500;
    expect((await ppg.sendMessage(message(AOR))).status).toBe(200);
    devices[1].status = 603;
    expect((await ppg.sendMessage(message(AOR))).status).toBe(603);
    devices[1].status = 500;
    const result = await ppg.sendMessage(message(AOR));
    expect([result.status, result.reason]).toEqual([486, 'Not OK']);
  });

  it('answers 404 for an unknown GRUU and 480 for an instance no longer registered', async () => {
    expect((await ppg.sendMessage(message(`${AOR};gr=urn:uuid:${randomUUID()}`))).status).toBe(404);
    expect((await ppg.sendMessage(message('sip:tgruu.0123456789abcdef01234567@example.com;gr'))).status).toBe(404);
    const gone = await openDevice('127.0.0.6');
    await gone.endpoint.unregister({ aor: AOR, instanceId: gone.instanceId });
    await gone.endpoint.close();
    expect((await ppg.sendMessage(message(gone.registration.pubGruu as string))).status).toBe(480);
    expect((await ppg.sendMessage(message(gone.registration.tempGruu as string))).status).toBe(404);
  });

  it('registers a device over TCP and reaches it over TCP through its GRUU', async () => {
    const endpoint = await SipEndpoint.open({ host: '127.0.0.14', outboundProxy: proxy.outboundProxy('tcp') });
    try {
      const inbox: IncomingSipRequest[] = [];
      endpoint.onRequest((incoming) => {
        inbox.push(incoming);
        incoming.respond(200, 'OK');
      });
      const instanceId = `urn:uuid:${randomUUID()}`;
      const reg = await endpoint.register({ aor: 'sip:tcp-user@example.com', instanceId, transport: 'tcp' });
      expect(reg.contact).toMatch(/;transport=tcp$/);
      expect((await ppg.sendMessage(message(reg.pubGruu as string))).status).toBe(200);
      expect(inbox.map((i) => i.source.transport)).toEqual(['tcp']);
    } finally {
      await endpoint.close();
    }
  });

  it('answers the OPTIONS keep-alive, 403 for other domains, 404 in-dialog', async () => {
    const ping = await ppg.request({ method: 'OPTIONS', requestUri: `sip:${proxy.address.host}:${proxy.address.port}`, from: 'sip:ppg@example.com' });
    expect(ping.status).toBe(200);
    expect((await ppg.sendMessage(message('sip:bob@elsewhere.org'))).status).toBe(403);
    const inDialog = await ppg.request({ method: 'NOTIFY', requestUri: AOR, from: 'sip:ppg@example.com', to: `<${AOR}>;tag=abc` });
    expect(inDialog.status).toBe(404);
    expect(inboxSizes()).toEqual([0, 0, 0]);
  });

  it('answers a malformed request 400 and survives garbage', async () => {
    const peer = await ScriptedUdpPeer.open('127.0.0.7');
    try {
      const { port, host } = proxy.address;
      peer.send(new TextEncoder().encode('\x00\xff garbage\r\n\r\n'), port, host);
      const bad = [
        'REGISTER sip:example.com SIP/2.0', `Via: SIP/2.0/UDP 127.0.0.7:${peer.port};branch=z9hG4bKbad1`,
        'From: <sip:x@example.com>;tag=1', 'To: <sip:x@example.com>', 'Call-ID: bad-1', 'CSeq: 1 REGISTER',
        'Content-Length: 99', '', '',
      ].join('\r\n');
      peer.send(new TextEncoder().encode(bad), port, host);
      await waitFor(() => peer.responses.find((r) => getHeader(r, 'Call-ID') === 'bad-1'), { what: 'the 400' });
      expect(peer.responses[0].status).toBe(400);
      const ping = await ppg.request({ method: 'OPTIONS', requestUri: `sip:ping@${host}`, from: 'sip:ppg@example.com' });
      expect(ping.status).toBe(200);
    } finally {
      await peer.close();
    }
  });
});
