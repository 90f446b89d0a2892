import { SipBuildError, SipParseError } from '@waken/bearer-sip';
import {
  SipTimeoutError, SipTransportError, type IncomingSipRequest, type SipEndpoint, type SipOutgoingRequest,
} from '@waken/bearer-sip-transport';
import type { BranchOutcome } from './branch-outcome';
import type { ProxyStats } from './proxy-stats';
import { forwardedRequest } from './forwarded-request';
import { relayResponse } from './response-relay';
import { ResponseContext } from './response-context';

/**
 * Forks an out-of-dialog request in parallel to its contacts from the proxy's own endpoint
 * (Kamailio: `t_relay()` with appended branches) and answers the caller with the best
 * final response. Each branch is a client transaction whose Timer F is the proxy's
 * `forwardTimeoutMs`; at most `maxInflight` branches run at once (503 beyond).
 */
export class RequestForwarder {
  private inflight = 0;

  constructor(
    private readonly endpoint: SipEndpoint,
    private readonly maxInflight: number,
    private readonly stats: ProxyStats,
  ) {}

  get branchesInFlight(): number {
    return this.inflight;
  }

  forward(incoming: IncomingSipRequest, targets: readonly string[]): void {
    if (this.inflight + targets.length > this.maxInflight) {
      this.stats.overloaded += 1;
      incoming.respond(503, 'Service Unavailable', { 'Retry-After': '1' });
      return;
    }
    let specs: SipOutgoingRequest[];
    try {
      specs = targets.map((target) => forwardedRequest(incoming.request, target));
    } catch {
      this.stats.rejected += 1;
      incoming.respond(400, 'Bad Request');
      return;
    }
    this.stats.forwarded += 1;
    const context = new ResponseContext(specs.length, (best) => RequestForwarder.answer(incoming, best));
    for (const spec of specs) void this.branch(spec).then((outcome) => context.add(outcome));
  }

  private async branch(spec: SipOutgoingRequest): Promise<BranchOutcome> {
    this.inflight += 1;
    this.stats.branches += 1;
    try {
      const result = await this.endpoint.request(spec);
      return { status: result.status, reason: result.reason, response: result.response };
    } catch (e) {
      if (e instanceof SipTimeoutError) this.stats.branchTimeouts += 1;
      return RequestForwarder.outcomeOf(e);
    } finally {
      this.inflight -= 1;
    }
  }

  /** RFC 3261 §16.8: Timer F counts as 408; §16.9: a transport error as 503. */
  private static outcomeOf(error: unknown): BranchOutcome {
    if (error instanceof SipTimeoutError) return { status: 408, reason: 'Request Timeout' };
    if (error instanceof SipTransportError) return { status: 503, reason: 'Service Unavailable' };
    if (error instanceof SipBuildError || error instanceof SipParseError) return { status: 400, reason: 'Bad Request' };
    return { status: 500, reason: 'Server Internal Error' };
  }

  private static answer(incoming: IncomingSipRequest, best: BranchOutcome): void {
    if (best.response) relayResponse(incoming, best.response);
    else incoming.respond(best.status, best.reason);
  }
}
