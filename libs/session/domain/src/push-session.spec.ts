import { PushSession } from './push-session';
import { SessionStateError } from './session-state.error';

const t0 = 1_000_000;
const open = (expiresS = 600) =>
  new PushSession({ sessionId: 's1', tenantId: 'mobilkom', clientId: 'c-phone', publicUserIdentity: 'sip:a@example.com', contact: 'sip:d@127.0.0.2', expiresS, nowMs: t0 });

describe('PushSession (seed §C3 session state)', () => {
  it('is active until its subscription expires; a refresh moves the expiry', () => {
    const s = open(600);
    expect(s.phase).toBe('active');
    expect(s.remainingS(t0 + 60_000)).toBe(540);
    expect(s.due(t0 + 599_999, Infinity)).toBeUndefined();
    expect(s.due(t0 + 600_000, Infinity)).toBe('expired');
    s.refresh(600, t0 + 500_000);
    expect(s.due(t0 + 600_000, Infinity)).toBeUndefined();
    expect(s.due(t0 + 1_100_000, Infinity)).toBe('expired');
  });

  it('idles after idleMs without traffic; traffic and refreshes reset the idle clock', () => {
    const s = open(3600);
    expect(s.due(t0 + 10_000, 10_000)).toBe('idle');
    s.touch(t0 + 8_000);
    expect(s.due(t0 + 10_000, 10_000)).toBeUndefined();
    expect(s.due(t0 + 18_000, 10_000)).toBe('idle');
    s.refresh(3600, t0 + 17_000);
    expect(s.due(t0 + 18_000, 10_000)).toBeUndefined();
  });

  it('closes once: active -> closing -> closed, the first reason wins', () => {
    const s = open();
    expect(s.beginClose('client')).toBe(true);
    expect(s.beginClose('idle')).toBe(false);
    expect(s.phase).toBe('closing');
    expect(s.closeReason).toBe('client');
    expect(s.due(t0 + 10_000_000, 1)).toBeUndefined();
    s.finishClose();
    expect(s.phase).toBe('closed');
    expect(() => s.finishClose()).toThrow(SessionStateError);
  });

  it('refuses a refresh once closing, and expiries outside 1..3600', () => {
    const s = open();
    expect(() => s.refresh(0, t0)).toThrow(SessionStateError);
    expect(() => s.refresh(3601, t0)).toThrow(SessionStateError);
    s.beginClose('shutdown');
    expect(() => s.refresh(600, t0)).toThrow(SessionStateError);
    expect(() => open(0)).toThrow(SessionStateError);
  });

  it('does not count traffic on a closing session', () => {
    const s = open(600);
    s.beginClose('idle');
    s.touch(t0 + 5000);
    expect(s.remainingS(t0 + 700_000)).toBe(0);
  });
});
