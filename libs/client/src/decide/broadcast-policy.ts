import type { SirDocument } from '@waken/contracts';

/**
 * A client's own rules for a broadcast SIR that names no device (seed §S9, §C2): its security
 * information, its capabilities, its chosen preferences, and last the user's decision.
 */
export interface BroadcastPolicy {
  readonly security?: {
    /** false: this device never wakes for a SIR that does not name it. */
    readonly allowUnidentified?: boolean;
    /** true: a broadcast must name the application it wakes (seed §C5). */
    readonly requireApplicationId?: boolean;
  };
  readonly capabilities?: {
    /** Applications this device can run; a SIR for another one is not for it. */
    readonly applications?: readonly string[];
  };
  readonly preferences?: {
    /** The user's chosen setting for broadcast wake-ups. */
    readonly wakeOnBroadcast?: boolean;
    /** Applications the user wants to be woken for. */
    readonly applications?: readonly string[];
  };
  /** Asks the user; resolves true to connect. Not asked when an earlier rule already declined. */
  readonly askUser?: (sir: SirDocument) => Promise<boolean>;
  /** No answer in time counts as "no" (default 30 s). */
  readonly userDecisionTimeoutMs?: number;
}

export type PolicyOutcome = 'policy-accepted' | 'user-accepted' | 'policy-security' | 'policy-capabilities' | 'policy-preferences' | 'user-declined';

const DEFAULT_USER_TIMEOUT_MS = 30_000;

/** Applies the rules in order: cheapest and least negotiable first, the user last. */
export async function evaluateBroadcastPolicy(policy: BroadcastPolicy, sir: SirDocument): Promise<PolicyOutcome> {
  const appId = sir.applicationId;
  const { security, capabilities, preferences } = policy;
  if (security?.allowUnidentified === false) return 'policy-security';
  if (security?.requireApplicationId && appId === undefined) return 'policy-security';
  if (appId !== undefined && !listed(capabilities?.applications, appId)) return 'policy-capabilities';
  if (preferences?.wakeOnBroadcast === false) return 'policy-preferences';
  if (appId !== undefined && !listed(preferences?.applications, appId)) return 'policy-preferences';
  if (!policy.askUser) return 'policy-accepted';
  const yes = await withTimeout(policy.askUser(sir), policy.userDecisionTimeoutMs ?? DEFAULT_USER_TIMEOUT_MS);
  return yes ? 'user-accepted' : 'user-declined';
}

/** An absent list allows everything; application ids compare case-insensitively (OMNA ids are URIs). */
function listed(list: readonly string[] | undefined, appId: string): boolean {
  return list === undefined || list.some((entry) => entry.toLowerCase() === appId.toLowerCase());
}

async function withTimeout(answer: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([answer.then((a) => a === true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
