import type { SipHeaderInput, SipRequest } from '@waken/bearer-sip';
import type { SipPeer } from './sip-peer';

/**
 * A request delivered to `SipEndpoint.onRequest`. `respond` may be called with a
 * provisional and then one final response; it returns false once a final was sent.
 * A Content-Type in `headers` becomes the body's type. CR/LF in any value throws
 * SipBuildError (reliability.md #25).
 */
export interface IncomingSipRequest {
  readonly request: SipRequest;
  readonly source: SipPeer;
  /** The To-tag every response of this transaction carries: a UAS's own dialog tag (§8.2.6.2). */
  readonly toTag: string;
  /** Replaces the To-tag before the first response (a relay answering with its callee's tag). */
  useToTag(tag: string): void;
  respond(status: number, reason: string, headers?: SipHeaderInput, body?: Uint8Array | string): boolean;
}

export type SipRequestHandler = (incoming: IncomingSipRequest) => void | Promise<void>;
