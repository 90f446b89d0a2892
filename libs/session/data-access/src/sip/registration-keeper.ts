import type { SipEndpoint, SipRegistration, SipRegistrationSpec } from '@waken/bearer-sip-transport';
import type { Logger } from '@waken/platform-observability';

export interface RegistrationKeeperOptions {
  /** fraction of the granted expiry after which the binding is refreshed */
  refreshAt?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
}

/**
 * Keeps one registration alive (RFC 3261 §10.2.4: refresh before it expires): registers, then
 * refreshes at `refreshAt` of the granted expiry; on a failure retries with jittered exponential
 * backoff. `stop` cancels the timer and removes the binding (best effort).
 */
export class RegistrationKeeper {
  private timer?: NodeJS.Timeout;
  private current?: SipRegistration;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly endpoint: SipEndpoint,
    private readonly spec: SipRegistrationSpec,
    private readonly logger: Logger,
    private readonly options: RegistrationKeeperOptions = {},
  ) {}

  get registration(): SipRegistration | undefined {
    return this.current;
  }

  /** The first attempt; later ones run on their own. True when registered. */
  async start(): Promise<boolean> {
    return this.attempt();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (!this.current) return;
    this.current = undefined;
    try {
      await this.endpoint.unregister({ aor: this.spec.aor, instanceId: this.spec.instanceId });
    } catch (e) {
      this.logger.warn({ err: e, aor: this.spec.aor }, 'SIP unregister failed');
    }
  }

  private async attempt(): Promise<boolean> {
    if (this.stopped) return false;
    try {
      this.current = await this.endpoint.register(this.spec);
      this.failures = 0;
      const granted = this.current.expires > 0 ? this.current.expires : (this.spec.expires ?? 3600);
      this.schedule(Math.max(1000, granted * 1000 * (this.options.refreshAt ?? 0.8)));
      this.logger.info({ aor: this.spec.aor, contact: this.current.contact, expires: granted }, 'registered with the SIP registrar');
      return true;
    } catch (e) {
      this.failures += 1;
      const cap = Math.min(this.options.retryMaxMs ?? 30_000, (this.options.retryMinMs ?? 1000) * 2 ** (this.failures - 1));
      this.schedule(Math.round(cap * (0.5 + Math.random() / 2)));
      this.logger.error({ err: e, aor: this.spec.aor, failures: this.failures }, 'SIP registration failed; retrying');
      return false;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.attempt(), ms);
    this.timer.unref();
  }
}
