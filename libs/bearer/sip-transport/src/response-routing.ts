import { getHeader, parseVia, paramValue, type SipRequest } from '@waken/bearer-sip';
import type { SipPeer, SipSource } from './sip-peer';

/**
 * Where a response goes (RFC 3261 §18.2.2, RFC 3581): on TCP back on the request's flow;
 * on UDP to the source address (what `received` would say) and to the source port when
 * the Via asked for `rport`, else the Via sent-by port.
 */
export function responsePeer(request: SipRequest, source: SipSource): SipPeer {
  if (source.transport === 'tcp') return { transport: 'tcp', host: source.host, port: source.port };
  try {
    const via = parseVia(getHeader(request, 'Via') ?? '');
    const port = paramValue(via.params, 'rport') !== undefined ? source.port : (via.port ?? 5060);
    return { transport: 'udp', host: source.host, port };
  } catch {
    return { transport: 'udp', host: source.host, port: source.port };
  }
}
