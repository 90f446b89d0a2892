import { parseSipMessage, SipParseError, type SipLimits, type SipMessage } from '@waken/bearer-sip';
import type { TcpConnection } from './tcp-connection';

export type SipTransportName = 'udp' | 'tcp';

/** Where to send, or where something came from. */
export interface SipPeer {
  readonly transport: SipTransportName;
  readonly host: string;
  readonly port: number;
}

/** A received message's origin; TCP keeps the connection, for responses (RFC 3261 §18.2.2). */
export interface SipSource extends SipPeer {
  readonly connection?: TcpConnection;
}

export type SipInbound = (input: SipMessage | SipParseError, source: SipSource) => void;

/** Parses, turning every failure into a SipParseError so callers handle one type. */
export function decodeInbound(bytes: Uint8Array, limits: SipLimits): SipMessage | SipParseError {
  try {
    return parseSipMessage(bytes, limits);
  } catch (e) {
    return e instanceof SipParseError ? e : new SipParseError(`parser failure: ${String(e)}`, 400);
  }
}
