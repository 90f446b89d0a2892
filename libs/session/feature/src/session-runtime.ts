import { parseSipUri } from '@waken/bearer-sip';
import { SipEndpoint } from '@waken/bearer-sip-transport';
import type { EventPublisher } from '@waken/platform-messaging';
import type { Logger } from '@waken/platform-observability';
import { PendingPushRepository, RegistrationKeeper } from '@waken/session-data-access';
import { SessionCore } from './session-core';
import { SessionOptions } from './session.options';
import { SipNotifyChannel } from './sip-notify-channel';

/**
 * The session endpoint with its sockets. Two SIP endpoints on the same host: `dialogs` (the
 * registered Contact: SUBSCRIBEs arrive there, NOTIFYs leave from it straight to the client's
 * Contact) and `registrar` (REGISTER through the outbound proxy). One endpoint cannot do both:
 * SipEndpoint sends every request to its outbound proxy when it has one, and Kamailio refuses
 * in-dialog requests it did not record-route.
 */
export class SessionRuntime {
  private keeper?: RegistrationKeeper;

  private constructor(
    readonly core: SessionCore,
    /** our Contact: what the registrar binds the PPG AOR to */
    readonly contact: string,
    private readonly dialogs: SipEndpoint,
    private readonly registrar: SipEndpoint,
    private readonly options: SessionOptions,
    private readonly logger: Logger,
  ) {}

  static async open(options: SessionOptions, publisher: EventPublisher, logger: Logger): Promise<SessionRuntime> {
    const { host, port, transports } = options.sip;
    const dialogs = await SipEndpoint.open({ host, port, transports, timers: { timeoutMs: options.notifyTimeoutMs }, maxInflight: options.maxNotifyInflight + 64 });
    // a registrar that does not answer must not hold the boot for the default 32 s Timer F
    const registrar = await SipEndpoint.open({ host, port: 0, transports: [options.registrar.transport], outboundProxy: options.registrar, timers: { timeoutMs: 8000 } }).catch(async (e) => {
      await dialogs.close();
      throw e;
    });
    const contact = dialogs.contactUri(parseSipUri(options.ppgAor).user ?? 'ppg');
    const core = new SessionCore({
      publisher, store: new PendingPushRepository(options.dataSource), channel: new SipNotifyChannel(dialogs), logger,
      master: options.master, tenants: options.tenants, localContact: contact, tuning: options,
    });
    dialogs.onRequest((incoming) => core.subscriptions.handle(incoming));
    return new SessionRuntime(core, contact, dialogs, registrar, options, logger);
  }

  /** Registers the AOR (retrying in the background on failure) and starts the timers. */
  async begin(): Promise<void> {
    this.keeper = new RegistrationKeeper(
      this.registrar,
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

  /** Sessions end (SessionClosedV1 shutdown), the binding is removed, the sockets close. */
  async stop(): Promise<void> {
    await this.core.shutdown();
    await this.keeper?.stop();
    await Promise.all([this.dialogs.close(), this.registrar.close()]);
  }
}
