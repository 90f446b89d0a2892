import type { SipRegistration, SipRegistrationSpec } from '@waken/bearer-sip-transport';
import type { SipDeviceHub } from '../sip/sip-device-hub';

const REFRESH_AT = 0.8;
const RETRY_MS = 5_000;

/**
 * Keeps one device's binding at the registrar (RFC 5627 GRUU, RFC 3261 §10.2.4 refresh): registers,
 * re-registers before expiry (and when a SIR asks for `send-registration`, seed §C4), unregisters.
 */
export class SipRegistrationKeeper {
  private timer?: NodeJS.Timeout;
  private current?: SipRegistration;
  private stopped = false;

  constructor(
    private readonly hub: SipDeviceHub,
    private readonly spec: SipRegistrationSpec,
    private readonly onRegistered: (registration: SipRegistration) => void,
  ) {}

  get registration(): SipRegistration | undefined {
    return this.current;
  }

  async register(): Promise<SipRegistration> {
    const registration = await this.hub.register(this.spec);
    this.current = registration;
    this.onRegistered(registration);
    this.schedule(registration.expires * 1000 * REFRESH_AT);
    return registration;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.current) await this.hub.unregister(this.spec).catch(() => undefined);
    this.current = undefined;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.register().catch(() => this.schedule(RETRY_MS)), Math.max(1000, ms));
    this.timer.unref();
  }
}
