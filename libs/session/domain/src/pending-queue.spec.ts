import fc from 'fast-check';
import { PendingPush, pendingKeyOf } from './pending-push';
import { PendingQueue } from './pending-queue';

const push = (seq: number, over: Partial<PendingPush> = {}): PendingPush => ({
  seq,
  tenantId: 'mobilkom',
  pushId: `p${seq}@pi`,
  recipientIndex: 0,
  clientId: 'c-phone',
  publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
  wake: 'sir',
  content: { contentType: 'text/plain', bodyBase64: 'aGVsbG8=' },
  ...over,
});
const ids = (list: PendingPush[]) => list.map((p) => p.pushId);

describe('PendingQueue (order, in-flight bound, at most once per session)', () => {
  it('sends in the order pushes became pending, whatever order they were offered in', () => {
    const q = new PendingQueue(10);
    q.add([push(3), push(1)]);
    q.add([push(2)]);
    expect(ids(q.take(0).send)).toEqual(['p1@pi', 'p2@pi', 'p3@pi']);
  });

  it('keeps at most maxInflight outstanding and within the caller budget', () => {
    const q = new PendingQueue(2);
    q.add([push(1), push(2), push(3)]);
    expect(ids(q.take(0).send)).toEqual(['p1@pi', 'p2@pi']);
    expect(q.take(0).send).toEqual([]);
    q.settle(pendingKeyOf(push(1)), 'delivered');
    expect(ids(q.take(0, 5).send)).toEqual(['p3@pi']);
    q.settle(pendingKeyOf(push(2)), 'delivered');
    q.add([push(4), push(5)]);
    expect(ids(q.take(0, 1).send)).toEqual(['p4@pi']);
  });

  it('ignores a push offered twice (store load and live path, seed §S10) and never re-sends a settled one', () => {
    const q = new PendingQueue(4);
    expect(q.add([push(1), push(1)])).toBe(1);
    q.take(0);
    expect(q.add([push(1)])).toBe(0);
    q.settle(pendingKeyOf(push(1)), 'skipped');
    expect(q.add([push(1)])).toBe(0);
    expect(q.take(0).send).toEqual([]);
  });

  it('puts a retry back in its place in the order', () => {
    const q = new PendingQueue(1);
    q.add([push(1), push(2)]);
    q.take(0);
    q.settle(pendingKeyOf(push(1)), 'retry');
    expect(ids(q.take(0).send)).toEqual(['p1@pi']);
  });

  it('drops pushes past deliver-before instead of sending them', () => {
    const q = new PendingQueue(4);
    q.add([push(1, { deliverBefore: new Date(1000) }), push(2, { deliverBefore: new Date(5000) })]);
    const { send, expired } = q.take(1000);
    expect(ids(expired)).toEqual(['p1@pi']);
    expect(ids(send)).toEqual(['p2@pi']);
  });

  it('withdraws queued pushes of a cancelled push id, not the one in flight', () => {
    const q = new PendingQueue(1);
    q.add([push(1, { pushId: 'x' }), push(2, { pushId: 'x', recipientIndex: 1 }), push(3)]);
    q.take(0);
    expect(q.withdraw((p) => p.pushId === 'x').map((p) => p.seq)).toEqual([2]);
    expect(q.add([push(2, { pushId: 'x', recipientIndex: 1 })])).toBe(0);
    expect(q.inflightCount).toBe(1);
    expect(q.queuedCount).toBe(1);
  });

  it('property: never more than maxInflight out, never a key delivered twice, sends in seq order per take', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), seqs: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 5 }) }),
      fc.record({ kind: fc.constant('take' as const), budget: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), how: fc.constantFrom('delivered' as const, 'skipped' as const, 'retry' as const) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 60 }), (max, ops) => {
        const q = new PendingQueue(max);
        const out: PendingPush[] = [];
        const delivered = new Set<string>();
        for (const o of ops) {
          if (o.kind === 'add') q.add(o.seqs.map((s) => push(s)));
          else if (o.kind === 'take') {
            const { send } = q.take(0, o.budget);
            expect(send.map((p) => p.seq)).toEqual([...send.map((p) => p.seq)].sort((a, b) => a - b));
            out.push(...send);
          } else if (out.length > 0) {
            const [p] = out.splice(o.pick % out.length, 1);
            const key = pendingKeyOf(p);
            if (o.how === 'delivered') {
              expect(delivered.has(key)).toBe(false);
              delivered.add(key);
            }
            q.settle(key, o.how);
          }
          expect(q.inflightCount).toBeLessThanOrEqual(max);
          expect(q.inflightCount).toBe(out.length);
        }
      }),
    );
  });
});
