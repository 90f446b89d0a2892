import { parseSipUri } from '@waken/bearer-sip';
import { SipEndpoint } from '@waken/bearer-sip-transport';
import type { EventPublisher } from '@waken/platform-messaging';
import type { Logger } from '@waken/platform-observability';
import { PendingPushRepository, RegistrationKeeper } from '@waken/session-data-access';
import { SessionCore } from './session-core';
import { SessionOptions } from './session.options';
import { SipNotifyChannel } from './sip-notify-channel';

/**
 * The session endpoint with its socket: one SIP endpoint (UDP and TCP on one port), the Contact
 * registered for the PPG AOR. REGISTER goes through the registrar as outbound proxy; NOTIFYs go
 * straight to each client's Contact (sendInDialog names the destination).
 */
export class SessionRuntime {
  private keeper?: RegistrationKeeper;

  private constructor(
    readonly core: SessionCore,
    /** our Contact: what the registrar binds the PPG AOR to */
    readonly contact: string,
    private readonly endpoint: SipEndpoint,
    private readonly options: SessionOptions,
    private readonly logger: Logger,
  ) {}

  static async open(options: SessionOptions, publisher: EventPublisher, logger: Logger): Promise<SessionRuntime> {
    const { host, port, transports } = options.sip;
    // Timer F = the NOTIFY timeout; it also keeps a silent registrar from holding the boot for 32 s
    const endpoint = await SipEndpoint.open({
      host, port, transports, outboundProxy: options.registrar, timers: { timeoutMs: options.notifyTimeoutMs }, maxInflight: options.maxNotifyInflight + 64,
    });
    const contact = endpoint.contactUri(parseSipUri(options.ppgAor).user ?? 'ppg');
    const core = new SessionCore({
      publisher, store: new PendingPushRepository(options.dataSource), channel: new SipNotifyChannel(endpoint), logger,
      master: options.master, tenants: options.tenants, localContact: contact, tuning: options,
    });
    endpoint.onRequest((incoming) => core.subscriptions.handle(incoming));
    return new SessionRuntime(core, contact, endpoint, options, logger);
  }

  /** Registers the AOR (retrying in the background on failure) and starts the timers. */
  async begin(): Promise<void> {
    this.keeper = new RegistrationKeeper(
      this.endpoint,
      { aor: this.options.ppgAor, instanceId: this.options.instanceId, contact: this.contact, expires: this.options.registerExpiresS, regId: 1 },
      this.logger,
      { refreshAt: this.options.registerRefreshAt },
    );
    await this.keeper.start();
    this.core.sweeper.start();
    this.logger.info({ contact: this.contact, aor: this.options.ppgAor }, 'session endpoint listening');
  }

  get registered(): boolean {
    return this.keeper?.registration !== undefined;
  }

  /** Sessions end (SessionClosedV1 shutdown), the binding is removed, the socket closes. */
  async stop(): Promise<void> {
    await this.core.shutdown();
    await this.keeper?.stop();
    await this.endpoint.close();
  }
}
