import { SipBuildError } from './sip-build-error';
import { SipParseError } from './sip-parse-error';
import { splitOutside } from './sip-text';

/** `;name` or `;name=value`; values are kept raw (quotes included) so text round-trips. */
export interface SipParam {
  readonly name: string;
  readonly value: string | null;
}

// RFC 3261 §25.1: token for header params; URI params also allow [ ] / : & + $ and %HH.
const NAME = /^[A-Za-z0-9\-.!%*_+`'~[\]/:&$]+$/;
const VALUE = /^(?:[A-Za-z0-9\-.!%*_+`'~[\]/:&$()=?@]+|"(?:[^"\\]|\\.)*")$/;

function parseOne(text: string): SipParam {
  const eq = text.indexOf('=');
  const name = (eq < 0 ? text : text.slice(0, eq)).trim();
  const value = eq < 0 ? null : text.slice(eq + 1).trim();
  if (!NAME.test(name)) throw new SipParseError(`malformed parameter name: ${name.slice(0, 40)}`, 400);
  if (value !== null && !VALUE.test(value)) throw new SipParseError(`malformed value of ;${name}`, 400);
  return { name, value };
}

/** Parses `a=1;b;c="x;y"` (the text after the first `;`). */
export function parseParams(text: string): SipParam[] {
  if (text.trim() === '') return [];
  const parts = splitOutside(text, ';');
  if (parts.length === 0) throw new SipParseError('empty parameter list', 400);
  return parts.map(parseOne);
}

/** `;a=1;b`; refuses what would not parse back (reliability.md #25). */
export function formatParams(params: readonly SipParam[]): string {
  return params
    .map(({ name, value }) => {
      if (!NAME.test(name) || (value !== null && !VALUE.test(value))) {
        throw new SipBuildError(`parameter ${JSON.stringify(name)} has a value that is not a token or quoted string`);
      }
      return value === null ? `;${name}` : `;${name}=${value}`;
    })
    .join('');
}

/** undefined: absent; null: present without a value; else the raw value. Names are case-insensitive. */
export function paramValue(params: readonly SipParam[], name: string): string | null | undefined {
  const lower = name.toLowerCase();
  return params.find((p) => p.name.toLowerCase() === lower)?.value;
}

export function hasParam(params: readonly SipParam[], name: string): boolean {
  return paramValue(params, name) !== undefined;
}
