import { randomUUID } from 'node:crypto';
import { buildRequest, newBranch } from '@waken/bearer-sip';
import { SipEndpoint } from '@waken/bearer-sip-transport';
import { waitFor } from '@waken/testing';
import { EmbeddedSipProxy } from './embedded-sip-proxy';
import { ScriptedUdpPeer } from './testing/scripted-udp-peer';

// Bounded state: a contact that never answers costs a branch for forwardTimeoutMs, then 408;
// past maxInflightBranches new requests get 503 at once (reliability.md R9).
const SILENT_AOR = 'sip:silent@example.com';

describe('EmbeddedSipProxy limits', () => {
  let proxy: EmbeddedSipProxy;
  let silent: ScriptedUdpPeer;
  let ppg: SipEndpoint;

  beforeAll(async () => {
    proxy = await EmbeddedSipProxy.start({ host: '127.0.0.1', forwardTimeoutMs: 800, maxInflightBranches: 2, maxContactsPerAor: 2 });
    silent = await ScriptedUdpPeer.open('127.0.0.11');
    ppg = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: proxy.outboundProxy() });
    const register = buildRequest({
      method: 'REGISTER', requestUri: 'sip:example.com', from: `<${SILENT_AOR}>;tag=s`, to: `<${SILENT_AOR}>`,
      callId: `reg-${randomUUID()}`, cseq: 1, via: `SIP/2.0/UDP ${silent.host}:${silent.port};branch=${newBranch()}`,
      contact: `<sip:silent@${silent.host}:${silent.port}>;expires=60`,
    });
    expect((await silent.request(register, proxy.address.port, proxy.address.host)).status).toBe(200);
  });

  afterAll(async () => {
    await Promise.all([ppg?.close(), silent?.close()]);
    await proxy?.close();
  });

  const send = () => ppg.sendMessage({ requestUri: SILENT_AOR, from: 'sip:ppg@example.com', contentType: 'text/plain', body: 'x' });

  it('answers 408 when the contact never answers, after forwardTimeoutMs', async () => {
    const started = Date.now();
    const result = await send();
    expect(result.status).toBe(408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(silent.requests.length).toBeGreaterThanOrEqual(2); // the proxy's branch retransmitted (Timer E)
    expect(proxy.stats.branchTimeouts).toBe(1);
  });

  it('refuses requests beyond maxInflightBranches with 503 and frees the slots afterwards', async () => {
    const results = await Promise.all([send(), send(), send()]);
    expect(results.map((r) => r.status).sort()).toEqual([408, 408, 503]);
    expect(results.find((r) => r.status === 503)?.response.headers).toContainEqual({ name: 'Retry-After', value: '1' });
    await waitFor(() => proxy.stats.branchesInFlight === 0, { what: 'branches to end' });
    expect(proxy.stats.overloaded).toBe(1);
  });

  it('caps contacts per AOR with 503 from the registrar', async () => {
    const device = await SipEndpoint.open({ host: '127.0.0.12', outboundProxy: proxy.outboundProxy() });
    try {
      await device.register({ aor: SILENT_AOR, instanceId: `urn:uuid:${randomUUID()}`, expires: 60 });
      await expect(device.register({ aor: SILENT_AOR, instanceId: `urn:uuid:${randomUUID()}`, expires: 60 })).rejects.toMatchObject({ status: 503 });
    } finally {
      await device.close();
    }
  });
});
