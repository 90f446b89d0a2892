import { fromHex } from '@waken/wire';
import { SmppBindError } from './smpp-bind-error';
import { SmppClient } from './smpp-client';
import { SmppClientOptions } from './smpp-client-options';
import { SmppLinkError } from './smpp-link-error';
import { ShortMessagePdu, SmppPdu } from './smpp-pdu';
import { SmppReceipt } from './smpp-receipt';
import { FakeSmsc, FakeSmscLink } from './test-support/fake-smsc';
import { flush, ManualTimers } from './test-support/manual-timers';
import { RecordingLogger } from './test-support/recording-logger';
import { wapSegments } from './test-support/wap-segments';

interface Harness {
  client: SmppClient;
  smsc: FakeSmsc;
  timers: ManualTimers;
  logger: RecordingLogger;
  held: { link: FakeSmscLink; pdu: SmppPdu }[];
  receipts: SmppReceipt[];
}

let messageCounter = 0;

function harness(options: Partial<SmppClientOptions> = {}, smscOptions: { holdSubmits?: boolean; bindStatus?: number } = {}): Harness {
  const timers = new ManualTimers();
  const logger = new RecordingLogger();
  const held: Harness['held'] = [];
  const smsc = new FakeSmsc((pdu, link) => {
    if (pdu.command === 'bind_transceiver' || pdu.command === 'bind_transmitter') {
      link.reply(pdu, { command: `${pdu.command}_resp`, commandStatus: smscOptions.bindStatus ?? 0, systemId: 'smsc', tlvs: [] });
    } else if (pdu.command === 'submit_sm') {
      if (smscOptions.holdSubmits) held.push({ link, pdu });
      else link.reply(pdu, { command: 'submit_sm_resp', commandStatus: 0, messageId: `m${++messageCounter}` });
    } else if (pdu.command === 'unbind') {
      link.reply(pdu, { command: 'unbind_resp', commandStatus: 0 });
    }
  });
  const client = new SmppClient({
    host: 'smsc.test',
    port: 2775,
    systemId: 'waken',
    password: 'secret',
    enquireLinkIntervalMs: 30_000,
    responseTimeoutMs: 5_000,
    reconnectInitialMs: 1_000,
    random: () => 0,
    ...options,
    timers,
    logger,
    socketFactory: smsc.socketFactory,
  });
  const receipts: SmppReceipt[] = [];
  client.on('receipt', (r) => receipts.push(r));
  return { client, smsc, timers, logger, held, receipts };
}

const submits = (link: FakeSmscLink) => link.received.filter((p): p is ShortMessagePdu & { command: 'submit_sm' } => p.command === 'submit_sm');

function receiptPdu(messageId: string, stat = 'DELIVRD') {
  const text = new TextEncoder().encode(`id:${messageId} sub:001 dlvrd:001 submit date:2611261000 done date:2611261001 stat:${stat} err:000 text:`);
  return {
    command: 'deliver_sm' as const,
    commandStatus: 0,
    serviceType: '',
    sourceAddrTon: 1,
    sourceAddrNpi: 1,
    sourceAddr: '438323546',
    destAddrTon: 0,
    destAddrNpi: 0,
    destinationAddr: '',
    esmClass: 0x04,
    protocolId: 0,
    priorityFlag: 0,
    scheduleDeliveryTime: '',
    validityPeriod: '',
    registeredDelivery: 0,
    replaceIfPresentFlag: 0,
    dataCoding: 0,
    smDefaultMsgId: 0,
    shortMessage: text,
    tlvs: [],
  };
}

describe('SmppClient', () => {
  it('binds as transceiver and submits each segment with UDHI and 8-bit coding (wsp-wdp-sms.md §2)', async () => {
    const h = harness({ sourceAddr: 'Waken' });
    await h.client.connect();
    expect(h.smsc.last.received[0]).toMatchObject({ command: 'bind_transceiver', systemId: 'waken', password: 'secret', interfaceVersion: 0x34 });
    const segments = wapSegments(2);
    const result = await h.client.submitWapPush({ destination: '+438323546', segments, registeredDelivery: true });
    expect(result.messageIds).toHaveLength(2);
    expect(result.onWireAt).toBeInstanceOf(Date);
    const sent = submits(h.smsc.last);
    expect(sent.map((s) => s.shortMessage)).toEqual(segments);
    expect(sent[0]).toMatchObject({ esmClass: 0x40, dataCoding: 4, registeredDelivery: 1, destAddrTon: 1, destAddrNpi: 1, destinationAddr: '438323546' });
    expect(sent[0]).toMatchObject({ sourceAddrTon: 5, sourceAddr: 'Waken' });
    await h.client.close();
  });

  it('rejects a refused bind with SmppBindError and stays idle', async () => {
    const h = harness({}, { bindStatus: 0x0e });
    await expect(h.client.connect()).rejects.toMatchObject({ name: 'SmppBindError', commandStatus: 0x0e, retryable: false });
    await expect(h.client.connect()).rejects.toBeInstanceOf(SmppBindError);
    expect(h.client.state).toBe('idle');
  });

  it('keeps at most `window` submit_sm awaiting their resp', async () => {
    const h = harness({ window: 2 }, { holdSubmits: true });
    await h.client.connect();
    const done = h.client.submitWapPush({ destination: '+438323546', segments: wapSegments(5), registeredDelivery: false });
    await flush();
    expect(submits(h.smsc.last)).toHaveLength(2);
    expect(h.client.inFlight).toBe(2);
    for (let answered = 0; answered < 5; answered++) {
      const { link, pdu } = h.held[answered];
      link.reply(pdu, { command: 'submit_sm_resp', commandStatus: 0, messageId: `w${answered}` });
      await flush();
      expect(submits(h.smsc.last).length - (answered + 1)).toBeLessThanOrEqual(2);
    }
    await expect(done).resolves.toMatchObject({ messageIds: ['w0', 'w1', 'w2', 'w3', 'w4'] });
    await h.client.close();
  });

  it('stops sending the rest of a push once the SMSC refuses one segment', async () => {
    const h = harness({ window: 1 }, { holdSubmits: true });
    await h.client.connect();
    const done = h.client.submitWapPush({ destination: '+438323546', segments: wapSegments(3), registeredDelivery: false });
    await flush();
    h.held[0].link.reply(h.held[0].pdu, { command: 'submit_sm_resp', commandStatus: 0x0b, messageId: '' });
    await expect(done).rejects.toMatchObject({ name: 'SmppCommandError', commandStatus: 0x0b, retryable: false });
    await flush();
    expect(submits(h.smsc.last)).toHaveLength(1);
    await h.client.close();
  });

  it('spaces submits by the throughput cap (token bucket, burst 1)', async () => {
    const h = harness({ messagesPerSecond: 10 });
    await h.client.connect();
    const done = h.client.submitWapPush({ destination: '+438323546', segments: wapSegments(3), registeredDelivery: false });
    await flush();
    expect(submits(h.smsc.last)).toHaveLength(1);
    await h.timers.advance(99);
    expect(submits(h.smsc.last)).toHaveLength(1);
    await h.timers.advance(1);
    expect(submits(h.smsc.last)).toHaveLength(2);
    await h.timers.advance(100);
    await expect(done).resolves.toMatchObject({ messageIds: expect.any(Array) });
    await h.client.close();
  });

  it('fails pending submits with a retryable SmppLinkError when the link drops, then reconnects', async () => {
    const h = harness({}, { holdSubmits: true });
    await h.client.connect();
    const done = h.client.submitWapPush({ destination: '+438323546', segments: wapSegments(2), registeredDelivery: false });
    await flush();
    h.held[0].link.reply(h.held[0].pdu, { command: 'submit_sm_resp', commandStatus: 0, messageId: 'first' });
    await flush();
    h.smsc.last.socket.destroy();
    await expect(done).rejects.toMatchObject({ name: 'SmppLinkError', retryable: true, acceptedMessageIds: ['first'] });
    expect(h.client.state).toBe('reconnecting');
    await expect(h.client.submitWapPush({ destination: '+438323546', segments: wapSegments(1), registeredDelivery: false })).rejects.toBeInstanceOf(SmppLinkError);
    await h.timers.advance(500);
    expect(h.smsc.links).toHaveLength(2);
    expect(h.client.state).toBe('bound');
    await h.client.close();
  });

  it('sends enquire_link every interval and reconnects with growing jittered backoff when it goes unanswered', async () => {
    const h = harness({ random: () => 1 });
    const dropped: number[] = [];
    h.client.on('disconnected', (d) => dropped.push(d.reconnectInMs));
    await h.client.connect();
    await h.timers.advance(30_000);
    expect(h.smsc.last.commands()).toContain('enquire_link');
    h.smsc.refuseConnect = true;
    await h.timers.advance(5_000);
    expect(dropped).toEqual([1_000]);
    await h.timers.advance(1_000);
    expect(dropped).toEqual([1_000, 2_000]);
    h.smsc.refuseConnect = false;
    await h.timers.advance(2_000);
    expect(h.client.state).toBe('bound');
    expect(h.smsc.links).toHaveLength(2);
    await h.client.close();
  });

  it('answers the SMSC enquire_link and, on its unbind, unbind_resp before reconnecting', async () => {
    const h = harness();
    await h.client.connect();
    const seq = h.smsc.last.send({ command: 'enquire_link', commandStatus: 0 });
    await flush();
    expect(h.smsc.last.received).toContainEqual({ command: 'enquire_link_resp', commandStatus: 0, sequenceNumber: seq });
    h.smsc.last.send({ command: 'unbind', commandStatus: 0 });
    await flush();
    expect(h.smsc.last.commands()).toContain('unbind_resp');
    expect(h.client.state).toBe('reconnecting');
    await h.client.close();
  });

  it('emits receipts for its own message ids only; others are logged (reliability #30)', async () => {
    const h = harness();
    await h.client.connect();
    const { messageIds } = await h.client.submitWapPush({ destination: '+438323546', segments: wapSegments(1), registeredDelivery: true });
    h.smsc.last.send(receiptPdu(messageIds[0]));
    h.smsc.last.send(receiptPdu('not-ours', 'UNDELIV'));
    await flush();
    expect(h.receipts).toEqual([expect.objectContaining({ messageId: messageIds[0], state: 'DELIVRD', error: '000' })]);
    expect(h.logger.messages()).toContain('receipt for an unknown message id; logged only');
    const resps = h.smsc.last.received.filter((p) => p.command === 'deliver_sm_resp');
    expect(resps.map((p) => p.commandStatus)).toEqual([0, 0]);
    await h.client.close();
  });

  it('matches a receipt that spells a hex message_id in decimal', async () => {
    const h = harness({}, { holdSubmits: true });
    await h.client.connect();
    const link = h.smsc.last;
    const done = h.client.submitWapPush({ destination: '+438323546', segments: wapSegments(1), registeredDelivery: true });
    await flush();
    link.received.filter((p) => p.command === 'submit_sm').forEach((p) => link.reply(p, { command: 'submit_sm_resp', commandStatus: 0, messageId: '1A2B' }));
    link.send(receiptPdu('6699'));
    await done;
    await flush();
    expect(h.receipts.map((r) => r.messageId)).toEqual(['1A2B']);
    await h.client.close();
  });

  it('logs a deliver_sm on a transmitter bind and answers ESME_RINVBNDSTS', async () => {
    const h = harness({ bindMode: 'transmitter' });
    await h.client.connect();
    expect(h.smsc.last.received[0].command).toBe('bind_transmitter');
    h.smsc.last.send(receiptPdu('m1'));
    await flush();
    expect(h.smsc.last.received.find((p) => p.command === 'deliver_sm_resp')?.commandStatus).toBe(0x04);
    expect(h.logger.messages()).toContain('deliver_sm while not bound to receive; logged only');
    expect(h.receipts).toEqual([]);
    await h.client.close();
  });

  it('answers a malformed PDU with generic_nack, then unbind, and reconnects (reliability #26)', async () => {
    const h = harness();
    await h.client.connect();
    const link = h.smsc.last;
    link.sendRaw(fromHex('00000008 00000015 00000000 00000007'));
    await flush();
    expect(link.commands().slice(-2)).toEqual(['generic_nack', 'unbind']);
    expect(link.received.find((p) => p.command === 'generic_nack')).toMatchObject({ commandStatus: 0x02 });
    await h.timers.advance(500);
    expect(h.smsc.links).toHaveLength(2);
    await h.client.close();
  });

  it('answers an unknown request with generic_nack ESME_RINVCMDID and keeps the link', async () => {
    const h = harness();
    await h.client.connect();
    h.smsc.last.sendRaw(fromHex('00000010 00000103 00000000 00000063'));
    await flush();
    expect(h.smsc.last.received.at(-1)).toEqual({ command: 'generic_nack', commandStatus: 0x03, sequenceNumber: 0x63 });
    expect(h.client.state).toBe('bound');
    await h.client.close();
  });

  it('close() unbinds, stops reconnecting and releases its timers', async () => {
    const h = harness();
    await h.client.connect();
    await h.client.close();
    expect(h.smsc.last.commands()).toContain('unbind');
    expect(h.client.state).toBe('closed');
    expect(h.timers.pending).toBe(0);
    await expect(h.client.submitWapPush({ destination: '+438323546', segments: wapSegments(1), registeredDelivery: false })).rejects.toBeInstanceOf(SmppLinkError);
  });

  it('refuses a destination that is not E.164 and a segment over 140 octets', async () => {
    const h = harness();
    await h.client.connect();
    await expect(h.client.submitWapPush({ destination: '0438323546', segments: wapSegments(1), registeredDelivery: false })).rejects.toThrow(RangeError);
    const big = Uint8Array.from([0, ...new Uint8Array(140)]);
    await expect(h.client.submitWapPush({ destination: '+438323546', segments: [big], registeredDelivery: false })).rejects.toThrow(/141 octets/);
    await h.client.close();
  });
});
