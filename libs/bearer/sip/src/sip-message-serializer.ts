import type { SipMessage } from './sip-message';
import { SipBuildError } from './sip-build-error';
import { assertHeaderName, assertHeaderValue, assertNoSpace } from './sip-header-guard';
import { isToken } from './sip-text';

const ENCODER = new TextEncoder();

function startLine(msg: SipMessage): string {
  if (msg.kind === 'request') {
    if (!isToken(msg.method)) throw new SipBuildError(`method is not a token: ${JSON.stringify(msg.method)}`);
    assertNoSpace('Request-URI', msg.requestUri);
    return `${msg.method} ${msg.requestUri} SIP/2.0`;
  }
  if (!Number.isInteger(msg.status) || msg.status < 100 || msg.status > 699) {
    throw new SipBuildError(`status out of range: ${msg.status}`);
  }
  assertHeaderValue('reason phrase', msg.reason);
  return `SIP/2.0 ${msg.status} ${msg.reason}`;
}

/**
 * Serializes a message; Content-Length is always written from the body (a caller's
 * Content-Length header is refused). Any CR/LF in a value throws SipBuildError (#25).
 */
export function serializeSipMessage(msg: SipMessage): Uint8Array {
  const lines = [startLine(msg)];
  for (const { name, value } of msg.headers) {
    assertHeaderName(name);
    assertHeaderValue(name, value);
    if (name.toLowerCase() === 'content-length' || name.toLowerCase() === 'l') {
      throw new SipBuildError('Content-Length is computed from the body');
    }
    lines.push(`${name}: ${value}`);
  }
  lines.push(`Content-Length: ${msg.body.length}`, '', '');
  const head = ENCODER.encode(lines.join('\r\n'));
  const out = new Uint8Array(head.length + msg.body.length);
  out.set(head);
  out.set(msg.body, head.length);
  return out;
}
