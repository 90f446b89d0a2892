import {
  buildRequest, headerEntries, newBranch, newCallId, newTag, parseNameAddr, parseSipUri, paramValue,
  serializeSipMessage, SipBuildError, SipParseError, type SipRequest,
} from '@waken/bearer-sip';
import type { ClientTransactionTable } from './client-transaction-table';
import type { InflightLimiter } from './inflight-limiter';
import type { SipPeer, SipTransportName } from './sip-peer';
import type { SipSockets } from './sip-sockets';
import type { SipEndpointStats } from './sip-endpoint-stats';
import type { SipOutgoingRequest, SipResult } from './sip-outgoing-request';
import { SipTransportError } from './sip-transport-error';

export interface SipSenderOptions {
  readonly outboundProxy?: SipPeer;
  readonly defaultTransport: SipTransportName;
  readonly userAgent?: string;
}

// RFC 3261 §18.1.1: above 1300 bytes (unknown path MTU) a request goes over TCP.
const UDP_MAX = 1300;
const UNSUPPORTED = ['INVITE', 'ACK', 'CANCEL'];

function asNameAddr(text: string): string {
  return text.includes('<') ? text : `<${text}>`;
}

function withTag(from: string): string {
  try {
    return parseNameAddr(from).params.some((p) => p.name.toLowerCase() === 'tag') ? from : `${from};tag=${newTag()}`;
  } catch (e) {
    throw e instanceof SipParseError ? new SipBuildError(`From: ${e.message}`) : e;
  }
}

/** Client side of the endpoint: routing, Via, the transaction and the inflight limit. */
export class SipRequestSender {
  constructor(
    private readonly sockets: SipSockets,
    private readonly transactions: ClientTransactionTable,
    private readonly limiter: InflightLimiter,
    private readonly options: SipSenderOptions,
    private readonly stats: SipEndpointStats,
  ) {}

  async send(spec: SipOutgoingRequest): Promise<SipResult> {
    if (UNSUPPORTED.includes(spec.method)) throw new SipBuildError(`${spec.method} needs an INVITE transaction, not provided`);
    await this.limiter.acquire();
    try {
      return await this.transact(spec);
    } finally {
      this.limiter.release();
    }
  }

  private async transact(spec: SipOutgoingRequest): Promise<SipResult> {
    let peer = this.route(spec);
    let request = this.build(spec, peer.transport);
    let bytes = serializeSipMessage(request);
    if (peer.transport === 'udp' && spec.transport === undefined && bytes.length > UDP_MAX && this.sockets.supports('tcp')) {
      peer = { ...peer, transport: 'tcp' };
      request = this.build(spec, 'tcp');
      bytes = serializeSipMessage(request);
    }
    const retransmit = () => void this.sockets.send(peer, bytes).catch(() => (this.stats.transportErrors += 1));
    const outcome = this.transactions.start(request, peer.transport === 'tcp', retransmit);
    let onWireAt = new Date();
    try {
      onWireAt = await this.sockets.send(peer, bytes);
      this.stats.requestsSent += 1;
    } catch (e) {
      this.stats.transportErrors += 1;
      this.transactions.abort(request, e instanceof SipTransportError ? e : new SipTransportError('send', String(e)));
    }
    const response = await outcome;
    return { status: response.status, reason: response.reason, onWireAt, response };
  }

  /** An explicit destination, else the outbound proxy if set (RFC 3261 §8.1.2), else the Request-URI's host and port. */
  private route(spec: SipOutgoingRequest): SipPeer {
    if (spec.destination) return spec.transport ? { ...spec.destination, transport: spec.transport } : spec.destination;
    const proxy = this.options.outboundProxy;
    if (proxy) return spec.transport ? { ...proxy, transport: spec.transport } : proxy;
    const uri = parseSipUri(spec.requestUri);
    const param = paramValue(uri.params, 'transport')?.toLowerCase();
    const transport = spec.transport ?? (param === 'tcp' || param === 'udp' ? param : this.options.defaultTransport);
    return { transport, host: uri.host.replace(/^\[|\]$/g, ''), port: uri.port ?? (uri.scheme === 'sips' ? 5061 : 5060) };
  }

  private build(spec: SipOutgoingRequest, transport: SipTransportName): SipRequest {
    const via = `SIP/2.0/${transport.toUpperCase()} ${this.sockets.host}:${this.sockets.port};branch=${newBranch()};rport`;
    const userAgent = this.options.userAgent === undefined ? [] : [{ name: 'User-Agent', value: this.options.userAgent }];
    return buildRequest({
      method: spec.method,
      requestUri: spec.requestUri,
      from: withTag(asNameAddr(spec.from)),
      to: asNameAddr(spec.to ?? spec.requestUri),
      callId: spec.callId ?? newCallId(this.sockets.host),
      cseq: spec.cseq ?? 1,
      via,
      contact: spec.contact,
      maxForwards: spec.maxForwards,
      headers: [...userAgent, ...headerEntries(spec.headers)],
      contentType: spec.contentType,
      body: spec.body,
    });
  }
}
