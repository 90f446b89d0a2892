import fc from 'fast-check';
import { applyOutcome, OutcomeEvent, pushStateOf } from './push-outcome';
import { initialProgress, PushProgress } from './push-progress';
import { wakeReportOf } from './wake-report';

const planned = (recipientIndex: number, targets: string[], unresolvedReason?: string): OutcomeEvent => ({
  kind: 'planned',
  recipientIndex,
  targets,
  sirCount: targets.length,
  directCount: 0,
  ...(unresolvedReason && { unresolvedReason }),
});
const delivered = (recipientIndex: number, clientId: string, wake: 'sir' | 'connected' = 'sir'): OutcomeEvent => ({ kind: 'delivered', recipientIndex, clientId, wake });
const reported = (sirId: string, outcome: 'sent' | 'delivered' | 'failed', targets: string[], final = false, bearer: 'sip' | 'sms' = 'sip'): OutcomeEvent => ({
  kind: 'reported',
  sirId,
  requestKind: 'sir',
  bearer,
  outcome,
  final,
  targetClientIds: targets,
});
const run = (recipients: number, events: OutcomeEvent[]): PushProgress => events.reduce(applyOutcome, initialProgress(recipients));
const states = (p: PushProgress) => p.recipients.map((r) => r.state);

describe('push outcome state machine (pap.md §7)', () => {
  it('stays pending until the plan is known and every target acknowledged; then delivered', () => {
    expect(pushStateOf(run(1, [delivered(0, 'c1')]))).toBe('pending');
    expect(pushStateOf(run(1, [planned(0, ['c1', 'c2']), delivered(0, 'c1')]))).toBe('pending');
    expect(pushStateOf(run(1, [delivered(0, 'c1'), planned(0, ['c1', 'c2']), delivered(0, 'c2')]))).toBe('delivered');
  });

  it('seed S9: a broadcast push is delivered once one of the deciding clients took it', () => {
    const broadcast: OutcomeEvent = { ...(planned(0, ['c1', 'c2', 'c3']) as Extract<OutcomeEvent, { kind: 'planned' }>), wakeMode: 'broadcast' };
    expect(pushStateOf(run(1, [broadcast]))).toBe('pending');
    expect(pushStateOf(run(1, [broadcast, delivered(0, 'c2')]))).toBe('delivered');
    expect(pushStateOf(run(1, [planned(0, ['c1', 'c2', 'c3']), delivered(0, 'c2')]))).toBe('pending');
  });

  it('undeliverable on an unresolved plan, an empty plan, or when every open target failed for good', () => {
    const unresolved = run(1, [planned(0, [], 'unknown-user')]);
    expect(states(unresolved)).toEqual(['undeliverable']);
    expect(unresolved.reason).toBe('unknown-user');
    expect(states(run(1, [planned(0, [])]))).toEqual(['undeliverable']);
    expect(states(run(1, [planned(0, ['c1']), reported('s1', 'failed', ['c1'], false)]))).toEqual(['pending']);
    expect(states(run(1, [reported('s1', 'failed', ['c1'], true), planned(0, ['c1'])]))).toEqual(['undeliverable']);
    expect(states(run(1, [planned(0, ['c1', 'c2']), delivered(0, 'c1'), reported('s2', 'failed', ['c2'], true)]))).toEqual(['undeliverable']);
    expect(states(run(1, [planned(0, ['c1', 'c2']), reported('s2', 'failed', ['c2'], true)]))).toEqual(['pending']);
  });

  it('expired and cancelled hit only the recipients still pending; the push takes the worst final state', () => {
    const p = run(2, [planned(0, ['c1']), delivered(0, 'c1'), { kind: 'expired' }]);
    expect(states(p)).toEqual(['delivered', 'expired']);
    expect(pushStateOf(p)).toBe('expired');
    expect(p.reason).toBe('deliver-before passed');
    expect(pushStateOf(run(2, [{ kind: 'cancelled' }]))).toBe('cancelled');
    expect(pushStateOf(run(2, [planned(0, [], 'x'), planned(1, ['c']), delivered(1, 'c')]))).toBe('undeliverable');
  });

  it('ignores regressions: nothing after a final state changes it (reliability.md #34)', () => {
    const done = run(1, [planned(0, ['c1']), delivered(0, 'c1')]);
    const later = [reported('s1', 'sent', ['c1']), reported('s1', 'failed', ['c1'], true), { kind: 'expired' } as const, { kind: 'cancelled' } as const, planned(0, [], 'x')];
    const after = later.reduce(applyOutcome, done);
    expect(states(after)).toEqual(['delivered']);
    expect(after.recipients[0]).toEqual(done.recipients[0]);
  });

  it('counts distinct SIRs per bearer on the wire and the devices woken or already connected', () => {
    const p = run(2, [
      planned(0, ['c1', 'c2']),
      reported('s1', 'sent', ['c1']),
      reported('s1', 'delivered', ['c1']),
      reported('s2', 'sent', ['c2'], false, 'sms'),
      reported('s3', 'failed', ['c2']),
      { kind: 'session-opened', sirId: 's1' },
      { kind: 'session-opened', sirId: 's1' },
      delivered(0, 'c1'),
      delivered(0, 'c2'),
      planned(1, ['c3']),
      delivered(1, 'c3', 'connected'),
    ]);
    expect(wakeReportOf(p)).toEqual({ sirsSent: { sip: 1, sms: 1 }, sessionsOpened: 1, devicesWoken: 2, devicesConnected: 1, wakeMode: 'targeted', bearers: ['sip', 'sms'] });
    expect(wakeReportOf(run(1, [planned(0, ['c']), delivered(0, 'c', 'connected')])).wakeMode).toBe('connected');
  });

  it('property: applying an event twice equals applying it once, and a final push never leaves its state', () => {
    const event = fc.oneof(
      fc.record({ i: fc.integer({ min: 0, max: 2 }), t: fc.subarray(['a', 'b', 'c'], { minLength: 0 }), u: fc.boolean() }).map(({ i, t, u }) => planned(i, t, u ? 'unknown-user' : undefined)),
      fc.record({ i: fc.integer({ min: 0, max: 2 }), c: fc.constantFrom('a', 'b', 'c'), w: fc.constantFrom('sir' as const, 'connected' as const) }).map(({ i, c, w }) => delivered(i, c, w)),
      fc.record({ s: fc.constantFrom('s1', 's2'), o: fc.constantFrom('sent' as const, 'failed' as const), c: fc.constantFrom('a', 'b', 'c'), f: fc.boolean() }).map(({ s, o, c, f }) => reported(s, o, [c], f)),
      fc.constantFrom<OutcomeEvent>({ kind: 'expired' }, { kind: 'cancelled' }, { kind: 'session-opened', sirId: 's1' }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let p = initialProgress(3);
        let final: string | undefined;
        for (const e of events) {
          const once = applyOutcome(p, e);
          expect(applyOutcome(once, e)).toEqual(once);
          p = once;
          const state = pushStateOf(p);
          if (final) expect(state).toBe(final);
          else if (state !== 'pending') final = state;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
