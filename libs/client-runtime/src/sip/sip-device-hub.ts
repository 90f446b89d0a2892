import { parseSipUri, SipParseError } from '@waken/bearer-sip';
import {
  SipEndpoint, type IncomingSipRequest, type SipEndpointOptions, type SipOutgoingRequest, type SipPeer, type SipRegistration,
  type SipRegistrationSpec, type SipRequestHandler, type SipResult,
} from '@waken/bearer-sip-transport';

export interface SipDeviceHubOptions {
  /** Local address (127.0.0.2.. in tests: the npm-era rule that devices and proxy differ, kamailio README). */
  readonly host: string;
  readonly port?: number;
  /** The registrar/proxy every out-of-dialog request goes through (docs/push-session.md). */
  readonly proxy: SipPeer;
  readonly timers?: SipEndpointOptions['timers'];
  readonly maxInflight?: number;
  readonly userAgent?: string;
}

/**
 * One SIP address serving many simulated or real device contacts: `sip:<user>@host:port`, each
 * user part a device. Kamailio retargets a request to the contact it has on record, so the
 * Request-URI user tells the devices apart. Two endpoints, because `SipEndpoint` sends every
 * request to its outbound proxy: `proxied` for REGISTER and initial SUBSCRIBEs, `direct` for
 * in-dialog requests, which go straight to the peer's Contact (the proxy keeps no dialog routes).
 */
export class SipDeviceHub {
  private readonly devices = new Map<string, SipRequestHandler>();

  private constructor(
    readonly proxied: SipEndpoint,
    private readonly direct: SipEndpoint,
  ) {
    proxied.onRequest((incoming) => this.dispatch(incoming));
    direct.onRequest((incoming) => this.dispatch(incoming));
  }

  static async open(options: SipDeviceHubOptions): Promise<SipDeviceHub> {
    const common = { host: options.host, timers: options.timers, maxInflight: options.maxInflight, userAgent: options.userAgent };
    const proxied = await SipEndpoint.open({ ...common, port: options.port ?? 0, outboundProxy: options.proxy });
    try {
      return new SipDeviceHub(proxied, await SipEndpoint.open({ ...common, port: 0 }));
    } catch (e) {
      await proxied.close();
      throw e;
    }
  }

  get size(): number {
    return this.devices.size;
  }

  /** The contact a device registers and puts in its SUBSCRIBEs. */
  contactFor(user: string): string {
    return this.proxied.contactUri(user);
  }

  /** Routes requests whose Request-URI user is `user` to `handler`; returns the detach function. */
  attach(user: string, handler: SipRequestHandler): () => void {
    if (this.devices.has(user)) throw new RangeError(`contact user ${user} is taken on this hub`);
    this.devices.set(user, handler);
    return () => {
      if (this.devices.get(user) === handler) this.devices.delete(user);
    };
  }

  register(spec: SipRegistrationSpec): Promise<SipRegistration> {
    return this.proxied.register(spec);
  }

  unregister(spec: Pick<SipRegistrationSpec, 'aor' | 'instanceId'>): Promise<SipResult> {
    return this.proxied.unregister(spec);
  }

  /** Out of dialog, through the proxy. */
  sendViaProxy(spec: SipOutgoingRequest): Promise<SipResult> {
    return this.proxied.request(spec);
  }

  /** In dialog, to the Request-URI's host (the peer's Contact, RFC 3261 §12.2.1.1). */
  sendDirect(spec: SipOutgoingRequest): Promise<SipResult> {
    return this.direct.request(spec);
  }

  async close(): Promise<void> {
    this.devices.clear();
    await Promise.all([this.proxied.close(), this.direct.close()]);
  }

  private dispatch(incoming: IncomingSipRequest): void | Promise<void> {
    const handler = this.devices.get(userOf(incoming.request.requestUri));
    if (!handler) {
      incoming.respond(404, 'Not Found');
      return;
    }
    return handler(incoming);
  }
}

function userOf(requestUri: string): string {
  try {
    return parseSipUri(requestUri).user ?? '';
  } catch (e) {
    if (e instanceof SipParseError) return '';
    throw e;
  }
}
