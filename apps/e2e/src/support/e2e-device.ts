import type { PushNotification } from '@waken/client';
import type { DeviceReport, SirOutcome, WakenDevice } from '@waken/client-runtime';

/** How the registry is told to wake a device (its activation methods, seed §S2). */
export type DeviceReach =
  /** its own GRUU, minted by Kamailio from the instance id it registers (RFC 5627). */
  | { readonly kind: 'sip-gruu' }
  /** SMS only: it does not register with Kamailio; its SIRs come over SMPP as WAP push. */
  | { readonly kind: 'sms'; readonly msisdn: string }
  /** first a GRUU nobody registered (Kamailio answers 404), then SMS (docs/bearers.md §6). */
  | { readonly kind: 'dead-gruu-then-sms'; readonly msisdn: string };

/** One SDK device of the suite, with what it saw. */
export interface E2eDevice {
  readonly name: string;
  readonly clientId: string;
  readonly instanceId: string;
  readonly device: WakenDevice;
  /** Every decided SIR (incomplete SMS segments are not outcomes). */
  readonly outcomes: SirOutcome[];
  readonly pushes: PushNotification[];
}

export interface E2eUser {
  readonly aor: string;
  readonly devices: readonly E2eDevice[];
}

/** A device's counters as the assertions read them. */
export function countsOf(d: E2eDevice): Pick<DeviceReport, 'sirsReceived' | 'sessionsOpened' | 'pushesReceived'> {
  const r = d.device.report();
  return { sirsReceived: r.sirsReceived, sessionsOpened: r.sessionsOpened, pushesReceived: r.pushesReceived };
}

/** Why each SIR was acted on or not: `connected`, a DeclineReason, or the failure kind. */
export function decisionsOf(d: E2eDevice): string[] {
  return d.outcomes.map((o) => (o.kind === 'declined' ? o.decision.reason : o.kind));
}

/** The SIR ids the device decoded, in order (a broadcast reaches every device with one id). */
export function sirIdsOf(d: E2eDevice): string[] {
  return d.outcomes.flatMap((o) => ('decoded' in o ? [o.decoded.sir.sirId] : []));
}

export function deviceNamed(user: E2eUser, name: string): E2eDevice {
  const found = user.devices.find((d) => d.name === name);
  if (!found) throw new RangeError(`no device ${name} for ${user.aor}`);
  return found;
}
