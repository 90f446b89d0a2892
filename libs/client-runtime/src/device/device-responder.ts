import {
  clientInfoFor, encodeClientInfo, isEmptyClientInfo, mergeInfoSources, type ActivationTiming, type ApplicationRegistry,
  type ClientInfoSource, type ClientProfile, type DecodedSir, type SirDecision,
} from '@waken/client';
import type { SirDocument } from '@waken/contracts';
import { sendRejection } from '../session/rejection-sender';
import type { DeviceSessions } from './device-sessions';
import type { DeviceStats } from './device-stats';
import type { SipRegistrationKeeper } from './sip-registration-keeper';
import type { SirOutcome, WakenDeviceOptions } from './waken-device-options';

export interface DeviceResponderDeps {
  readonly profile: ClientProfile;
  readonly applications: ApplicationRegistry;
  readonly stats: DeviceStats;
  readonly sessions?: DeviceSessions;
  readonly sip?: WakenDeviceOptions['sip'];
  readonly registration: () => SipRegistrationKeeper | undefined;
  readonly activation: ActivationTiming;
}

/**
 * What a device does once it decided (seed §C3-C5): activate the named application before or
 * after the session, connect with what the SIR asked for in the SUBSCRIBE body, re-register on
 * `send-registration`; or, for an authentic SIR it declines, return the rejection it asked for.
 */
export class DeviceResponder {
  constructor(private readonly deps: DeviceResponderDeps) {}

  async wake(decoded: DecodedSir, decision: SirDecision): Promise<SirOutcome> {
    const { sir } = decision;
    const timing = this.deps.activation;
    const before = timing === 'before-session' ? await this.activate(sir, timing) : undefined;
    const info = clientInfoFor(sir.instructions, mergeInfoSources(this.deps.profile.info, before ?? {}));
    try {
      if (!this.deps.sessions) throw new RangeError('a push session needs the SIP side (options.sip)');
      const body = isEmptyClientInfo(info) ? undefined : encodeClientInfo(info);
      const session = await this.deps.sessions.open({ ppgAddress: sir.ppgAddress, sirId: sir.sirId, ...(body && { body }) });
      if (timing === 'after-session') await this.activate(sir, timing);
      if (sir.instructions.includes('send-registration')) await this.deps.registration()?.register().catch(() => undefined);
      return { kind: 'connected', decoded, decision, session };
    } catch (error) {
      return { kind: 'session-failed', decoded, decision, error };
    }
  }

  /** seed §C4 "a rejection of the connection": only for an authentic SIR that asked for it. */
  async rejectIfAsked(decision: SirDecision): Promise<void> {
    if (decision.connect || !decision.authentic || decision.reason === 'already-connected') return;
    if (!decision.sir.instructions.includes('return-rejection')) return;
    const sip = this.deps.sip;
    if (!sip) return;
    const params = { ppgAddress: decision.sir.ppgAddress, sirId: decision.sir.sirId, rejection: decision.reason };
    const status = await sendRejection(sip.hub, this.deps.profile, sip.hub.contactFor(sip.contactUser), params).catch(() => 0);
    if (status >= 200 && status < 300) this.deps.stats.rejectionsSent += 1;
  }

  private async activate(sir: SirDocument, timing: ActivationTiming): Promise<ClientInfoSource | undefined> {
    const result = await this.deps.applications.activate(sir, timing).catch(() => ({ activated: false, info: undefined }));
    if (result.activated) this.deps.stats.activations += 1;
    return result.info;
  }
}
