import { SipParseError } from './sip-parse-error';
import { isToken } from './sip-text';

export type SipStartLine =
  | { readonly kind: 'request'; readonly method: string; readonly requestUri: string }
  | { readonly kind: 'response'; readonly status: number; readonly reason: string };

const VERSION = /^SIP\/\d{1,3}\.\d{1,3}$/i;
const STATUS_LINE = /^(SIP\/\d{1,3}\.\d{1,3}) (\d{3})(?: (.*))?$/is;
const REQUEST_LINE = /^([^ ]+) ([^ ]+) ([^ ]+)$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;

function checkVersion(version: string): void {
  if (!VERSION.test(version)) throw new SipParseError(`not a SIP version: ${version.slice(0, 20)}`, 400);
  // RFC 3261 §8.2.2: a version we do not speak is answered 505.
  if (version.toUpperCase() !== 'SIP/2.0') throw new SipParseError(`unsupported ${version}`, 505);
}

/** RFC 3261 §7.1 Request-Line / §7.2 Status-Line. */
export function parseStartLine(line: string): SipStartLine {
  const status = STATUS_LINE.exec(line);
  if (status) {
    checkVersion(status[1]);
    const code = Number(status[2]);
    if (code < 100 || code > 699) throw new SipParseError(`status code out of range: ${code}`, 400);
    return { kind: 'response', status: code, reason: status[3] ?? '' };
  }
  const request = REQUEST_LINE.exec(line);
  if (!request) throw new SipParseError('malformed start line', 400);
  const [, method, requestUri, version] = request;
  checkVersion(version);
  if (!isToken(method)) throw new SipParseError('method is not a token', 400);
  if (!URI.test(requestUri)) throw new SipParseError('Request-URI is not an absolute URI', 400);
  return { kind: 'request', method, requestUri };
}
