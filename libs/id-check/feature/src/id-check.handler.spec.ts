// Contract test, consumer side: the contract's example of the consumed event goes through the
// handler; producer side: everything the handler publishes validates against its contract.
import { PushPendingV1, PushPlannedV1, PushResolvedV1, SirRequestedV1, EventDefinition } from '@waken/contracts';
import { EventEnvelope, RecordingPublisher } from '@waken/platform-messaging';
import { IdCheckHandler } from './id-check.handler';

const envelope = <T>(payload: T): EventEnvelope<T> => ({
  topic: 'x',
  partition: 0,
  offset: '0',
  key: 'sip:+43-8323546@mobilkom.at',
  headers: { eventId: 'ev-1', eventType: 'PushResolvedV1', correlationId: 'push-42', occurredAt: new Date().toISOString() },
  payload,
});

describe('IdCheckHandler (contract test)', () => {
  it('turns the PushResolvedV1 example into valid SirRequested, PushPending and PushPlanned events', async () => {
    const publisher = new RecordingPublisher();
    const handler = new IdCheckHandler(publisher, { sirTtlMs: 60000, instructions: ['return-capabilities'] });
    const example = { ...PushResolvedV1.example, deliverBefore: new Date(Date.now() + 3600000).toISOString() };
    await handler.onResolved([envelope(example)]);
    const byDef = (d: EventDefinition) => publisher.published.filter((p) => p.def === d);
    expect(byDef(SirRequestedV1)).toHaveLength(1);
    expect(byDef(PushPendingV1)).toHaveLength(1);
    expect(byDef(PushPlannedV1)).toHaveLength(1);
    for (const { def, event } of publisher.published) {
      expect(def.problems(event.payload)).toEqual([]);
      expect(event.key).toBe('sip:+43-8323546@mobilkom.at');
      expect(event.causation?.headers.eventId).toBe('ev-1');
    }
    const again = new RecordingPublisher();
    await new IdCheckHandler(again, { sirTtlMs: 60000, instructions: [] }).onResolved([envelope(example)]);
    expect(again.published.map((p) => p.event.eventId)).toEqual(publisher.published.map((p) => p.event.eventId));
  });
});
