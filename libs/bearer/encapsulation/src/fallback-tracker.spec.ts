import type { DeliveryReportedV1, SessionOpenedV1 } from '@waken/contracts';
import { FallbackTracker } from './fallback-tracker';
import { GRUU, HTTP, MSISDN, NOW, SMS, UDP, composedSir } from './testing/composed-sir.fixture';

const at = (ms: number) => new Date(NOW.getTime() + ms);
const composed = composedSir({ fallbacks: [SMS, UDP] });
const sirId = composed.sir.sirId;

function report(overrides: Partial<DeliveryReportedV1>): DeliveryReportedV1 {
  return {
    tenantId: 'mobilkom',
    pushId: composed.pushId,
    sirId,
    kind: 'sir',
    bearer: 'sip',
    destination: GRUU,
    attempt: 1,
    outcome: 'failed',
    targetClientIds: ['c-phone'],
    reportedAt: NOW.toISOString(),
    ...overrides,
  };
}

const session = (overrides: Partial<SessionOpenedV1> = {}): SessionOpenedV1 => ({
  tenantId: 'mobilkom',
  clientId: 'c-phone',
  sessionId: 's1',
  publicUserIdentity: composed.sir.publicUserIdentity,
  via: 'sip-subscribe',
  contact: GRUU,
  openedAt: NOW.toISOString(),
  ...overrides,
});

function tracker(sessionDeadlineMs?: number, maxEntries = 100): FallbackTracker<string> {
  const t = new FallbackTracker<string>({ sessionDeadlineMs, maxEntries });
  t.remember(composed, 'ctx', GRUU, NOW);
  return t;
}

describe('FallbackTracker (seed §S2 activation methods, §S12 responses)', () => {
  it('a failed attempt asks for the next method; once published, its failure asks for the one after', () => {
    const t = tracker();
    expect(t.onReport(report({}), 'r1', NOW)).toEqual({ composed, step: 1, context: 'ctx', trigger: 'failed' });
    t.published(sirId, 1, MSISDN);
    expect(t.onReport(report({ bearer: 'sms', destination: MSISDN, outcome: 'undeliverable' }), 'r2', NOW)).toMatchObject({ step: 2, trigger: 'failed' });
    t.published(sirId, 2, '192.0.2.7:2948');
    expect(t.onReport(report({ bearer: 'udp', destination: '192.0.2.7:2948' }), 'r3', NOW)).toBeUndefined(); // nothing after UDP
    expect(t.size).toBe(0);
  });

  it('a redelivered report gets the same answer (so a failed publish is retried); a late one none', () => {
    const t = tracker();
    expect(t.onReport(report({}), 'r1', NOW)?.step).toBe(1);
    expect(t.onReport(report({}), 'r1', NOW)?.step).toBe(1); // publish failed, the batch came again
    t.published(sirId, 1, MSISDN);
    expect(t.onReport(report({}), 'r1', NOW)?.step).toBe(1); // same event id downstream: deduplicated
    expect(t.onReport(report({ attempt: 2 }), 'r9', NOW)).toBeUndefined(); // a SIP report while SMS is current
  });

  it('ignores a late GRUU report once the chain moved to the AOR on the same bearer', () => {
    const chain = composedSir({ fallbacks: [{ bearer: 'sip', address: composed.sir.publicUserIdentity }, SMS] });
    const t = new FallbackTracker<string>({ maxEntries: 10 });
    t.remember(chain, 'c', GRUU, NOW);
    expect(t.onReport(report({}), 'a', NOW)?.step).toBe(1);
    t.published(sirId, 1, composed.sir.publicUserIdentity);
    expect(t.onReport(report({ attempt: 2 }), 'b', NOW)).toBeUndefined();
    expect(t.onReport(report({ destination: composed.sir.publicUserIdentity }), 'c', NOW)?.step).toBe(2);
  });

  it('final, expired, success, other tenants and content reports never fall back', () => {
    const t = tracker();
    expect(t.onReport(report({ tenantId: 'other' }), 'x', NOW)).toBeUndefined();
    expect(t.onReport(report({ kind: 'content' }), 'x', NOW)).toBeUndefined();
    expect(t.onReport(report({ outcome: 'delivered' }), 'x', NOW)).toBeUndefined();
    expect(t.onReport(report({ final: true }), 'y', NOW)).toBeUndefined();
    expect(t.size).toBe(0);
    const t2 = tracker();
    expect(t2.onReport(report({ outcome: 'expired' }), 'z', NOW)).toBeUndefined();
    expect(t2.size).toBe(0);
  });

  it('no session by the deadline after a successful hand-over: the next method, until published', () => {
    const t = tracker(5000);
    t.onReport(report({ outcome: 'sent' }), 's', NOW);
    t.onReport(report({ outcome: 'delivered' }), 'd', at(3000)); // does not extend the deadline
    expect(t.due(at(4999))).toEqual([]);
    expect(t.due(at(5000))).toEqual([{ composed, step: 1, context: 'ctx', trigger: 'no-session' }]);
    expect(t.due(at(5100))).toHaveLength(1); // publish failed: still due
    t.published(sirId, 1, MSISDN);
    expect(t.due(at(60000))).toEqual([]);
  });

  it('a session of the target, or one naming the SIR, ends the watch', () => {
    for (const opened of [session(), session({ clientId: 'c-other', sirId })]) {
      const t = tracker(5000);
      t.onReport(report({ outcome: 'delivered' }), 'd', NOW);
      t.onSessionOpened(opened);
      expect(t.due(at(6000))).toEqual([]);
      expect(t.size).toBe(0);
    }
    const t = tracker(5000);
    t.onSessionOpened(session({ tenantId: 'other' }));
    t.onSessionOpened(session({ clientId: 'c-laptop' }));
    expect(t.size).toBe(1);
  });

  it('without a session deadline a delivered SIR never falls back; expiry forgets it', () => {
    const t = tracker();
    t.onReport(report({ outcome: 'delivered' }), 'd', NOW);
    expect(t.due(at(60_000))).toEqual([]);
    expect(t.size).toBe(1);
    expect(t.due(new Date(composed.sir.expiresAt))).toEqual([]);
    expect(t.size).toBe(0);
  });

  it('a deadline is capped at expiry, where the SIR is forgotten instead of sent', () => {
    const t = tracker(10 * 60_000);
    t.onReport(report({ outcome: 'sent' }), 's', NOW);
    expect(t.due(new Date(composed.sir.expiresAt))).toEqual([]);
    expect(t.onReport(report({}), 'f', at(1))).toBeUndefined();
  });

  it('remembers only SIRs with a fallback, once, within its bound', () => {
    const t = new FallbackTracker<number>({ maxEntries: 2 });
    t.remember(composedSir(), 0, GRUU, NOW);
    expect(t.size).toBe(0);
    for (let i = 0; i < 3; i++) t.remember(composedSir({ sirRequestId: `r${i}`, fallbacks: [HTTP] }), i, GRUU, NOW);
    t.remember(composedSir({ sirRequestId: 'r2', fallbacks: [HTTP] }), 99, GRUU, NOW);
    expect(t.size).toBe(2);
    expect(t.evicted).toBe(1);
    const expired = composedSir({ sirRequestId: 'old', fallbacks: [HTTP] });
    t.remember(expired, 5, GRUU, new Date(expired.sir.expiresAt));
    expect(t.size).toBe(2);
  });

  it('starts at a later step, follows skipped steps, and forgets on request', () => {
    const t = new FallbackTracker<string>({ maxEntries: 10 });
    t.remember(composedSir({ fallbacks: [SMS, UDP, HTTP] }), 'c', MSISDN, NOW, 1);
    expect(t.onReport(report({ bearer: 'sms', destination: MSISDN }), 'a', NOW)?.step).toBe(2);
    t.published(sirId, 3, HTTP.address); // step 2 was unusable; the last method went out
    expect(t.onReport(report({ bearer: 'http', destination: HTTP.address }), 'b', NOW)).toBeUndefined();
    expect(t.size).toBe(0);
    t.remember(composedSir({ fallbacks: [SMS] }), 'c', MSISDN, NOW, 1);
    expect(t.size).toBe(0);
    t.remember(composed, 'c', GRUU, NOW);
    t.forget(sirId);
    expect(t.size).toBe(0);
  });
});
