import { getHeader } from '@waken/bearer-sip';
import { ClientRespondedV1, PushPendingV1, SessionClosedV1, SessionOpenedV1 } from '@waken/contracts';
import { coreFixture as setUp, flush } from './testing/core-fixture';
import { FakeIncomingRequest, subscribeText } from './testing/fake-incoming-request';

describe('SessionCore', () => {
  it('answers 401 to a bad or replayed token, 403 to a tenant it does not serve, and opens nothing', async () => {
    const { core, subscribe, publisher } = setUp({}, ['mobilkom']);
    expect((await subscribe('c1', { 'X-Waken-Auth': `${Math.floor(Date.now() / 1000)};${'A'.repeat(43)}` })).final?.status).toBe(401);
    expect((await subscribe('c1', { 'X-Waken-Auth': undefined })).final?.status).toBe(401);
    expect((await subscribe('c1', {}, undefined, 'other')).final?.status).toBe(403);
    const ok = await subscribe('c1');
    expect(ok.final?.status).toBe(200);
    const again = new FakeIncomingRequest(rebuild(ok));
    await core.subscriptions.handle(again);
    expect(again.final?.status).toBe(401);
    expect(getHeader(again.final ?? ok.request, 'WWW-Authenticate')).toContain('Waken-Session');
    expect(publisher.of(SessionOpenedV1)).toHaveLength(1);
    expect(core.registry.size).toBe(1);
  });

  it('answers 489 to another event package and 405 to other methods', async () => {
    const { core, subscribe } = setUp();
    expect((await subscribe('c1', { Event: 'presence' })).final?.status).toBe(489);
    const options = new FakeIncomingRequest(subscribeText({ callId: 'x', headers: {} }).replace(/SUBSCRIBE/g, 'OPTIONS'));
    await core.subscriptions.handle(options);
    expect(options.final?.status).toBe(405);
  });

  it('a rejection (Expires: 0 with a rejection body) answers 200, publishes ClientRespondedV1 and opens no session', async () => {
    const { core, subscribe, publisher } = setUp();
    expect((await subscribe('c1', { Expires: '0' }, '{"rejection":"user busy"}')).final?.status).toBe(200);
    expect(publisher.of<ClientRespondedV1>(ClientRespondedV1)[0].payload.rejection).toBe('user busy');
    expect(core.registry.size).toBe(0);
    expect(publisher.of(SessionOpenedV1)).toHaveLength(0);
  });

  it('keeps at most maxNotifyInflight NOTIFYs out over all sessions, and one per session by default', async () => {
    const { channel, pending, subscribe } = setUp({ maxNotifyInflight: 2 });
    channel.auto = undefined;
    await Promise.all(['c1', 'c2', 'c3'].map((c) => pending(c, 3)));
    await Promise.all(['c1', 'c2', 'c3'].map((c) => subscribe(c)));
    expect(channel.sent).toHaveLength(2);
    for (let i = 0; i < 20 && channel.sent.length < 9; i += 1) {
      channel.sent.filter((s) => !('done' in s)).forEach((s) => Object.assign(s, { done: true }).answer({ status: 200 }));
      await flush();
    }
    expect(channel.maxOutstanding).toBe(2);
    expect(channel.pushes()).toHaveLength(9);
    const order = (client: string) => channel.pushes().filter((p) => p.pushId.startsWith(client)).map((p) => p.pushId);
    expect(order('c2')).toEqual(['c2-0@pi', 'c2-1@pi', 'c2-2@pi']);
  });

  it('a NOTIFY that times out ends the session (expired) and leaves the push pending; a 500 only skips it', async () => {
    const { channel, pending, subscribe, store, publisher, core } = setUp();
    channel.auto = { status: 500 };
    await pending('c1', 2);
    await subscribe('c1');
    expect(store.stateOf({ ...PushPendingV1.example, clientId: 'c1', pushId: 'c1-0@pi' })).toBe('pending');
    expect(channel.pushes()).toHaveLength(2);
    channel.auto = { failure: 'timeout' };
    await pending('c1', 3);
    await flush();
    expect(publisher.of<SessionClosedV1>(SessionClosedV1).map((e) => e.payload.reason)).toEqual(['expired']);
    expect(core.registry.size).toBe(0);
    expect(store.stateOf({ ...PushPendingV1.example, clientId: 'c1', pushId: 'c1-2@pi' })).toBe('pending');
  });

  it('the sweep ends an idle session and an expired one with the terminated NOTIFY (reason timeout)', async () => {
    const { clock, channel, subscribe, core, publisher } = setUp({ idleMs: 10_000 });
    await subscribe('c1', { Expires: '5' });
    await subscribe('c2', { Expires: '600' });
    clock.now += 6000;
    await core.sweeper.sweep();
    clock.now += 5000;
    await core.sweeper.sweep();
    await flush();
    expect(publisher.of<SessionClosedV1>(SessionClosedV1).map((e) => [e.payload.clientId, e.payload.reason])).toEqual([['c1', 'expired'], ['c2', 'idle']]);
    expect(channel.sent.map((s) => s.subscriptionState)).toEqual(['terminated;reason=timeout', 'terminated;reason=timeout']);
  });

  it('shutdown lets NOTIFYs in flight finish, then ends every session (deactivated, SessionClosedV1 shutdown) and refuses new ones', async () => {
    const { channel, pending, subscribe, core, publisher, store } = setUp();
    channel.auto = undefined;
    await pending('c1', 1);
    await subscribe('c1');
    const stopping = core.shutdown();
    channel.sent[0].answer({ status: 200 });
    await flush();
    expect(store.stateOf({ ...PushPendingV1.example, clientId: 'c1', pushId: 'c1-0@pi' })).toBe('delivered');
    expect(channel.sent[1].subscriptionState).toBe('terminated;reason=deactivated');
    channel.sent[1].answer({ status: 200 });
    await stopping;
    expect(publisher.of<SessionClosedV1>(SessionClosedV1)[0].payload.reason).toBe('shutdown');
    expect((await subscribe('c2')).final?.status).toBe(503);
  });
});

/** The same SUBSCRIBE again (same Call-ID and ts), as a replaying attacker would send it. */
function rebuild(original: FakeIncomingRequest): string {
  const lines = original.request.headers.map((h) => `${h.name}: ${h.name === 'To' ? h.value.replace(/;tag=.*$/, '') : h.value}`);
  return `SUBSCRIBE sip:ppg@127.0.0.1:5070 SIP/2.0\r\n${lines.join('\r\n')}\r\nContent-Length: 0\r\n\r\n`;
}
