import { getHeader, getHeaders, nameAddrTag, parseSipUri } from '@waken/bearer-sip';
import type { IncomingSipRequest } from '@waken/bearer-sip-transport';
import type { ProxyIdentity } from './proxy-identity';
import type { ProxyStats } from './proxy-stats';
import type { Registrar } from './registrar';
import type { RequestForwarder } from './request-forwarder';
import type { TargetResolver } from './target-resolver';
import { SipRejection } from './sip-rejection';

const ALLOW = 'REGISTER, OPTIONS, MESSAGE, SUBSCRIBE, NOTIFY, PUBLISH, INFO, REFER, UPDATE';

/**
 * The request route of `docker/kamailio/kamailio.cfg`, in the same order: Max-Forwards,
 * in-dialog (404: endpoints send those straight to each other's Contact), the OPTIONS
 * keep-alive, REGISTER, then "myself" and location lookup for everything else.
 */
export class ProxyRequestRouter {
  constructor(
    private readonly identity: ProxyIdentity,
    private readonly registrar: Registrar,
    private readonly resolver: TargetResolver,
    private readonly forwarder: RequestForwarder,
    private readonly stats: ProxyStats,
  ) {}

  readonly handle = (incoming: IncomingSipRequest): void => {
    if (incoming.request.method === 'ACK') return; // nothing to answer; stray ACKs are dropped
    try {
      this.route(incoming);
    } catch (e) {
      if (!(e instanceof SipRejection)) throw e;
      this.stats.rejected += 1;
      incoming.respond(e.status, e.reason, e.headers);
    }
  };

  private route(incoming: IncomingSipRequest): void {
    const { request } = incoming;
    ProxyRequestRouter.checkMaxForwards(getHeader(request, 'Max-Forwards'));
    if (ProxyRequestRouter.hasToTag(getHeader(request, 'To'))) throw new SipRejection(404, 'Not Here');
    if (request.method === 'CANCEL') throw new SipRejection(481, 'Call/Transaction Does Not Exist');
    if (request.method === 'OPTIONS' && this.isPing(request.requestUri)) {
      incoming.respond(200, 'OK', { Allow: ALLOW });
      return;
    }
    if (request.method === 'REGISTER') {
      this.stats.registers += 1;
      this.registrar.handle(incoming);
      return;
    }
    // Waken sends no INVITE, and the transport has no INVITE client transaction
    if (request.method === 'INVITE') throw new SipRejection(501, 'Not Implemented');
    const targets = this.resolver.resolve(request.requestUri);
    // RFC 3261 §16.3 step 5: this proxy supports no extension
    const required = getHeaders(request, 'Proxy-Require');
    if (required.length > 0) throw new SipRejection(420, 'Bad Extension', [{ name: 'Unsupported', value: required.join(', ') }]);
    this.forwarder.forward(incoming, targets);
  }

  /** Kamailio `mf_process_maxfwd_header`: 0 left is 483 (RFC 3261 §16.3 step 3). */
  private static checkMaxForwards(value: string | undefined): void {
    if (value === undefined) return;
    if (!/^\d{1,3}$/.test(value.trim())) throw new SipRejection(400, 'Bad Max-Forwards');
    if (Number(value) === 0) throw new SipRejection(483, 'Too Many Hops');
  }

  private static hasToTag(to: string | undefined): boolean {
    try {
      return nameAddrTag(to ?? '') !== undefined;
    } catch {
      throw new SipRejection(400, 'Bad To');
    }
  }

  /** The kamailio.cfg keep-alive: no user or user "ping", sent to this proxy (or 127.0.0.1). */
  private isPing(requestUri: string): boolean {
    try {
      const uri = parseSipUri(requestUri);
      const addressed = this.identity.isMyself(uri) || uri.host === '127.0.0.1';
      return addressed && (uri.user === undefined || uri.user === 'ping');
    } catch {
      return false;
    }
  }
}
