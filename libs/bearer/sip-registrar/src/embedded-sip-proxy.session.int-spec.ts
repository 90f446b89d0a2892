import { randomUUID } from 'node:crypto';
import { buildRequest, buildResponse, getHeader, nameAddrTag, newBranch, parseNameAddr, type SipRequest } from '@waken/bearer-sip';
import { SipEndpoint, type IncomingSipRequest } from '@waken/bearer-sip-transport';
import { waitFor } from '@waken/testing';
import { EmbeddedSipProxy } from './embedded-sip-proxy';
import { ScriptedUdpPeer } from './testing/scripted-udp-peer';

// docs/push-session.md through the embedded proxy: the client SUBSCRIBEs to the PPG's AOR via
// the proxy, and the PPG's NOTIFY goes straight to the client's Contact (seed C3, S10).
const PPG_AOR = 'sip:ppg@example.com';
const PPG_TAG = 'ppg-dialog-7';
const PUSH = '{"pushId":"42@pi.example.com","recipientIndex":0,"contentType":"text/plain","bodyBase64":"aGVsbG8="}';

describe('EmbeddedSipProxy carries the Waken push session (SUBSCRIBE/NOTIFY)', () => {
  let proxy: EmbeddedSipProxy;
  let ppg: ScriptedUdpPeer;
  let client: SipEndpoint;
  const clientInbox: IncomingSipRequest[] = [];

  /** The PPG registers sip:ppg@example.com with its own contact and a +sip.instance. */
  async function registerPpg(): Promise<void> {
    const register = buildRequest({
      method: 'REGISTER', requestUri: 'sip:example.com', from: `<${PPG_AOR}>;tag=r1`, to: `<${PPG_AOR}>`,
      callId: `reg-${randomUUID()}`, cseq: 1, via: `SIP/2.0/UDP ${ppg.host}:${ppg.port};branch=${newBranch()}`,
      contact: `<sip:ppg@${ppg.host}:${ppg.port}>;+sip.instance="<urn:uuid:${randomUUID()}>";expires=300`,
      headers: { Supported: 'gruu' },
    });
    const answer = await ppg.request(register, proxy.address.port, proxy.address.host);
    expect(answer.status).toBe(200);
  }

  /** The PPG accepts with its own To-tag and Contact (docs/push-session.md "Opening a session"). */
  function acceptSubscribe(request: SipRequest) {
    return buildResponse(request, 200, 'OK', { toTag: PPG_TAG, headers: { Contact: `<sip:ppg@${ppg.host}:${ppg.port}>`, Expires: '600' } });
  }

  /** An in-dialog NOTIFY built from the SUBSCRIBE the PPG received (RFC 6665 §4.2.2). */
  function notifyFor(subscribe: SipRequest): SipRequest {
    return buildRequest({
      method: 'NOTIFY', requestUri: parseNameAddr(getHeader(subscribe, 'Contact') as string).uri,
      from: `${getHeader(subscribe, 'To')};tag=${PPG_TAG}`, to: getHeader(subscribe, 'From') as string,
      callId: getHeader(subscribe, 'Call-ID') as string, cseq: 1, via: `SIP/2.0/UDP ${ppg.host}:${ppg.port};branch=${newBranch()}`,
      contact: `<sip:ppg@${ppg.host}:${ppg.port}>`,
      headers: { Event: 'waken-push', 'Subscription-State': 'active;expires=540' },
      contentType: 'application/vnd.waken.push+json', body: PUSH,
    });
  }

  beforeAll(async () => {
    proxy = await EmbeddedSipProxy.start({ host: '127.0.0.1', domain: 'example.com' });
    ppg = await ScriptedUdpPeer.open('127.0.0.8');
    ppg.answer = acceptSubscribe;
    client = await SipEndpoint.open({ host: '127.0.0.9', outboundProxy: proxy.outboundProxy() });
    client.onRequest((incoming) => {
      clientInbox.push(incoming);
      incoming.respond(200, 'OK');
    });
    await registerPpg();
  });

  afterAll(async () => {
    await Promise.all([client?.close(), ppg?.close()]);
    await proxy?.close();
  });

  it('relays the SUBSCRIBE to the PPG and its 200 (To-tag, Contact, Expires) back; the NOTIFY then goes direct', async () => {
    const result = await client.request({
      method: 'SUBSCRIBE', requestUri: PPG_AOR, from: 'sip:dev-2@example.com', contact: client.contactUri('dev-2'),
      headers: { Event: 'waken-push', Expires: '600', 'X-Waken-Client': 'mobilkom c-phone', 'X-Waken-Sir': 'sir-0b6a2f1c', 'X-Waken-Auth': '1764150000;dGhlLWhtYWM' },
      contentType: 'application/vnd.waken.client-info+json', body: '{"capabilities":{}}',
    });
    expect(result.status).toBe(200);
    expect(nameAddrTag(getHeader(result.response, 'To') as string)).toBe(PPG_TAG);
    expect(getHeader(result.response, 'Contact')).toBe(`<sip:ppg@${ppg.host}:${ppg.port}>`);
    expect(getHeader(result.response, 'Expires')).toBe('600');

    const subscribe = ppg.requests[0].request;
    expect(subscribe.requestUri).toBe(`sip:ppg@${ppg.host}:${ppg.port}`);
    expect(parseNameAddr(getHeader(subscribe, 'To') as string).uri).toBe(PPG_AOR);
    expect(getHeader(subscribe, 'Contact')).toBe(`<${client.contactUri('dev-2')}>`);
    expect(getHeader(subscribe, 'X-Waken-Auth')).toBe('1764150000;dGhlLWhtYWM');
    expect(getHeader(subscribe, 'Call-ID')).toBe(getHeader(result.response, 'Call-ID'));
    expect(new TextDecoder().decode(subscribe.body)).toBe('{"capabilities":{}}');

    const answer = await ppg.request(notifyFor(subscribe), client.port, client.host);
    expect(answer.status).toBe(200);
    await waitFor(() => clientInbox.length === 1, { what: 'the client to get the NOTIFY' });
    const notify = clientInbox[0].request;
    // the client finds its dialog: same Call-ID, the tag it got in the 200 as the remote tag
    expect(getHeader(notify, 'Call-ID')).toBe(getHeader(result.response, 'Call-ID'));
    expect(nameAddrTag(getHeader(notify, 'From') as string)).toBe(PPG_TAG);
    expect(new TextDecoder().decode(notify.body)).toBe(PUSH);
    expect(proxy.stats.forwarded).toBe(1); // the NOTIFY did not pass the proxy
  });

  it('reaches a PPG that is a SipEndpoint registered through the proxy address', async () => {
    const service = await SipEndpoint.open({ host: '127.0.0.10' });
    try {
      const got: IncomingSipRequest[] = [];
      service.onRequest((incoming) => {
        got.push(incoming);
        incoming.respond(200, 'OK', { Contact: `<${service.contactUri('ppg2')}>`, Expires: '600' });
      });
      // no outbound proxy (its in-dialog NOTIFYs go direct): the REGISTER goes to the proxy as the AOR host
      const { pubGruu } = await service.register({ aor: `sip:ppg2@${proxy.address.host}:${proxy.address.port}`, instanceId: `urn:uuid:${randomUUID()}` });
      expect(pubGruu).toMatch(/^sip:ppg2@example\.com;gr=urn:uuid:/);
      const result = await client.request({ method: 'SUBSCRIBE', requestUri: 'sip:ppg2@example.com', from: 'sip:dev-3@example.com', contact: client.contactUri('dev-3'), headers: { Event: 'waken-push', Expires: '600' } });
      expect(result.status).toBe(200);
      expect(nameAddrTag(getHeader(result.response, 'To') as string)).toMatch(/^[0-9a-f]{16}$/);
      expect(getHeader(result.response, 'Contact')).toBe(`<${service.contactUri('ppg2')}>`);
      expect(got).toHaveLength(1);
      const notify = await service.request({
        method: 'NOTIFY', requestUri: client.contactUri('dev-3'), from: getHeader(result.response, 'To') as string,
        to: getHeader(got[0].request, 'From'), callId: getHeader(got[0].request, 'Call-ID'), headers: { Event: 'waken-push', 'Subscription-State': 'active' },
      });
      expect(notify.status).toBe(200);
    } finally {
      await service.close();
    }
  });

  it('answers an in-dialog refresh sent to the proxy with 404 (endpoints talk direct in a dialog)', async () => {
    const refresh = await client.request({ method: 'SUBSCRIBE', requestUri: PPG_AOR, from: 'sip:dev-2@example.com', to: `<${PPG_AOR}>;tag=${PPG_TAG}`, headers: { Event: 'waken-push', Expires: '600' } });
    expect(refresh.status).toBe(404);
  });
});
