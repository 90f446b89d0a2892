import { Inject, Injectable } from '@nestjs/common';
import { PushRecord, PushRepository } from '@waken/intake-data-access';
import { claimBatch, EventEnvelope } from '@waken/platform-messaging';
import { LOGGER, Logger } from '@waken/platform-observability';
import { DataSource, EntityManager } from 'typeorm';
import { INTAKE_DATA_SOURCE } from '../intake.options';
import { Notifier } from '../workers/notifier';
import { OutcomeWriter } from './outcome-writer';
import { OutcomeEvent } from './push-outcome';

/** Which push an event is about (tenant + internal push id) and what it says. */
export interface Routed {
  readonly tenantId: string;
  readonly push: string;
  readonly event: OutcomeEvent;
}

/**
 * Maps the fresh envelopes of a batch to routed events (zero or more each); may look things up
 * or record things in the transaction, for the whole batch at once.
 */
export type Router<T> = (m: EntityManager, fresh: EventEnvelope<T>[]) => Promise<Routed[]>;

/**
 * Applies a batch of the other services' events to the pushes they are about, in one
 * transaction: inbox claim (claimBatch: a redelivered event changes nothing), then per push,
 * in id order (no deadlocks between partitions), lock, apply, save, maybe notify.
 */
@Injectable()
export class OutcomeTracker {
  private readonly pushes = new PushRepository();

  constructor(
    @Inject(INTAKE_DATA_SOURCE) private readonly ds: DataSource,
    private readonly writer: OutcomeWriter,
    private readonly notifier: Notifier,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async track<T>(consumer: string, batch: EventEnvelope<T>[], route: Router<T>): Promise<void> {
    let finals = 0;
    await this.ds.transaction(async (m) => {
      const fresh = await claimBatch(m, consumer, batch);
      const byPush = new Map<string, { tenantId: string; events: OutcomeEvent[] }>();
      for (const r of await route(m, fresh)) {
        const key = `${r.push}\u0000${r.tenantId}`;
        const entry = byPush.get(key) ?? { tenantId: r.tenantId, events: [] };
        entry.events.push(r.event);
        byPush.set(key, entry);
      }
      const locked = await this.lockAll(m, byPush);
      const items: Array<{ push: PushRecord; events: OutcomeEvent[] }> = [];
      for (const key of [...byPush.keys()].sort()) {
        const { tenantId, events } = byPush.get(key) as { tenantId: string; events: OutcomeEvent[] };
        const push = locked.get(key);
        if (push) items.push({ push, events });
        // reliability.md #32: an event whose tenant/push does not match a row of ours
        else this.logger.warn({ consumer, tenantId, pushId: key.split('\u0000')[0] }, 'outcome event for an unknown push ignored');
      }
      const states = await this.writer.applyAll(m, items);
      finals += items.filter((item, i) => item.push.finalAt === undefined && states[i] !== 'pending').length;
    });
    if (finals > 0) this.notifier.kick();
  }

  /** Every push of the batch, locked per tenant in id order (no deadlocks between partitions). */
  private async lockAll(m: EntityManager, byPush: Map<string, { tenantId: string }>): Promise<Map<string, PushRecord>> {
    const byTenant = new Map<string, string[]>();
    for (const [key, { tenantId }] of byPush) byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), key.split('\u0000')[0]]);
    const out = new Map<string, PushRecord>();
    for (const tenantId of [...byTenant.keys()].sort()) {
      for (const [id, push] of await this.pushes.lockManyById(m, tenantId, byTenant.get(tenantId) as string[])) out.set(`${id}\u0000${tenantId}`, push);
    }
    return out;
  }
}
