import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { getHeader, getHeaders, parseVia, viaBranch } from '@waken/bearer-sip';
import { SipEndpoint } from './sip-endpoint';
import type { IncomingSipRequest } from './incoming-sip-request';
import type { SipRegistration } from './sip-registration-client';
import { kamailioProxy } from './testing/kamailio-env';
import { holdsFor, waitFor } from './testing/poll';

// seed §S7 against a real registrar/proxy: a MESSAGE to one device's GRUU reaches that
// device only; the AOR forks to all (the prior-art behaviour the seed improves on).
const suffix = randomUUID().slice(0, 8);
const AOR = `sip:+43-8323546-${suffix}@example.com`;
const TCP_AOR = `sip:+43-8323547-${suffix}@example.com`;

interface Device {
  endpoint: SipEndpoint;
  inbox: IncomingSipRequest[];
  registration: SipRegistration;
  instanceId: string;
  /** when set, the device holds its answer until the test releases it */
  hold?: Promise<number>;
}

async function openDevice(host: string, aor: string, transport: 'udp' | 'tcp' = 'udp'): Promise<Device> {
  const endpoint = await SipEndpoint.open({ host, outboundProxy: kamailioProxy(transport), timers: { timeoutMs: 8000 } });
  const instanceId = `urn:uuid:${randomUUID()}`;
  const device = { endpoint, inbox: [] as IncomingSipRequest[], instanceId } as Device;
  endpoint.onRequest(async (incoming) => {
    device.inbox.push(incoming);
    const status = device.hold ? await device.hold : 200;
    incoming.respond(status, status === 200 ? 'OK' : 'Busy Here');
  });
  device.registration = await endpoint.register({ aor, instanceId, expires: 300, regId: 1, transport });
  return device;
}

describe('SipEndpoint through Kamailio (RFC 5627 GRUU, RFC 3428 MESSAGE)', () => {
  let ppg: SipEndpoint;
  let devices: Device[] = [];
  let tcpDevice: Device;
  const received = () => devices.map((d) => d.inbox.length);
  const sir = (requestUri: string) => ({
    requestUri, from: 'sip:ppg@example.com', to: requestUri,
    headers: { 'X-Wap-Application-Id': 'x-wap-application:push.sia' },
    contentType: 'application/vnd.wap.sia', body: Uint8Array.of(0x02, 0x05, 0x6a),
  });
  const clearInboxes = () => devices.forEach((d) => d.inbox.splice(0));

  beforeAll(async () => {
    ppg = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: kamailioProxy(), timers: { timeoutMs: 8000 } });
    devices = await Promise.all(['127.0.0.2', '127.0.0.3', '127.0.0.4'].map((h) => openDevice(h, AOR)));
    tcpDevice = await openDevice('127.0.0.5', TCP_AOR, 'tcp');
  });

  afterAll(async () => {
    const all = [...devices, tcpDevice].filter(Boolean);
    const left = all.filter((d) => d !== devices[2]);
    await Promise.all(left.map((d) => d.endpoint.unregister({ aor: d.registration.aor, instanceId: d.instanceId })));
    await Promise.all([...all.map((d) => d.endpoint.close()), ppg?.close()]);
  });

  beforeEach(clearInboxes);

  it('gives three instances of one AOR three distinct pub-gruus (RFC 5627 §5.1)', () => {
    const gruus = devices.map((d) => d.registration.pubGruu);
    expect(new Set(gruus).size).toBe(3);
    devices.forEach((d) => expect(d.registration.pubGruu).toBe(`${AOR};gr=${d.instanceId}`));
    devices.forEach((d) => expect(d.registration.tempGruu).toMatch(/;gr$/));
    expect(devices.every((d) => d.registration.expires > 0 && d.registration.expires <= 300)).toBe(true);
  });

  it('a MESSAGE to device 2 pub-gruu reaches device 2 only (seed §S7)', async () => {
    const target = devices[1].registration.pubGruu as string;
    const result = await ppg.sendMessage(sir(target));
    expect(result.status).toBe(200);
    expect(result.onWireAt.getTime()).toBeLessThanOrEqual(Date.now());
    await waitFor('device 2 to get it', () => devices[1].inbox.length === 1);
    const got = devices[1].inbox[0].request;
    // Kamailio retargets to the contact; the GRUU stays in To (recipe)
    expect(got.requestUri).toBe(devices[1].registration.contact);
    expect(getHeader(got, 'To')).toContain(target);
    expect(Array.from(got.body)).toEqual([0x02, 0x05, 0x6a]);
    await holdsFor('devices 1 and 3 receiving nothing', () => received()[0] === 0 && received()[2] === 0, 500);
  });

  it('a MESSAGE to a temp-gruu also reaches exactly one device', async () => {
    const result = await ppg.sendMessage(sir(devices[2].registration.tempGruu as string));
    expect(result.status).toBe(200);
    await waitFor('device 3 to get it', () => devices[2].inbox.length === 1);
    await holdsFor('devices 1 and 2 receiving nothing', () => received()[0] === 0 && received()[1] === 0, 500);
  });

  it('a MESSAGE to the AOR forks to all three (seed problem statement)', async () => {
    const result = await ppg.sendMessage(sir(AOR));
    expect(result.status).toBe(200);
    await waitFor('all three to get it', () => received().every((n) => n === 1));
  });

  it('a MESSAGE to an unknown GRUU is reported as 404 or 480', async () => {
    const result = await ppg.sendMessage(sir(`${AOR};gr=urn:uuid:${randomUUID()}`));
    expect([404, 480]).toContain(result.status);
    expect(result.response.status).toBe(result.status);
    await holdsFor('no device receiving anything', () => received().every((n) => n === 0), 300);
  });

  it('works over TCP, to a device registered over TCP', async () => {
    const tcpPpg = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: kamailioProxy('tcp'), timers: { timeoutMs: 8000 } });
    try {
      tcpDevice.inbox.splice(0);
      const result = await tcpPpg.sendMessage(sir(tcpDevice.registration.pubGruu as string));
      expect(result.status).toBe(200);
      expect(getHeaders(result.response, 'Via')[0]).toMatch(/^SIP\/2\.0\/TCP /);
      await waitFor('the TCP device to get it', () => tcpDevice.inbox.length === 1);
      expect(tcpDevice.inbox[0].source.transport).toBe('tcp');
    } finally {
      await tcpPpg.close();
    }
  });

  it('ignores forged 200 OKs: unknown branch, right branch with a wrong Call-ID or CSeq (reliability.md #21)', async () => {
    let release: (status: number) => void = () => undefined;
    devices[0].hold = new Promise<number>((resolve) => (release = resolve));
    const before = ppg.stats.responsesUnmatched;
    const pending = ppg.sendMessage(sir(devices[0].registration.pubGruu as string));
    await waitFor('device 1 to get it', () => devices[0].inbox.length >= 1);
    const request = devices[0].inbox[0].request;
    const ppgBranch = viaBranch(parseVia(getHeaders(request, 'Via')[1])) as string;
    const forge = (branch: string, callId: string, cseq: string) =>
      [
        'SIP/2.0 200 OK', `Via: SIP/2.0/UDP 127.0.0.1:${ppg.port};branch=${branch}`, 'From: <sip:ppg@example.com>;tag=x',
        'To: <sip:x@example.com>;tag=y', `Call-ID: ${callId}`, `CSeq: ${cseq}`, 'Content-Length: 0', '', '',
      ].join('\r\n');
    const callId = getHeader(request, 'Call-ID') as string;
    const forger = createSocket('udp4');
    await new Promise<void>((resolve) => forger.bind(0, '127.0.0.9', resolve));
    for (const text of [forge('z9hG4bKforged', callId, '1 MESSAGE'), forge(ppgBranch, 'other@x', '1 MESSAGE'), forge(ppgBranch, callId, '2 MESSAGE')]) {
      forger.send(text, ppg.port, '127.0.0.1');
    }
    await waitFor('three forged responses counted', () => ppg.stats.responsesUnmatched >= before + 3);
    forger.close();
    release(486);
    const result = await pending;
    delete devices[0].hold;
    expect(result.status).toBe(486);
  });

  it('unregister removes only that binding: its GRUU then fails, the others still work', async () => {
    const gone = devices[2];
    const result = await gone.endpoint.unregister({ aor: AOR, instanceId: gone.instanceId });
    expect(result.status).toBe(200);
    const after = await ppg.sendMessage(sir(gone.registration.pubGruu as string));
    expect([404, 480]).toContain(after.status);
    expect((await ppg.sendMessage(sir(devices[0].registration.pubGruu as string))).status).toBe(200);
    await holdsFor('the unregistered device receiving nothing', () => gone.inbox.length === 0, 300);
  });
});
