import { SipEndpoint, type SipPeer, type SipTransportName } from '@waken/bearer-sip-transport';
import { BindingTable } from './binding-table';
import { ProxyIdentity } from './proxy-identity';
import { ProxyRequestRouter } from './proxy-request-router';
import { newProxyStats, type ProxyStats } from './proxy-stats';
import { Registrar } from './registrar';
import { RequestForwarder } from './request-forwarder';
import { resolveProxyOptions, type EmbeddedSipProxyOptions } from './embedded-sip-proxy-options';
import { TargetResolver } from './target-resolver';

export interface EmbeddedSipProxyAddress {
  readonly host: string;
  readonly port: number;
  /** the SIP domain served, e.g. example.com */
  readonly domain: string;
}

interface Parts {
  readonly endpoint: SipEndpoint;
  readonly table: BindingTable;
  readonly forwarder: RequestForwarder;
  readonly identity: ProxyIdentity;
  readonly stats: ProxyStats;
}

/**
 * A registrar + proxy with RFC 5627 GRUU for Waken's embedded single-process mode: what
 * `docker/kamailio/kamailio.cfg` does for the requests Waken sends (REGISTER, MESSAGE,
 * SUBSCRIBE, OPTIONS), on one SipEndpoint, with bounded state. Production uses Kamailio.
 */
export class EmbeddedSipProxy {
  private readonly sweep: NodeJS.Timeout;
  private closed = false;

  private constructor(private readonly parts: Parts, sweepIntervalMs: number) {
    this.sweep = setInterval(() => parts.table.sweep(), sweepIntervalMs).unref();
  }

  static async start(options: EmbeddedSipProxyOptions = {}): Promise<EmbeddedSipProxy> {
    const o = resolveProxyOptions(options);
    const endpoint = await SipEndpoint.open({
      host: o.host,
      port: o.port,
      transports: o.transports,
      // the forwarder admits no more branches than this, so none ever waits for a slot
      maxInflight: o.maxInflightBranches,
      maxWaiting: o.maxInflightBranches,
      timers: { timeoutMs: o.forwardTimeoutMs },
    });
    const identity = new ProxyIdentity(o.domain, endpoint.host, endpoint.port);
    const table = new BindingTable(o);
    const stats = newProxyStats();
    const forwarder = new RequestForwarder(endpoint, o.maxInflightBranches, stats);
    const registrar = new Registrar(table, identity, o);
    const router = new ProxyRequestRouter(identity, registrar, new TargetResolver(table, identity), forwarder, stats);
    endpoint.onRequest(router.handle);
    return new EmbeddedSipProxy({ endpoint, table, forwarder, identity, stats }, o.sweepIntervalMs);
  }

  get address(): EmbeddedSipProxyAddress {
    const { host, port, domain } = this.parts.identity;
    return { host, port, domain };
  }

  /** What a SipEndpoint takes as `outboundProxy` to send through this proxy. */
  outboundProxy(transport: SipTransportName = 'udp'): SipPeer {
    return { transport, host: this.parts.identity.host, port: this.parts.identity.port };
  }

  /** Counters, bindings registered now, and branches in flight. */
  get stats(): Readonly<ProxyStats> & { readonly bindings: number; readonly branchesInFlight: number } {
    return { ...this.parts.stats, bindings: this.parts.table.size, branchesInFlight: this.parts.forwarder.branchesInFlight };
  }

  /** Stops the sweep and closes the sockets; branches in flight end as 503 (answers then go nowhere). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweep);
    await this.parts.endpoint.close();
  }
}
