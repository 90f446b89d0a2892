import type { QuietHours } from './client-profile';
import { InvalidQuietHours } from './invalid-quiet-hours.error';

const MINUTES_PER_DAY = 24 * 60;
const OFFSET = /^([+-])([0-9]{2}):?([0-9]{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Whether `now` falls in the window [start, end) of local time. A window whose start is
 * after its end wraps past midnight (22:00-07:00); start = end is an empty window.
 */
export function isWithinQuietHours(quiet: QuietHours, now: Date): boolean {
  validateQuietHours(quiet);
  const minute = localMinuteOfDay(now, quiet.timeZone);
  const { startMinute: start, endMinute: end } = quiet;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Throws InvalidQuietHours for minutes outside 0-1439 or an unknown zone/offset. */
export function validateQuietHours(quiet: QuietHours): void {
  for (const minute of [quiet.startMinute, quiet.endMinute]) {
    if (!Number.isInteger(minute) || minute < 0 || minute >= MINUTES_PER_DAY) {
      throw new InvalidQuietHours(`minute ${minute} is not an integer in 0-1439`);
    }
  }
  localMinuteOfDay(new Date(0), quiet.timeZone);
}

/** Minutes after local midnight at `now` in an IANA zone or a fixed UTC offset. */
export function localMinuteOfDay(now: Date, timeZone: string): number {
  const utcMinute = now.getUTCHours() * 60 + now.getUTCMinutes();
  if (timeZone === 'UTC' || timeZone === 'Z') return utcMinute;
  const offset = OFFSET.exec(timeZone);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3]);
    if (minutes > 14 * 60) throw new InvalidQuietHours(`UTC offset ${timeZone} beyond ±14:00`);
    const signed = offset[1] === '-' ? -minutes : minutes;
    return (((utcMinute + signed) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  }
  const parts = formatterFor(timeZone).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  return (hour % 24) * 60 + minute;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch {
    throw new InvalidQuietHours(`unknown time zone ${JSON.stringify(timeZone.slice(0, 64))}`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}
