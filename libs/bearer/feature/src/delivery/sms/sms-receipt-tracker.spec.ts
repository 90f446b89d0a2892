import { DeliverySmsRequestedV1 } from '@waken/contracts';
import { SmppReceipt } from '@waken/bearer-smpp';
import { AttemptResult } from '../common/delivery-attempt-loop';
import { AwaitedPush, SmsReceiptTracker } from './sms-receipt-tracker';

const push: AwaitedPush = {
  request: DeliverySmsRequestedV1.example,
  origin: { key: 'k', headers: { eventId: 'e', eventType: 't', correlationId: 'c', occurredAt: '2026-11-26T10:00:00Z' } },
  attempt: 1,
  onWireAt: new Date('2026-11-26T10:00:00Z'),
};
const receipt = (messageId: string, state: SmppReceipt['state'], error?: string): SmppReceipt => ({ messageId, state, error });

function tracker(capacity = 10) {
  const results: AttemptResult[] = [];
  return { results, tracker: new SmsReceiptTracker(capacity, (_p, r) => results.push(r)) };
}

describe('SmsReceiptTracker', () => {
  it('reports delivered once every segment is DELIVRD, keeping the attempt and wire time', () => {
    const t = tracker();
    t.tracker.expect(['m1', 'm2'], push, Infinity);
    t.tracker.receive(receipt('m1', 'DELIVRD'));
    expect(t.results).toEqual([]);
    t.tracker.receive(receipt('m1', 'ENROUTE'));
    t.tracker.receive(receipt('m2', 'DELIVRD'));
    expect(t.results).toEqual([{ outcome: 'delivered', attempt: 1, detail: 'DELIVRD (2 of 2 segments)', onWireAt: push.onWireAt }]);
    expect(t.tracker.awaited).toBe(0);
  });

  it.each([
    ['UNDELIV', 'undeliverable'],
    ['REJECTD', 'undeliverable'],
    ['DELETED', 'undeliverable'],
    ['UNKNOWN', 'undeliverable'],
    ['EXPIRED', 'expired'],
  ] as const)('the first %s segment makes the push %s, once', (state, outcome) => {
    const t = tracker();
    t.tracker.expect(['m1', 'm2'], push, Infinity);
    t.tracker.receive(receipt('m2', state, '005'));
    t.tracker.receive(receipt('m1', 'DELIVRD'));
    expect(t.results).toEqual([expect.objectContaining({ outcome, detail: `${state} err:005` })]);
  });

  it('matches a receipt that arrived before the submit was recorded', () => {
    const t = tracker();
    t.tracker.receive(receipt('m9', 'DELIVRD'));
    t.tracker.expect(['m9'], push, Infinity);
    expect(t.results).toEqual([expect.objectContaining({ outcome: 'delivered' })]);
  });

  it('stays bounded and forgets pushes whose receipt never came', () => {
    const t = tracker(2);
    t.tracker.expect(['a'], push, 100);
    t.tracker.expect(['b'], push, 100);
    t.tracker.expect(['c'], push, 500);
    expect(t.tracker.awaited).toBe(2);
    t.tracker.receive(receipt('a', 'DELIVRD'));
    expect(t.results).toEqual([]);
    expect(t.tracker.sweep(200)).toBe(1);
    expect(t.tracker.awaited).toBe(1);
  });
});
