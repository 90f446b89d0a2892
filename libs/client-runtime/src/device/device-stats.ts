import type { SirBearer } from '@waken/client';

/** Per-device counters; the terminal simulator reports them as JSON (seed: "the effect to demonstrate"). */
export interface DeviceReport {
  readonly id: string;
  readonly publicUserIdentity: string;
  /** Every SIR that reached the device, readable or not. */
  readonly sirsReceived: number;
  readonly sirsByBearer: Readonly<Partial<Record<SirBearer, number>>>;
  /** SIRs the device decided to act on (seed §C2). */
  readonly sirsAccepted: number;
  readonly sessionsOpened: number;
  readonly sessionErrors: Readonly<Record<string, number>>;
  /** Pushes handed to an application (each pushId+recipientIndex once). */
  readonly pushesReceived: number;
  readonly duplicatePushes: number;
  /** Authentic SIRs that found the device already connected (seed §S10). */
  readonly wakeupsNotNeeded: number;
  /** Why SIRs were not acted on: a DeclineReason, or `undecodable`/`not-a-sir`. */
  readonly rejectedSirs: Readonly<Record<string, number>>;
  readonly rejectionsSent: number;
  readonly activations: number;
  readonly registrations: number;
}

type Counter = Record<string, number>;

export class DeviceStats {
  sirsReceived = 0;
  sirsAccepted = 0;
  sessionsOpened = 0;
  pushesReceived = 0;
  duplicatePushes = 0;
  wakeupsNotNeeded = 0;
  rejectionsSent = 0;
  activations = 0;
  registrations = 0;
  private readonly byBearer: Partial<Record<SirBearer, number>> = {};
  private readonly rejected: Counter = {};
  private readonly sessionErrors: Counter = {};

  constructor(
    readonly id: string,
    readonly publicUserIdentity: string,
  ) {}

  received(bearer: SirBearer | undefined): void {
    this.sirsReceived += 1;
    if (bearer) this.byBearer[bearer] = (this.byBearer[bearer] ?? 0) + 1;
  }

  rejectedFor(reason: string): void {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + 1;
  }

  sessionFailed(reason: string): void {
    this.sessionErrors[reason] = (this.sessionErrors[reason] ?? 0) + 1;
  }

  report(): DeviceReport {
    return {
      id: this.id,
      publicUserIdentity: this.publicUserIdentity,
      sirsReceived: this.sirsReceived,
      sirsByBearer: { ...this.byBearer },
      sirsAccepted: this.sirsAccepted,
      sessionsOpened: this.sessionsOpened,
      sessionErrors: { ...this.sessionErrors },
      pushesReceived: this.pushesReceived,
      duplicatePushes: this.duplicatePushes,
      wakeupsNotNeeded: this.wakeupsNotNeeded,
      rejectedSirs: { ...this.rejected },
      rejectionsSent: this.rejectionsSent,
      activations: this.activations,
      registrations: this.registrations,
    };
  }
}
