// Contract test, consumer side: each consumed contract's example goes through its handler and
// becomes the outcome event the tracker applies to the push it names.
import { ClientRespondedV1, DeliveryReportedV1, EventDefinition, PushDeliveredV1, PushPlannedV1, SessionOpenedV1 } from '@waken/contracts';
import { EventEnvelope } from '@waken/platform-messaging';
import type { EntityManager } from 'typeorm';
import { CapabilityHandler } from './capability.handler';
import { OutcomeHandler } from './outcome.handler';
import { OutcomeTracker, Routed, Router } from './outcome-tracker';

const envelope = <T>(def: EventDefinition, payload: T): EventEnvelope<T> => ({
  topic: def.topic,
  partition: 0,
  offset: '0',
  key: 'sip:+43-8323546@mobilkom.at',
  headers: { eventId: `ev-${def.name}`, eventType: def.name, correlationId: 'c', occurredAt: new Date().toISOString() },
  payload: def.parse(payload) as T,
});

/** Records what the handler routes; the SQL runner answers push_sir lookups with one push. */
class RoutingTracker {
  readonly routed: Array<{ consumer: string; routes: Routed[] }> = [];
  readonly sql: string[] = [];
  private readonly m = {
    query: async (sql: string) => {
      this.sql.push(sql);
      return sql.includes('FROM push_sir') ? [{ tenant_id: 'mobilkom', sir_id: 'sir-0b6a2f1c', push: 'push-of-sir' }] : [];
    },
  } as unknown as EntityManager;

  async track<T>(consumer: string, batch: EventEnvelope<T>[], route: Router<T>): Promise<void> {
    this.routed.push({ consumer, routes: await route(this.m, batch) });
  }
}

describe('OutcomeHandler (contract test, consumer side)', () => {
  const tracker = new RoutingTracker();
  const handler = new OutcomeHandler(tracker as unknown as OutcomeTracker);

  it('routes the examples of PushPlanned, DeliveryReported, PushDelivered and SessionOpened', async () => {
    await handler.onPlanned([envelope(PushPlannedV1, PushPlannedV1.example)]);
    await handler.onReported([envelope(DeliveryReportedV1, DeliveryReportedV1.example)]);
    await handler.onDelivered([envelope(PushDeliveredV1, PushDeliveredV1.example)]);
    await handler.onSessionOpened([envelope(SessionOpenedV1, SessionOpenedV1.example)]);
    const [planned, reported, delivered, opened] = tracker.routed;
    expect(planned.routes).toEqual([{ tenantId: 'mobilkom', push: '42@pi.example.com', event: { kind: 'planned', recipientIndex: 0, targets: ['c-phone'], sirCount: 1, directCount: 0, wakeMode: 'targeted' } }]);
    expect(reported.routes[0].event).toEqual({ kind: 'reported', sirId: 'sir-0b6a2f1c', requestKind: 'sir', bearer: 'sip', outcome: 'delivered', final: false, targetClientIds: ['c-phone'] });
    expect(tracker.sql.some((s) => s.includes('INSERT INTO push_sir'))).toBe(false);
    expect(delivered.routes[0].event).toEqual({ kind: 'delivered', recipientIndex: 0, clientId: 'c-phone', wake: 'sir' });
    expect(opened.routes).toEqual([{ tenantId: 'mobilkom', push: 'push-of-sir', event: { kind: 'session-opened', sirId: 'sir-0b6a2f1c' } }]);
    expect(new Set(tracker.routed.map((r) => r.consumer)).size).toBe(4);
  });

  it('feeds the ClientRespondedV1 example into the capabilities read model', async () => {
    const queries: Array<{ sql: string; params?: unknown[] }> = [];
    const m = {
      query: async (sql: string, params?: unknown[]) => {
        queries.push({ sql, params });
        return sql.includes('processed_event') ? [{ event_id: 'ev-ClientRespondedV1' }] : [];
      },
    };
    const ds = { transaction: (fn: (x: typeof m) => Promise<void>) => fn(m) };
    await new CapabilityHandler(ds as never).onResponded([envelope(ClientRespondedV1, ClientRespondedV1.example)]);
    const upsert = queries.find((q) => q.sql.includes('INSERT INTO client_capability'));
    expect(upsert?.params?.slice(0, 3)).toEqual(['mobilkom', 'sip:+43-8323546@mobilkom.at', 'c-phone']);
  });
});
