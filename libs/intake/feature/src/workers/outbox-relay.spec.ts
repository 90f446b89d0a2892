// Contract test, producer side, through the relay: the outbox rows it claims are published with
// their stored event ids and keys to the right contracts (RecordingPublisher validates), then
// marked sent in the same transaction.
import { PUSH_ACCEPTED_V1, PUSH_CANCELLED_V1, PushAcceptedV1, PushCancelledV1 } from '@waken/contracts';
import { RecordingPublisher } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { DEFAULT_INTAKE_OPTIONS } from '../intake.options';
import { OutboxRelay } from './outbox-relay';

const rows = [
  { id: '1', topic: PUSH_ACCEPTED_V1, message_key: 'sip:+43-8323546@mobilkom.at', event_id: 'e-1', payload: PushAcceptedV1.example, available_at: new Date() },
  { id: '2', topic: PUSH_CANCELLED_V1, message_key: 'sip:+43-8323546@mobilkom.at', event_id: 'e-2', payload: PushCancelledV1.example, available_at: new Date() },
];

describe('OutboxRelay', () => {
  it('publishes claimed rows with their event ids and marks them sent', async () => {
    const statements: Array<{ sql: string; params?: unknown[] }> = [];
    const m = {
      query: async (sql: string, params?: unknown[]) => {
        statements.push({ sql, params });
        return sql.trimStart().startsWith('SELECT') ? rows : [];
      },
    };
    const ds = { transaction: <T>(fn: (x: typeof m) => Promise<T>) => fn(m) };
    const publisher = new RecordingPublisher();
    const relay = new OutboxRelay(ds as never, { ...DEFAULT_INTAKE_OPTIONS, dataSource: ds as never }, publisher, createLogger('test', 'silent'));
    expect(await relay.relayOnce()).toBe(false);
    expect(publisher.of(PushAcceptedV1).map((e) => [e.eventId, e.key, e.correlationId])).toEqual([['e-1', 'sip:+43-8323546@mobilkom.at', '42@pi.example.com']]);
    expect(publisher.of(PushCancelledV1).map((e) => e.eventId)).toEqual(['e-2']);
    const update = statements.find((s) => s.sql.startsWith('UPDATE intake_outbox'));
    expect(update?.params).toEqual([['1', '2']]);
  });

  it('marks nothing when publishing fails (the transaction rolls back, rows wait)', async () => {
    const statements: string[] = [];
    const m = { query: async (sql: string) => (statements.push(sql), sql.trimStart().startsWith('SELECT') ? rows : []) };
    const ds = { transaction: <T>(fn: (x: typeof m) => Promise<T>) => fn(m) };
    const publisher = new RecordingPublisher();
    publisher.publish = () => Promise.reject(new Error('broker down'));
    const relay = new OutboxRelay(ds as never, { ...DEFAULT_INTAKE_OPTIONS, dataSource: ds as never }, publisher, createLogger('test', 'silent'));
    await expect(relay.relayOnce()).rejects.toThrow('broker down');
    expect(statements.some((s) => s.startsWith('UPDATE'))).toBe(false);
  });
});
