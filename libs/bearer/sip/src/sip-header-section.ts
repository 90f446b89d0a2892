import type { SipHeader } from './sip-message';
import type { SipLimits } from './sip-limits';
import { SipParseError } from './sip-parse-error';
import { canonicalHeaderName, isListHeader } from './sip-header-names';
import { hasControlChar, isToken, splitOutside } from './sip-text';

export interface SipHeaderSection {
  readonly headers: SipHeader[];
  /** every Content-Length value seen; the caller checks them with the message head in hand */
  readonly contentLengths: string[];
}

function trimLws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Joins continuation lines (starting with SP/HT) to the line before (RFC 3261 §7.3.1). */
function unfold(lines: readonly string[], limits: SipLimits): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.length > limits.maxLineLength) throw new SipParseError('header line too long', 513);
    if (hasControlChar(line)) throw new SipParseError('control character in header section', 400);
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (out.length === 0) throw new SipParseError('continuation line before any header', 400);
      out[out.length - 1] = `${trimLws(out[out.length - 1])} ${trimLws(line)}`;
      if (out[out.length - 1].length > limits.maxLineLength) throw new SipParseError('header too long', 513);
    } else out.push(line);
  }
  if (out.length > limits.maxHeaders) throw new SipParseError(`more than ${limits.maxHeaders} headers`, 513);
  return out;
}

function splitHeader(line: string): SipHeader {
  const colon = line.indexOf(':');
  const name = colon < 0 ? '' : line.slice(0, colon).replace(/[ \t]+$/, '');
  if (!isToken(name)) throw new SipParseError('malformed header line', 400);
  return { name: canonicalHeaderName(name), value: trimLws(line.slice(colon + 1)) };
}

/** Parses the header lines after the start line; Content-Length is returned apart. */
export function parseHeaderSection(lines: readonly string[], limits: SipLimits): SipHeaderSection {
  const headers: SipHeader[] = [];
  const contentLengths: string[] = [];
  let vias = 0;
  for (const line of unfold(lines, limits)) {
    const { name, value } = splitHeader(line);
    if (name === 'Content-Length') {
      contentLengths.push(value);
      continue;
    }
    const values = isListHeader(name) ? splitOutside(value, ',') : [value];
    for (const v of values.length > 0 ? values : [value]) headers.push({ name, value: v });
    if (name === 'Via') vias += values.length;
    if (vias > limits.maxVias) throw new SipParseError(`more than ${limits.maxVias} Via entries`, 513);
  }
  return { headers, contentLengths };
}
