/** PAP timestamps are UTC `YYYY-MM-DDThh:mm:ssZ` (pap.md §4, BlackBerry and Kannel agree). */
const FORMAT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Milliseconds since the epoch, or `undefined` when the text is not a real PAP timestamp. */
export function parsePapTimestamp(text: string): number | undefined {
  const m = FORMAT.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2024-02-30 over to March: a changed field means the date does not exist
  const back = new Date(ms);
  const same =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return same && year >= 1970 ? ms : undefined;
}

export function formatPapTimestamp(time: Date | number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
