import type { DeviceIdentity, SirDocument } from '@waken/contracts';
import { ReplayCache, sameDeviceIdentity, verifySir } from '@waken/sir-domain';
import { evaluateBroadcastPolicy, type BroadcastPolicy } from './broadcast-policy';
import type { ClientProfile } from './client-profile';
import type { DeclineReason, SirDecision } from './sir-decision';
import { chooseKey } from './sir-key-ring';

export interface SirDeciderOptions {
  readonly profile: ClientProfile;
  /** seed §S9: the client's own rules for broadcasts without identity; default: connect. */
  readonly policy?: BroadcastPolicy;
  /** Shared by every bearer of this client, so a SIR sent twice on two bearers is acted on once. */
  readonly replayCache?: ReplayCache;
  /** Tolerated PPG/device clock difference (default 30 s). */
  readonly maxSkewMs?: number;
  readonly now?: () => Date;
}

/** The client's state when a SIR arrives. */
export interface DecisionState {
  /** A push session with the PPG is open or opening (seed §S10, step 408). */
  readonly connected: boolean;
  /** Identities learned at run time (GRUUs from the registrar), beside the profile's. */
  readonly identities?: readonly DeviceIdentity[];
}

/**
 * seed §C2 (unit 22): should this client connect for this SIR? Cheap addressing checks first, then
 * `verifySir` (signature, trusted PPG, validity window, identity, replay), then the subscription,
 * the connection state and, for a broadcast without identity, the client's policy.
 */
export class SirDecider {
  readonly replayCache: ReplayCache;
  private readonly maxSkewMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: SirDeciderOptions) {
    this.replayCache = options.replayCache ?? new ReplayCache();
    this.maxSkewMs = options.maxSkewMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  async decide(sir: SirDocument, state: DecisionState): Promise<SirDecision> {
    const { profile } = this.options;
    const identities = [...profile.identities, ...(state.identities ?? [])];
    // claim 8: the public identity is always there; another user's SIR is not ours whatever its key.
    if (sir.publicUserIdentity.trim() !== profile.publicUserIdentity.trim()) return decline(sir, 'other-user', false);
    const target = sir.deviceIdentity;
    if (target && !identities.some((own) => sameDeviceIdentity(own, target))) return decline(sir, 'not-for-me', false);
    const choice = chooseKey(profile, sir);
    if ('reason' in choice) return decline(sir, choice.reason, false);
    const verdict = verifySir(sir, {
      key: choice.key,
      now: this.now(),
      maxSkewMs: this.maxSkewMs,
      replayCache: this.replayCache,
      trustedPpgAddresses: profile.trustedPpgAddresses,
      ownIdentities: identities,
    });
    if (!verdict.ok) return decline(sir, verdict.reason, false);
    return this.decideAuthentic(sir, state);
  }

  private async decideAuthentic(sir: SirDocument, state: DecisionState): Promise<SirDecision> {
    const subscribed = this.options.profile.subscribedPpgAddresses;
    if (subscribed && !subscribed.includes(sir.ppgAddress)) return decline(sir, 'unsubscribed-ppg', true);
    if (state.connected) return decline(sir, 'already-connected', true); // seed §S10, step 408
    if (sir.deviceIdentity) return { connect: true, reason: 'identity-match', sir };
    if (sir.mode !== 'broadcast') return { connect: true, reason: 'own-key', sir };
    const outcome = await evaluateBroadcastPolicy(this.options.policy ?? {}, sir);
    if (outcome === 'policy-accepted' || outcome === 'user-accepted') return { connect: true, reason: outcome, sir };
    return decline(sir, outcome, true);
  }
}

function decline(sir: SirDocument, reason: DeclineReason, authentic: boolean): SirDecision {
  return { connect: false, reason, sir, authentic };
}
