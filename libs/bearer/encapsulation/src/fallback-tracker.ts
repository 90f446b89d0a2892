import type { DeliveryReportedV1, SessionOpenedV1, SirComposedV1 } from '@waken/contracts';
import { activationChain } from './delivery-request';

export interface FallbackTrackerOptions {
  /** A SIR handed over successfully whose target opened no session by then falls back; undefined: never. */
  sessionDeadlineMs?: number;
  /** At most this many SIRs are remembered; beyond it the oldest loses its fallback. */
  maxEntries: number;
}

/** The next activation step to publish, with whatever the caller remembered beside the SIR. */
export interface FallbackStep<C> {
  composed: SirComposedV1;
  step: number;
  context: C;
  trigger: 'failed' | 'no-session';
}

interface Entry<C> {
  composed: SirComposedV1;
  context: C;
  /** The step last published. */
  step: number;
  /** Destinations published, by step, for telling a late report from a current one. */
  destinations: string[];
  deadline?: number;
  expiresAt: number;
  /** Failure reports already answered, with the step they asked for (a redelivery gets the same answer). */
  answered: Map<string, number>;
}

/**
 * Fallback between seed §S2's activation methods, as small bounded state: only SIRs that have a
 * fallback are kept, until they expire, their target opens a session, a final report arrives, or
 * the bound evicts them. Pure and clock-free (callers pass `now`); in memory, so a restart
 * forgets it. Answers are not commitments: the state moves only when the caller reports the step
 * `published`, so a failed publish is retried by the redelivered input or the next sweep.
 */
export class FallbackTracker<C> {
  private readonly entries = new Map<string, Entry<C>>();
  private readonly byClient = new Map<string, Set<string>>();
  evicted = 0;

  constructor(private readonly options: FallbackTrackerOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** After the first step (0, or later when earlier methods were unusable) was published. A redelivered SIR keeps its state. */
  remember(composed: SirComposedV1, context: C, destination: string, now: Date, step = 0): void {
    const sirId = composed.sir.sirId;
    if (step >= composed.fallbacks.length || this.entries.has(sirId)) return;
    const expiresAt = Date.parse(composed.sir.expiresAt);
    if (expiresAt <= now.getTime()) return;
    while (this.entries.size >= this.options.maxEntries) this.evictOldest();
    const destinations: string[] = [];
    destinations[step] = destination;
    this.entries.set(sirId, { composed, context, step, destinations, expiresAt, answered: new Map() });
    for (const clientId of composed.targetClientIds) {
      const key = clientKey(composed.tenantId, clientId);
      this.byClient.set(key, (this.byClient.get(key) ?? new Set()).add(sirId));
    }
  }

  /** The step went out (possibly later than asked, when methods in between were unusable). */
  published(sirId: string, step: number, destination: string): void {
    const entry = this.entries.get(sirId);
    if (!entry || step < entry.step) return;
    entry.step = step;
    entry.destinations[step] = destination;
    entry.deadline = undefined;
  }

  /** No further method could be used: nothing left to watch. */
  forget(sirId: string): void {
    this.drop(sirId);
  }

  /** seed §S12: one attempt's outcome. Returns the step to publish next, if any. */
  onReport(report: DeliveryReportedV1, reportId: string, now: Date): FallbackStep<C> | undefined {
    const entry = this.entries.get(report.sirId);
    if (!entry || report.kind !== 'sir' || report.tenantId !== entry.composed.tenantId) return undefined;
    const again = entry.answered.get(reportId);
    if (again !== undefined) return this.stepOf(entry, again, 'failed');
    if (!this.isCurrent(entry, report)) return undefined;
    if (report.outcome === 'expired' || report.final) return this.drop(report.sirId);
    if (report.outcome === 'sent' || report.outcome === 'delivered') {
      const deadline = this.options.sessionDeadlineMs;
      if (deadline !== undefined && entry.deadline === undefined && this.hasNext(entry)) entry.deadline = Math.min(now.getTime() + deadline, entry.expiresAt);
      return undefined;
    }
    if (!this.hasNext(entry) || entry.expiresAt <= now.getTime()) return this.drop(report.sirId);
    entry.answered.set(reportId, entry.step + 1);
    return this.stepOf(entry, entry.step + 1, 'failed');
  }

  /** seed §C3: the target connected; its SIR needs no further wake-up. */
  onSessionOpened(session: SessionOpenedV1): void {
    if (session.sirId !== undefined && this.entries.get(session.sirId)?.composed.tenantId === session.tenantId) this.drop(session.sirId);
    for (const sirId of this.byClient.get(clientKey(session.tenantId, session.clientId)) ?? []) this.drop(sirId);
  }

  /** Steps whose session deadline passed (until published); forgets expired SIRs. */
  due(now: Date): FallbackStep<C>[] {
    const out: FallbackStep<C>[] = [];
    for (const [sirId, entry] of [...this.entries]) {
      if (entry.expiresAt <= now.getTime()) this.drop(sirId);
      else if (entry.deadline !== undefined && entry.deadline <= now.getTime()) out.push(this.stepOf(entry, entry.step + 1, 'no-session'));
    }
    return out;
  }

  private stepOf(entry: Entry<C>, step: number, trigger: FallbackStep<C>['trigger']): FallbackStep<C> {
    return { composed: entry.composed, step, context: entry.context, trigger };
  }

  private hasNext(entry: Entry<C>): boolean {
    return entry.step < activationChain(entry.composed).length - 1;
  }

  /**
   * A report is about the current step when its bearer is the current method's and its destination
   * is not one of an earlier step (a late report of an attempt already given up).
   */
  private isCurrent(entry: Entry<C>, report: DeliveryReportedV1): boolean {
    const chain = activationChain(entry.composed);
    if (chain[entry.step].bearer !== report.bearer) return false;
    if ([entry.destinations[entry.step], chain[entry.step].address].includes(report.destination)) return true;
    const earlier = chain.slice(0, entry.step).flatMap((m, i) => [m.address, entry.destinations[i]]);
    return !earlier.includes(report.destination);
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next().value;
    if (oldest === undefined) return;
    this.drop(oldest);
    this.evicted += 1;
  }

  private drop(sirId: string): undefined {
    const entry = this.entries.get(sirId);
    if (!entry) return undefined;
    this.entries.delete(sirId);
    for (const clientId of entry.composed.targetClientIds) {
      const key = clientKey(entry.composed.tenantId, clientId);
      const set = this.byClient.get(key);
      set?.delete(sirId);
      if (set?.size === 0) this.byClient.delete(key);
    }
    return undefined;
  }
}

function clientKey(tenantId: string, clientId: string): string {
  return `${tenantId}\u0000${clientId}`;
}
