import { SipBuildError } from './sip-build-error';
import { isToken } from './sip-text';

// CR, LF and NUL end or corrupt a header line; the other C0 controls and DEL are not
// allowed in header text either (RFC 3261 §25.1 TEXT-UTF8char excludes them).
const FORBIDDEN = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Refuses text that would break out of its header line (reliability.md #25). */
export function assertHeaderValue(name: string, value: string): void {
  if (FORBIDDEN.test(value)) throw new SipBuildError(`header ${name} has a control character (CR/LF injection?)`);
}

export function assertHeaderName(name: string): void {
  if (!isToken(name)) throw new SipBuildError(`not a header name: ${JSON.stringify(name)}`);
}

/** Request-URI and other start-line parts: no whitespace, no controls. */
export function assertNoSpace(what: string, value: string): void {
  if (value.length === 0 || /[\s\u0000-\u001f\u007f]/.test(value)) {
    throw new SipBuildError(`${what} must be non-empty without spaces: ${JSON.stringify(value)}`);
  }
}
