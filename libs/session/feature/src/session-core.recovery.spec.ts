import { PushCancelledV1, PushPendingV1, SessionClosedV1 } from '@waken/contracts';
import { coreFixture, flush } from './testing/core-fixture';

const key = (clientId: string, i: number) => ({ ...PushPendingV1.example, clientId, pushId: `${clientId}-${i}@pi` });

describe('SessionCore recovery paths', () => {
  it('a failed load is retried at the next sweep', async () => {
    const { store, channel, core, pending, subscribe } = coreFixture();
    await pending('c1', 2);
    const real = store.pendingFor.bind(store);
    store.pendingFor = jest.fn().mockRejectedValueOnce(new Error('database down')).mockImplementation(real);
    expect((await subscribe('c1')).final?.status).toBe(200);
    expect(channel.pushes()).toEqual([]);
    await core.sweeper.sweep();
    await flush();
    expect(channel.pushes().map((p) => p.pushId)).toEqual(['c1-0@pi', 'c1-1@pi']);
  });

  it('loads past the batch size in order once the first batch is sent', async () => {
    const { channel, pending, subscribe } = coreFixture({ loadBatch: 2 });
    await pending('c1', 5);
    await subscribe('c1');
    await flush();
    expect(channel.pushes().map((p) => p.pushId)).toEqual(['c1-0@pi', 'c1-1@pi', 'c1-2@pi', 'c1-3@pi', 'c1-4@pi']);
  });

  it('a client that subscribes again keeps its queue: the NOTIFY in flight on the old dialog is not sent twice', async () => {
    const { channel, pending, subscribe, store, publisher } = coreFixture();
    channel.auto = undefined;
    await pending('c1', 2);
    await subscribe('c1');
    expect(channel.sent).toHaveLength(1);
    await subscribe('c1');
    expect(publisher.of<SessionClosedV1>(SessionClosedV1).map((e) => e.payload.reason)).toEqual(['client']);
    channel.sent[0].answer({ status: 200 });
    await flush();
    const pushes = () => channel.sent.filter((s) => s.push).map((s) => s.push?.pushId);
    expect(pushes()).toEqual(['c1-0@pi', 'c1-1@pi']);
    channel.sent.filter((s) => s.push?.pushId === 'c1-1@pi').forEach((s) => s.answer({ status: 200 }));
    await flush();
    expect([store.stateOf(key('c1', 0)), store.stateOf(key('c1', 1))]).toEqual(['delivered', 'delivered']);
  });

  it('an old dialog that no longer answers hands its push to the new session', async () => {
    const { channel, pending, subscribe, store } = coreFixture();
    channel.auto = undefined;
    await pending('c1', 1);
    await subscribe('c1');
    await subscribe('c1');
    channel.sent[0].answer({ failure: 'timeout' });
    await flush();
    const resent = channel.sent.filter((s) => s.push?.pushId === 'c1-0@pi');
    expect(resent).toHaveLength(2);
    resent[1].answer({ status: 200 });
    await flush();
    expect(store.stateOf(key('c1', 0))).toBe('delivered');
  });

  it('a cancelled push leaves the queue of an open session before it is sent', async () => {
    const { channel, pending, subscribe, core } = coreFixture();
    channel.auto = undefined;
    await pending('c1', 3);
    await subscribe('c1');
    await core.intake.cancel([{ ...PushCancelledV1.example, pushId: 'c1-1@pi' }]);
    channel.sent[0].answer({ status: 200 });
    await flush();
    channel.sent.slice(1).forEach((s) => s.answer({ status: 200 }));
    await flush();
    expect(channel.pushes().map((p) => p.pushId)).toEqual(['c1-0@pi', 'c1-2@pi']);
  });
});
