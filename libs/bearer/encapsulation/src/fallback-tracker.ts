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
  step: number;
  /** Destinations already tried, by step, for telling a late report from a current one. */
  destinations: string[];
  deadline?: number;
  expiresAt: number;
  advancedBy: Set<string>;
}

/**
 * Fallback of seed §S2's activation methods, as small bounded state: only SIRs that still have a
 * fallback are kept, each until it expires, its target opens a session, or no method is left.
 * Pure and clock-free (callers pass `now`); the state is in memory, so a restart forgets it.
 */
export class FallbackTracker<C> {
  private readonly entries = new Map<string, Entry<C>>();
  private readonly byClient = new Map<string, Set<string>>();
  evicted = 0;

  constructor(private readonly options: FallbackTrackerOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** After step 0 was published. A redelivered SIR keeps the state it has. */
  remember(composed: SirComposedV1, context: C, destination: string, now: Date): void {
    const sirId = composed.sir.sirId;
    if (composed.fallbacks.length === 0 || this.entries.has(sirId)) return;
    const expiresAt = Date.parse(composed.sir.expiresAt);
    if (expiresAt <= now.getTime()) return;
    while (this.entries.size >= this.options.maxEntries) this.evictOldest();
    this.entries.set(sirId, { composed, context, step: 0, destinations: [destination], expiresAt, advancedBy: new Set() });
    for (const clientId of composed.targetClientIds) {
      const key = clientKey(composed.tenantId, clientId);
      this.byClient.set(key, (this.byClient.get(key) ?? new Set()).add(sirId));
    }
  }

  /** After a fallback step was published: its destination, for matching the reports about it. */
  published(sirId: string, step: number, destination: string): void {
    const entry = this.entries.get(sirId);
    if (entry && entry.step === step) entry.destinations[step] = destination;
  }

  /** seed §S12: one attempt's outcome. Returns the step to publish next, if any. */
  onReport(report: DeliveryReportedV1, reportId: string, now: Date): FallbackStep<C> | undefined {
    const entry = this.entries.get(report.sirId);
    if (!entry || report.kind !== 'sir' || report.tenantId !== entry.composed.tenantId || !this.isCurrent(entry, report)) return undefined;
    if (report.outcome === 'expired' || report.final) return this.drop(report.sirId);
    if (report.outcome === 'sent' || report.outcome === 'delivered') {
      const deadline = this.options.sessionDeadlineMs;
      if (deadline !== undefined && entry.deadline === undefined) entry.deadline = Math.min(now.getTime() + deadline, entry.expiresAt);
      return undefined;
    }
    if (entry.advancedBy.has(reportId)) return undefined;
    entry.advancedBy.add(reportId);
    return this.advance(report.sirId, entry, 'failed', now);
  }

  /** seed §C3: the target connected; its SIR needs no further wake-up. */
  onSessionOpened(session: SessionOpenedV1): void {
    if (session.sirId !== undefined && this.entries.get(session.sirId)?.composed.tenantId === session.tenantId) this.drop(session.sirId);
    for (const sirId of this.byClient.get(clientKey(session.tenantId, session.clientId)) ?? []) this.drop(sirId);
  }

  /** Steps whose session deadline passed; forgets expired SIRs. */
  due(now: Date): FallbackStep<C>[] {
    const out: FallbackStep<C>[] = [];
    for (const [sirId, entry] of [...this.entries]) {
      if (entry.expiresAt <= now.getTime()) this.drop(sirId);
      else if (entry.deadline !== undefined && entry.deadline <= now.getTime()) {
        const next = this.advance(sirId, entry, 'no-session', now);
        if (next) out.push(next);
      }
    }
    return out;
  }

  private advance(sirId: string, entry: Entry<C>, trigger: FallbackStep<C>['trigger'], now: Date): FallbackStep<C> | undefined {
    const last = activationChain(entry.composed).length - 1;
    if (entry.step >= last || entry.expiresAt <= now.getTime()) return this.drop(sirId);
    entry.step += 1;
    entry.deadline = undefined;
    const next = { composed: entry.composed, step: entry.step, context: entry.context, trigger };
    if (entry.step === last) this.drop(sirId); // nothing can follow the last method
    return next;
  }

  /**
   * A report is about the current step when its bearer is the current method's and its destination
   * is not one of an earlier step (a late report of an attempt already given up).
   */
  private isCurrent(entry: Entry<C>, report: DeliveryReportedV1): boolean {
    const chain = activationChain(entry.composed);
    if (chain[entry.step].bearer !== report.bearer) return false;
    const current = [entry.destinations[entry.step], chain[entry.step].address];
    if (current.includes(report.destination)) return true;
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
