import { ChangedPendingPush, PendingPushInput, PendingPushState, StoredPendingPush } from '@waken/session-data-access';
import { PendingPush, PendingPushKey, pendingKeyOf } from '@waken/session-domain';
import { PendingStore } from '../pending-store';

interface Row {
  push: PendingPush;
  state: PendingPushState;
  sessionId?: string;
}

/** The pending store's semantics in memory, for unit tests of the core (the SQL is int-tested). */
export class InMemoryPendingStore implements PendingStore {
  readonly rows = new Map<string, Row>();
  private seq = 0;

  async store(inputs: readonly PendingPushInput[]): Promise<StoredPendingPush[]> {
    const out: StoredPendingPush[] = [];
    for (const { state, ...input } of inputs) {
      const key = pendingKeyOf(input);
      if (this.rows.has(key)) continue;
      const push = { ...input, seq: (this.seq += 1) };
      this.rows.set(key, { push, state });
      out.push({ push, state });
    }
    return out;
  }

  async pendingFor(tenantId: string, clientId: string, now: Date, limit: number, afterSeq = 0): Promise<PendingPush[]> {
    return [...this.rows.values()]
      .filter((r) => r.state === 'pending' && r.push.tenantId === tenantId && r.push.clientId === clientId && r.push.seq > afterSeq)
      .filter((r) => !r.push.deliverBefore || r.push.deliverBefore > now)
      .map((r) => r.push)
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
  }

  async markDelivered(key: PendingPushKey, _at: Date, sessionId: string): Promise<boolean> {
    const row = this.rows.get(pendingKeyOf(key));
    if (!row || row.state === 'delivered') return false;
    Object.assign(row, { state: 'delivered', sessionId });
    return true;
  }

  async cancel(tenantId: string, pushId: string): Promise<ChangedPendingPush[]> {
    return this.change((r) => r.state === 'pending' && r.push.tenantId === tenantId && r.push.pushId === pushId, 'cancelled');
  }

  async expireDue(now: Date): Promise<ChangedPendingPush[]> {
    return this.change((r) => r.state === 'pending' && r.push.deliverBefore !== undefined && r.push.deliverBefore <= now, 'expired');
  }

  async purgeSettled(): Promise<number> {
    return 0;
  }

  stateOf(key: PendingPushKey): PendingPushState | undefined {
    return this.rows.get(pendingKeyOf(key))?.state;
  }

  private change(match: (r: Row) => boolean, state: PendingPushState): ChangedPendingPush[] {
    const changed = [...this.rows.values()].filter(match);
    for (const row of changed) row.state = state;
    return changed.map(({ push: { tenantId, pushId, recipientIndex, clientId } }) => ({ tenantId, pushId, recipientIndex, clientId }));
  }
}
