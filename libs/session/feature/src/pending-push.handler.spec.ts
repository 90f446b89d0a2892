// Contract test. Consumer side: the PushPendingV1 and PushCancelledV1 examples go through the
// handler. Producer side: everything the session endpoint publishes while a client subscribes,
// receives the push and leaves validates against its contract (RecordingPublisher parses it).
import { getHeader, nameAddrTag } from '@waken/bearer-sip';
import { ClientRespondedV1, PushCancelledV1, PushDeliveredV1, PushPendingV1, SessionClosedV1, SessionOpenedV1 } from '@waken/contracts';
import { EventEnvelope, RecordingPublisher } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { deriveClientKey } from '@waken/sir-domain';
import { signSessionAuth } from '@waken/session-domain';
import { PendingPushHandler } from './pending-push.handler';
import { SessionCore } from './session-core';
import { DEFAULT_SESSION_TUNING } from './session.options';
import { FakeIncomingRequest, subscribeText } from './testing/fake-incoming-request';
import { InMemoryPendingStore } from './testing/in-memory-pending-store';
import { ScriptedNotifyChannel } from './testing/scripted-notify-channel';

const master = Buffer.from('0123456789abcdef0123456789abcdef');
const envelope = <T>(payload: T, eventType: string): EventEnvelope<T> => ({
  topic: 't',
  partition: 0,
  offset: '1',
  key: 'sip:+43-8323546@mobilkom.at',
  headers: { eventId: `ev-${Math.random()}`, eventType, correlationId: 'c', occurredAt: new Date().toISOString() },
  payload,
});
const token = (callId: string) =>
  signSessionAuth(deriveClientKey(master, 'mobilkom', 'c-phone'), { tenantId: 'mobilkom', clientId: 'c-phone', callId, timestampS: Math.floor(Date.now() / 1000) });
const flush = () => new Promise((resolve) => setImmediate(resolve));

function setUp() {
  const publisher = new RecordingPublisher();
  const store = new InMemoryPendingStore();
  const channel = new ScriptedNotifyChannel();
  const core = new SessionCore({
    publisher, store, channel, logger: createLogger('t', 'silent'), master, tenants: [],
    localContact: 'sip:ppg@127.0.0.1:5070', tuning: DEFAULT_SESSION_TUNING,
  });
  return { publisher, store, channel, core, handler: new PendingPushHandler(core) };
}

describe('session endpoint (contract test)', () => {
  it('stores the PushPendingV1 example, delivers it over the session and publishes only valid events', async () => {
    const { publisher, store, channel, core, handler } = setUp();
    await handler.onPending([envelope(PushPendingV1.example, 'PushPendingV1')]);
    expect(store.stateOf(PushPendingV1.example)).toBe('pending');

    const headers = { 'X-Waken-Client': 'mobilkom c-phone', 'X-Waken-Sir': 'sir-0b6a2f1c', 'X-Waken-Auth': token('call-1'), Expires: '600' };
    const subscribe = new FakeIncomingRequest(subscribeText({ callId: 'call-1', headers, body: '{"capabilities":{"screen":"1080x2400"}}' }));
    await core.subscriptions.handle(subscribe);
    const ok = subscribe.final;
    if (!ok) throw new Error('no final response');
    expect(ok.status).toBe(200);
    const localTag = nameAddrTag(getHeader(ok, 'To') ?? '');
    expect(localTag).toBeTruthy();
    expect(getHeader(ok, 'Contact')).toBe('<sip:ppg@127.0.0.1:5070>');
    await flush();

    const [notify] = channel.sent;
    expect(notify.push).toEqual({ pushId: '42@pi.example.com', recipientIndex: 0, contentType: 'text/plain', bodyBase64: 'aGVsbG8=' });
    expect(notify.dialog.localAddress).toContain(`tag=${localTag}`);
    expect(notify.subscriptionState).toMatch(/^active;expires=(600|599)$/);
    expect(store.stateOf(PushPendingV1.example)).toBe('delivered');

    // seed §S10: pending while connected goes out at once
    const connected = { ...PushPendingV1.example, pushId: '43@pi.example.com', wake: 'connected' as const };
    await handler.onPending([envelope(connected, 'PushPendingV1')]);
    await flush();
    expect(channel.pushes().map((p) => p.pushId)).toEqual(['42@pi.example.com', '43@pi.example.com']);

    const end = new FakeIncomingRequest(subscribeText({ callId: 'call-1', cseq: 2, toTag: localTag, headers: { Expires: '0' } }));
    await core.subscriptions.handle(end);
    expect(end.final?.status).toBe(200);
    await flush();
    expect(channel.sent.at(-1)?.subscriptionState).toBe('terminated;reason=noresource');

    expect(publisher.of<SessionOpenedV1>(SessionOpenedV1)[0].payload).toMatchObject({ clientId: 'c-phone', sirId: 'sir-0b6a2f1c', via: 'sip-subscribe', contact: 'sip:dev-2@127.0.0.2:5062' });
    expect(publisher.of<ClientRespondedV1>(ClientRespondedV1)[0].payload).toMatchObject({ capabilities: { screen: '1080x2400' }, sirId: 'sir-0b6a2f1c' });
    expect(publisher.of<PushDeliveredV1>(PushDeliveredV1).map((e) => [e.payload.pushId, e.payload.wake])).toEqual([['42@pi.example.com', 'sir'], ['43@pi.example.com', 'connected']]);
    expect(publisher.of<SessionClosedV1>(SessionClosedV1)[0].payload.reason).toBe('client');
    for (const { def, event } of publisher.published) {
      expect(def.problems(event.payload)).toEqual([]);
      expect(event.key).toBe('sip:+43-8323546@mobilkom.at');
      expect(event.eventId).toBeTruthy();
    }
  });

  it('a redelivered PushPendingV1 is stored once; the PushCancelledV1 example drops it before any session', async () => {
    const { store, handler, channel, core } = setUp();
    await handler.onPending([envelope(PushPendingV1.example, 'PushPendingV1'), envelope(PushPendingV1.example, 'PushPendingV1')]);
    await handler.onPending([envelope(PushPendingV1.example, 'PushPendingV1')]);
    expect(store.rows.size).toBe(1);
    await handler.onCancelled([envelope(PushCancelledV1.example, 'PushCancelledV1')]);
    expect(store.stateOf(PushPendingV1.example)).toBe('cancelled');
    const headers = { 'X-Waken-Client': 'mobilkom c-phone', 'X-Waken-Auth': token('call-2') };
    await core.subscriptions.handle(new FakeIncomingRequest(subscribeText({ callId: 'call-2', headers })));
    await flush();
    expect(channel.pushes()).toEqual([]);
  });

  it('stores a push already past deliver-before as expired and never sends it', async () => {
    const { store, handler } = setUp();
    await handler.onPending([envelope({ ...PushPendingV1.example, deliverBefore: '2020-01-01T00:00:00Z' }, 'PushPendingV1')]);
    expect(store.stateOf(PushPendingV1.example)).toBe('expired');
  });
});
