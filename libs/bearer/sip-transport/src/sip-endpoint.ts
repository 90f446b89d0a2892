import { SipParseError, type SipMessage } from '@waken/bearer-sip';
import { ClientTransactionTable } from './client-transaction-table';
import { ServerTransactionTable } from './server-transaction-table';
import { InflightLimiter } from './inflight-limiter';
import { SipSockets } from './sip-sockets';
import { SipRequestSender } from './sip-request-sender';
import { SipRequestReceiver } from './sip-request-receiver';
import { SipRegistrationClient, type SipRegistration, type SipRegistrationSpec } from './sip-registration-client';
import { newStats, type SipEndpointStats } from './sip-endpoint-stats';
import { resolveOptions, type SipEndpointOptions } from './sip-endpoint-options';
import type { SipSource, SipTransportName } from './sip-peer';
import type { SipMessageRequest, SipOutgoingRequest, SipResult } from './sip-outgoing-request';
import type { SipRequestHandler } from './incoming-sip-request';
import { SipTransportError } from './sip-transport-error';

interface Parts {
  readonly sockets: SipSockets;
  readonly clients: ClientTransactionTable;
  readonly servers: ServerTransactionTable;
  readonly limiter: InflightLimiter;
  readonly stats: SipEndpointStats;
  readonly sender: SipRequestSender;
  readonly receiver: SipRequestReceiver;
}

/**
 * A SIP user agent on one address (seed §S6, §S7): sends non-INVITE requests through the
 * outbound proxy, registers with GRUU, and hands incoming requests to one handler.
 * Nothing a peer sends can throw out of it; `close()` frees every socket and timer.
 */
export class SipEndpoint {
  private readonly registrations: SipRegistrationClient;
  private readonly sweep: NodeJS.Timeout;
  private closed = false;

  private constructor(private readonly parts: Parts) {
    this.registrations = new SipRegistrationClient(parts.sender, (user, transport) => this.contactUri(user, transport));
    this.sweep = setInterval(() => parts.servers.sweep(), 1000).unref();
  }

  static async open(options: SipEndpointOptions = {}): Promise<SipEndpoint> {
    const o = resolveOptions(options);
    const stats = newStats();
    // the sockets exist before the endpoint that dispatches their input
    const ref: { endpoint?: SipEndpoint } = {};
    const sockets = await SipSockets.open(o, (input, source) => ref.endpoint?.dispatch(input, source), () => (stats.transportErrors += 1));
    const clients = new ClientTransactionTable(o.timers, stats);
    // Timer J = 64·T1 on UDP (RFC 3261 §17.2.2)
    const servers = new ServerTransactionTable(64 * o.timers.t1Ms);
    const limiter = new InflightLimiter(o.maxInflight, o.maxWaiting);
    const sender = new SipRequestSender(sockets, clients, limiter, o, stats);
    const receiver = new SipRequestReceiver(sockets, servers, stats);
    ref.endpoint = new SipEndpoint({ sockets, clients, servers, limiter, stats, sender, receiver });
    return ref.endpoint;
  }

  get host(): string {
    return this.parts.sockets.host;
  }

  get port(): number {
    return this.parts.sockets.port;
  }

  get stats(): Readonly<SipEndpointStats> {
    return { ...this.parts.stats };
  }

  /** Client transactions outstanding, and callers waiting for a slot. */
  get load(): { readonly inflight: number; readonly waiting: number } {
    return { inflight: this.parts.limiter.inflight, waiting: this.parts.limiter.queued };
  }

  /** `sip:user@host:port`, with `;transport=tcp` for TCP (a Contact for this endpoint). */
  contactUri(user: string, transport?: SipTransportName): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `sip:${user}@${host}:${this.port}${transport === 'tcp' ? ';transport=tcp' : ''}`;
  }

  /** Any non-INVITE request; resolves with the final response, rejects on timeout or transport failure. */
  request(spec: SipOutgoingRequest): Promise<SipResult> {
    if (this.closed) return Promise.reject(new SipTransportError('closed', 'endpoint closed'));
    return this.parts.sender.send(spec);
  }

  /** RFC 3428 MESSAGE (seed §S6: the SIR's SIP encapsulation). */
  sendMessage(spec: SipMessageRequest): Promise<SipResult> {
    return this.request({ ...spec, method: 'MESSAGE' });
  }

  register(spec: SipRegistrationSpec): Promise<SipRegistration> {
    return this.registrations.register(spec);
  }

  unregister(spec: Pick<SipRegistrationSpec, 'aor' | 'instanceId'>): Promise<SipResult> {
    return this.registrations.unregister(spec);
  }

  /** One handler for every incoming request; replaces any earlier one (undefined: answer 501). */
  onRequest(handler: SipRequestHandler | undefined): void {
    this.parts.receiver.onRequest(handler);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweep);
    const error = new SipTransportError('closed', 'endpoint closed');
    this.parts.limiter.rejectAll(error);
    this.parts.clients.close(error);
    this.parts.servers.clear();
    await this.parts.sockets.close();
  }

  private dispatch(input: SipMessage | SipParseError, source: SipSource): void {
    if (this.closed) return;
    try {
      if (input instanceof SipParseError) this.parts.receiver.answerMalformed(input, source);
      else if (input.kind === 'response') this.parts.clients.match(input);
      else this.parts.receiver.receive(input, source);
    } catch {
      // a bug on our side must not take the process down with a peer's packet
      this.parts.stats.malformedDropped += 1;
    }
  }
}
