import { isDeepStrictEqual } from 'node:util';
import type { TopicTap } from '@waken/platform-messaging';
import { stayFalse, waitFor } from '@waken/testing';
import { countsOf, E2eUser } from './e2e-device';
import { WireAccount, wireAccountOf } from './wire-account';

type DeviceCounts = ReturnType<typeof countsOf>;

/** The exact outcome of one push, on the wire and on every device of its user. */
export interface PushOutcome {
  /** Distinct SIRs reported on the wire (kind sir, sent/delivered), per bearer. */
  readonly sirsOnWire: Readonly<Record<string, number>>;
  /** Sessions opened after one of the push's SIRs. */
  readonly sessionsOpened: number;
  /** PushDeliveredV1 records: clients that acknowledged the content. */
  readonly pushesDelivered: number;
  /** Per device name: SIRs received, sessions opened and pushes received, since it started. */
  readonly devices: Readonly<Record<string, DeviceCounts>>;
}

export interface SettleOptions {
  readonly timeoutMs?: number;
  /** How long the counts must then stay the same (an extra SIR or session would show here). */
  readonly quietMs?: number;
}

export function outcomeOf(tap: TopicTap, pushId: string, user: E2eUser): PushOutcome {
  const account = wireAccountOf(tap, pushId);
  return {
    sirsOnWire: account.sirsOnWire,
    sessionsOpened: account.sessionsOpened.length,
    pushesDelivered: account.delivered.length,
    devices: Object.fromEntries(user.devices.map((d) => [d.name, countsOf(d)])),
  };
}

/**
 * Waits (with a deadline, no fixed sleep) until the push's outcome equals `expected` and every
 * device has decided each SIR it received (its `outcomes`), then checks
 * that it stays so for a quiet window, and returns the account for further assertions. On a
 * timeout the error shows the last outcome seen.
 */
export async function expectOutcome(tap: TopicTap, pushId: string, user: E2eUser, expected: PushOutcome, opts: SettleOptions = {}): Promise<WireAccount> {
  await waitFor(
    () => {
      const seen = outcomeOf(tap, pushId, user);
      // a device counts a SIR when it arrives but reports its outcome only once it acted on it
      // (after its session is up, or its rejection answered): callers assert on those outcomes
      const undecided = user.devices.filter((d) => d.outcomes.length < countsOf(d).sirsReceived).map((d) => d.name);
      if (isDeepStrictEqual(seen, expected) && undecided.length === 0) return true;
      throw new Error(`${JSON.stringify(seen)}${undecided.length > 0 ? `; still deciding: ${undecided.join(', ')}` : ''}`);
    },
    { timeoutMs: opts.timeoutMs ?? 60_000, intervalMs: 100, what: `outcome of push ${pushId} = ${JSON.stringify(expected)}` },
  );
  await stayFalse(() => !isDeepStrictEqual(outcomeOf(tap, pushId, user), expected), opts.quietMs ?? 1500, `outcome of ${pushId} changed after it matched`).catch((e: Error) => {
    throw new Error(`${e.message}: ${JSON.stringify(outcomeOf(tap, pushId, user))}`);
  });
  return wireAccountOf(tap, pushId);
}
