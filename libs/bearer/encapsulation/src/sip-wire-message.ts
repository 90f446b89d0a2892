import { createHash } from 'node:crypto';
import { BRANCH_MAGIC_COOKIE, SipBuildError, buildRequest, serializeSipMessage } from '@waken/bearer-sip';
import { EncapsulationError } from './encapsulation.error';
import type { SipWakeup } from './sip-wakeup';

export interface SipWireOptions {
  /** The PPG's own SIP URI (From), e.g. `sip:ppg@127.0.0.1:5070`. */
  ppgUri: string;
  /** `host:port` of the PPG for the Via header. */
  viaHostPort: string;
  /** Transport for the Via header; default UDP. */
  transport?: 'UDP' | 'TCP' | 'TLS';
  /** Seeds Call-ID, branch and tag, so the same SIR gives the same bytes. */
  messageId: string;
}

/**
 * The complete SIP MESSAGE (RFC 3428) a delivery app would send for a SipWakeup: Via, From, To,
 * Call-ID, CSeq, Max-Forwards around the wakeup's Request-URI, headers and body. Ids derive from
 * `messageId`, which makes it a reproducible wire form for tools and tests.
 */
export function sipMessageFor(wakeup: SipWakeup, options: SipWireOptions): Uint8Array {
  const id = (what: string) => createHash('sha256').update(`${what}\u0000${options.messageId}`).digest('hex');
  const host = options.viaHostPort.replace(/:\d+$/, '');
  try {
    return serializeSipMessage(
      buildRequest({
        method: 'MESSAGE',
        requestUri: wakeup.requestUri,
        from: `<${options.ppgUri}>;tag=${id('tag').slice(0, 16)}`,
        to: `<${wakeup.requestUri}>`,
        callId: `${id('call-id').slice(0, 32)}@${host}`,
        cseq: 1,
        via: `SIP/2.0/${options.transport ?? 'UDP'} ${options.viaHostPort};branch=${BRANCH_MAGIC_COOKIE}${id('branch').slice(0, 24)}`,
        headers: wakeup.headers,
        contentType: wakeup.contentType,
        body: wakeup.body,
      }),
    );
  } catch (e) {
    if (e instanceof SipBuildError) throw new EncapsulationError('unsafe-text', e.message);
    throw e;
  }
}
