import { DeliveryReceiptText } from './smpp-receipt';

// SMPP 3.4 Appendix B: "id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm
// stat:DDDDDDD err:E Text: ..." -- the format is "vendor specific", so keys are matched
// case-insensitively, in any order, and missing ones are left out.
const KEY = /(?:^|\s)(id|sub|dlvrd|submit date|done date|stat|err|text):/gi;
const MAX_TEXT = 64 * 1024;

type Key = 'id' | 'sub' | 'dlvrd' | 'submit date' | 'done date' | 'stat' | 'err' | 'text';

export class DeliveryReceiptParser {
  /** The receipt fields, or undefined when the text is not a receipt (no id or no stat). */
  static parse(text: string): DeliveryReceiptText | undefined {
    if (text.length > MAX_TEXT) return undefined;
    const fields = splitFields(text);
    const id = fields.get('id');
    const stat = fields.get('stat');
    if (!id || !stat) return undefined;
    return prune({
      id,
      stat: stat.toUpperCase(),
      sub: fields.get('sub'),
      dlvrd: fields.get('dlvrd'),
      submitDate: parseDate(fields.get('submit date')),
      doneDate: parseDate(fields.get('done date')),
      err: fields.get('err'),
      text: fields.get('text'),
    });
  }
}

function splitFields(text: string): Map<Key, string> {
  const matches = [...text.matchAll(KEY)];
  const fields = new Map<Key, string>();
  matches.forEach((m, i) => {
    const key = m[1].toLowerCase() as Key;
    const start = (m.index ?? 0) + m[0].length;
    const end = key === 'text' ? text.length : (matches[i + 1]?.index ?? text.length);
    if (!fields.has(key)) fields.set(key, text.slice(start, end).trim());
  });
  return fields;
}

/** YYMMDDhhmm[ss]; the SMSC's time zone is not stated, so it is read as UTC. */
function parseDate(value: string | undefined): Date | undefined {
  const m = value?.match(/^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?$/);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [2000 + +m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0)];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return valid ? date : undefined;
}

function prune(r: DeliveryReceiptText): DeliveryReceiptText {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && v !== '')) as unknown as DeliveryReceiptText;
}
