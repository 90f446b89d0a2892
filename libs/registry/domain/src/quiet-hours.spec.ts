import { InvalidQuietHours } from './invalid-quiet-hours.error';
import { isWithinQuietHours, localMinuteOfDay, validateQuietHours } from './quiet-hours';

const at = (iso: string) => new Date(iso);

describe('quiet hours (seed S2: preferences)', () => {
  it('uses a half-open window [start, end) in UTC', () => {
    const q = { startMinute: 9 * 60, endMinute: 17 * 60, timeZone: 'UTC' };
    expect(isWithinQuietHours(q, at('2026-11-26T08:59:00Z'))).toBe(false);
    expect(isWithinQuietHours(q, at('2026-11-26T09:00:00Z'))).toBe(true);
    expect(isWithinQuietHours(q, at('2026-11-26T16:59:59Z'))).toBe(true);
    expect(isWithinQuietHours(q, at('2026-11-26T17:00:00Z'))).toBe(false);
  });

  it('wraps a window that starts after it ends past midnight', () => {
    const q = { startMinute: 22 * 60, endMinute: 7 * 60, timeZone: 'Z' };
    expect(isWithinQuietHours(q, at('2026-11-26T23:30:00Z'))).toBe(true);
    expect(isWithinQuietHours(q, at('2026-11-26T06:59:00Z'))).toBe(true);
    expect(isWithinQuietHours(q, at('2026-11-26T07:00:00Z'))).toBe(false);
    expect(isWithinQuietHours(q, at('2026-11-26T12:00:00Z'))).toBe(false);
  });

  it('treats start = end as an empty window', () => {
    expect(isWithinQuietHours({ startMinute: 60, endMinute: 60, timeZone: 'UTC' }, at('2026-11-26T01:00:00Z'))).toBe(false);
  });

  it('reads local time in an IANA zone, including daylight saving', () => {
    expect(localMinuteOfDay(at('2026-01-15T21:30:00Z'), 'Europe/Vienna')).toBe(22 * 60 + 30);
    expect(localMinuteOfDay(at('2026-07-15T21:30:00Z'), 'Europe/Vienna')).toBe(23 * 60 + 30);
    expect(localMinuteOfDay(at('2026-07-15T00:15:00Z'), 'America/New_York')).toBe(20 * 60 + 15);
  });

  it('reads local time at a fixed UTC offset, either sign, with or without a colon', () => {
    expect(localMinuteOfDay(at('2026-11-26T23:00:00Z'), '+01:00')).toBe(0);
    expect(localMinuteOfDay(at('2026-11-26T02:00:00Z'), '-0530')).toBe(20 * 60 + 30);
  });

  it.each([
    [{ startMinute: -1, endMinute: 10, timeZone: 'UTC' }, /minute -1/],
    [{ startMinute: 0, endMinute: 1440, timeZone: 'UTC' }, /minute 1440/],
    [{ startMinute: 0.5, endMinute: 10, timeZone: 'UTC' }, /minute 0.5/],
    [{ startMinute: 0, endMinute: 10, timeZone: 'Mars/Olympus' }, /unknown time zone/],
    [{ startMinute: 0, endMinute: 10, timeZone: '+15:00' }, /beyond ±14:00/],
  ])('rejects %j', (quiet, reason) => {
    expect(() => validateQuietHours(quiet)).toThrow(InvalidQuietHours);
    expect(() => validateQuietHours(quiet)).toThrow(reason);
  });
});
