import { SipBuildError } from './sip-build-error';
import { hasControlChar, isToken } from './sip-text';

/** Refuses text that would break out of its header line (reliability.md #25). */
export function assertHeaderValue(name: string, value: string): void {
  if (hasControlChar(value)) throw new SipBuildError(`header ${name} has a control character (CR/LF injection?)`);
}

export function assertHeaderName(name: string): void {
  if (!isToken(name)) throw new SipBuildError(`not a header name: ${JSON.stringify(name)}`);
}

/** Request-URI and other start-line parts: no whitespace, no controls. */
export function assertNoSpace(what: string, value: string): void {
  if (value.length === 0 || /\s/.test(value) || hasControlChar(value)) {
    throw new SipBuildError(`${what} must be non-empty without spaces: ${JSON.stringify(value)}`);
  }
}
