import { connect } from 'node:net';
import fc from 'fast-check';
import { getHeader, SipBuildError, type SipRequest } from '@waken/bearer-sip';
import { SipEndpoint } from './sip-endpoint';
import { SipTimeoutError } from './sip-timeout-error';
import { SipTransportError } from './sip-transport-error';
import { FakeUdpPeer } from './testing/fake-udp-peer';
import { waitFor } from './testing/poll';

// Transaction and robustness behaviour on loopback sockets, against scripted peers.
const fast = { t1Ms: 40, t2Ms: 160, t4Ms: 200, timeoutMs: 1500 };
const message = (n = 0) => ({ requestUri: 'sip:dev@example.com', from: 'sip:ppg@example.com', contentType: 'text/plain', body: `m${n}` });

describe('SipEndpoint client transactions (RFC 3261 §17.1.2)', () => {
  let proxy: FakeUdpPeer;
  let ep: SipEndpoint;

  beforeEach(async () => {
    proxy = await FakeUdpPeer.open();
    ep = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: { transport: 'udp', host: '127.0.0.1', port: proxy.port }, timers: fast });
  });

  afterEach(async () => {
    await ep.close();
    await proxy.close();
  });

  it('retransmits on Timer E and rejects with SipTimeoutError on Timer F', async () => {
    const outcome = ep.sendMessage(message());
    await expect(outcome).rejects.toBeInstanceOf(SipTimeoutError);
    expect(proxy.requests().length).toBeGreaterThanOrEqual(4);
    expect(new Set(proxy.requests().map((r) => getHeader(r, 'Via'))).size).toBe(1);
    expect(ep.stats).toMatchObject({ timeouts: 1, retransmissions: proxy.requests().length - 1 });
  });

  it('waits past a provisional, resolves on the final, absorbs its retransmission', async () => {
    const outcome = ep.sendMessage(message());
    await waitFor('the request', () => proxy.received.length >= 1);
    proxy.reply(0, 100, 'Trying');
    proxy.reply(0, 202, 'Accepted');
    const result = await outcome;
    expect(result).toMatchObject({ status: 202, reason: 'Accepted' });
    proxy.reply(0, 202, 'Accepted');
    await waitFor('the retransmitted final absorbed', () => ep.stats.responsesAbsorbed === 1);
    expect(ep.stats.responsesUnmatched).toBe(0);
  });

  it('holds callers beyond maxInflight until slots free up (backpressure)', async () => {
    await ep.close();
    ep = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: { transport: 'udp', host: '127.0.0.1', port: proxy.port }, maxInflight: 2, timers: { ...fast, t1Ms: 5000 } });
    const outcomes = [0, 1, 2, 3, 4].map((n) => ep.sendMessage(message(n)));
    await waitFor('two requests on the wire', () => proxy.received.length === 2);
    expect(ep.load).toEqual({ inflight: 2, waiting: 3 });
    for (let answered = 0; answered < 5; answered += 1) {
      await waitFor(`request ${answered + 1}`, () => proxy.received.length > answered);
      expect(proxy.received.length).toBeLessThanOrEqual(answered + 2);
      proxy.reply(answered, 200);
    }
    expect((await Promise.all(outcomes)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('close() rejects what is pending with SipTransportError and refuses new requests', async () => {
    const outcome = ep.sendMessage(message());
    await waitFor('the request', () => proxy.received.length >= 1);
    await ep.close();
    await expect(outcome).rejects.toMatchObject({ code: 'closed' });
    await expect(ep.sendMessage(message())).rejects.toBeInstanceOf(SipTransportError);
  });

  it('refuses CR/LF in PI-provided header values before anything is sent (reliability.md #25)', async () => {
    await expect(ep.sendMessage({ ...message(), headers: { Subject: 'x\r\nContact: <sip:evil@x>' } })).rejects.toBeInstanceOf(SipBuildError);
    expect(proxy.raw).toHaveLength(0);
  });
});

describe('SipEndpoint server side and bad input', () => {
  let device: SipEndpoint;
  let peer: FakeUdpPeer;
  const seen: SipRequest[] = [];

  beforeEach(async () => {
    seen.splice(0);
    device = await SipEndpoint.open({ host: '127.0.0.2', timers: fast });
    peer = await FakeUdpPeer.open('127.0.0.1');
    device.onRequest(({ request, respond }) => {
      seen.push(request);
      if (getHeader(request, 'Subject') === 'throw') throw new Error('handler bug');
      respond(200, 'OK', { 'Content-Type': 'text/plain' }, 'ack');
    });
  });

  afterEach(async () => {
    await device.close();
    await peer.close();
  });

  const raw = (extra = '', contentLength = 'Content-Length: 0', branch = 'z9hG4bKraw1') =>
    [
      'MESSAGE sip:dev@127.0.0.2 SIP/2.0', `Via: SIP/2.0/UDP 127.0.0.1:${peer.port};branch=${branch}`, 'Max-Forwards: 70',
      'From: <sip:ppg@example.com>;tag=1', 'To: <sip:dev@example.com>', 'Call-ID: raw1@127.0.0.1', 'CSeq: 1 MESSAGE',
      ...(extra ? [extra] : []), contentLength, '', '',
    ].join('\r\n');

  it('delivers a request once and answers its retransmission with the same response', async () => {
    peer.send(raw(), device.port, '127.0.0.2');
    peer.send(raw(), device.port, '127.0.0.2');
    await waitFor('two responses', () => peer.received.length === 2);
    expect(seen).toHaveLength(1);
    expect(peer.raw[0].equals(peer.raw[1])).toBe(true);
    expect(peer.received[0].message).toMatchObject({ kind: 'response', status: 200 });
    expect(device.stats.requestsAbsorbed).toBe(1);
  });

  it.each([
    ['duplicate Content-Length', 400, () => raw('', 'Content-Length: 0\r\nContent-Length: 0')],
    ['negative Content-Length', 400, () => raw('', 'Content-Length: -1')],
    ['a Content-Length past the body', 400, () => raw('', 'Content-Length: 10')],
    // 513 would need all 1,000 Vias copied back; the message is dropped instead
    ['1,000 Via entries', 'dropped', () => raw(`Via: ${Array(1000).fill('SIP/2.0/UDP h;branch=z9hG4bKv').join(', ')}`)],
  ])('%s -> %s, and the endpoint keeps serving (reliability.md #23, #24)', async (_label, expected, text) => {
    peer.send(text(), device.port, '127.0.0.2');
    await waitFor('the bad input handled', () => device.stats.malformedAnswered + device.stats.malformedDropped === 1);
    peer.send(raw('', 'Content-Length: 0', 'z9hG4bKgood'), device.port, '127.0.0.2');
    await waitFor('the good request answered', () => peer.received.some((r) => r.message.kind === 'response' && r.message.status === 200));
    const statuses = peer.received.flatMap((r) => (r.message.kind === 'response' ? [r.message.status] : []));
    expect(statuses).toEqual(expected === 'dropped' ? [200] : [expected, 200]);
    expect(seen).toHaveLength(1);
  });

  it('drops random garbage without answering', async () => {
    for (const junk of ['', '\r\n\r\n', 'hello', 'SIP/2.0 200 OK\r\n\r\n', Buffer.alloc(1200, 0xff).toString('latin1')]) peer.send(junk || ' ', device.port, '127.0.0.2');
    await waitFor('five drops', () => device.stats.malformedDropped === 5);
    expect(peer.received).toHaveLength(0);
  });

  it('answers 500 when the handler throws, 501 without a handler', async () => {
    peer.send(raw('Subject: throw'), device.port, '127.0.0.2');
    await waitFor('a 500', () => peer.received.some((r) => r.message.kind === 'response' && r.message.status === 500));
    device.onRequest(undefined);
    peer.send(raw('', 'Content-Length: 0', 'z9hG4bKnohandler'), device.port, '127.0.0.2');
    await waitFor('a 501', () => peer.received.some((r) => r.message.kind === 'response' && r.message.status === 501));
  });

  it('over TCP: answers a framing error with 400, then closes the stream (reliability.md #23)', async () => {
    const socket = connect({ host: '127.0.0.2', port: device.port, localAddress: '127.0.0.1' });
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('\r\n\r\n');
    await waitFor('the keep-alive pong', () => Buffer.concat(chunks).toString() === '\r\n');
    socket.write(raw('', 'Content-Length: 0\r\nl: 0').replace('SIP/2.0/UDP', 'SIP/2.0/TCP'));
    await closed;
    expect(Buffer.concat(chunks).toString()).toMatch(/^\r\nSIP\/2\.0 400 Bad Request\r\n/);
    expect(seen).toHaveLength(0);
  });

  it('sends a request over 1300 bytes by TCP instead of UDP (RFC 3261 §18.1.1)', async () => {
    const sender = await SipEndpoint.open({ host: '127.0.0.1', timers: fast });
    try {
      const result = await sender.sendMessage({ ...message(), requestUri: device.contactUri('dev'), body: 'x'.repeat(2000) });
      expect(result.status).toBe(200);
      expect(getHeader(seen[0], 'Via')).toMatch(/^SIP\/2\.0\/TCP /);
    } finally {
      await sender.close();
    }
  });

  it('survives 2,000 random and mutated datagrams and stream chunks, then still serves (reliability.md S3)', async () => {
    const valid = Buffer.from(raw('', 'Content-Length: 0', 'z9hG4bKfuzz'));
    const mutated = fc.tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat()).map(([flips, cut]) => {
      const b = Buffer.from(valid);
      flips.forEach(([at, v]) => (b[at % b.length] = v));
      return b.subarray(0, 1 + (cut % b.length));
    });
    const inputs = fc.sample(fc.oneof(mutated, fc.uint8Array({ minLength: 1, maxLength: 400 }).map((u) => Buffer.from(u))), { numRuns: 2000, seed: 42 });
    const socket = connect({ host: '127.0.0.2', port: device.port, localAddress: '127.0.0.1' });
    socket.on('error', () => undefined);
    for (const [i, bytes] of inputs.entries()) {
      if (i % 2) peer.send(bytes, device.port, '127.0.0.2');
      else socket.write(bytes);
      if (i % 16 === 0) await new Promise((resolve) => setTimeout(resolve, 1)); // let the socket buffers drain
    }
    socket.end();
    const answered = () => peer.received.some((r) => r.message.kind === 'response' && r.message.status === 200 && r.message.headers[0].value.includes('afterfuzz'));
    // UDP may drop under the burst, so the probe is resent like a UA would (Timer E)
    for (let probe = 0; !answered(); probe += 1) {
      if (probe > 50) throw new Error('the endpoint stopped answering');
      peer.send(raw('', 'Content-Length: 0', `z9hG4bKafterfuzz${probe}`), device.port, '127.0.0.2');
      await waitFor('an answer', answered, 100).catch(() => undefined);
    }
    const s = device.stats;
    expect(s.malformedAnswered + s.malformedDropped + s.requestsReceived).toBeGreaterThan(100);
  });
});
