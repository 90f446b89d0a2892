import fc from 'fast-check';
import { DeliveryUdpRequestedV1 } from '@waken/contracts';
import { AutoClock } from '../testing/auto-clock';
import { ScriptedAdapter, delivered, transient, undeliverable } from '../testing/scripted-adapter';
import { DeliveryAttemptLoop } from './delivery-attempt-loop';
import { TransmissionOutcome } from './delivery-request';

const origin = { key: 'k', headers: { eventId: 'e', eventType: 't', correlationId: 'c', occurredAt: '2026-11-26T10:00:00Z' } };
const retry = { maxAttempts: 4, initialBackoffMs: 100, maxBackoffMs: 1000 };
const request = (clock: AutoClock, ttlMs = 60_000): DeliveryUdpRequestedV1 => ({
  ...DeliveryUdpRequestedV1.example,
  expiresAt: new Date(clock.now() + ttlMs).toISOString(),
});

function loop(steps: ConstructorParameters<typeof ScriptedAdapter>[1], clock = new AutoClock(), signal = new AbortController().signal) {
  const adapter = new ScriptedAdapter<DeliveryUdpRequestedV1>('udp', steps);
  return { adapter, clock, loop: new DeliveryAttemptLoop(adapter, retry, clock, signal, () => 0.5) };
}

describe('DeliveryAttemptLoop', () => {
  it('reports a definitive answer of the first transmission without retrying', async () => {
    const t = loop([undeliverable('404 Not Found')]);
    const result = await t.loop.run(request(t.clock), origin);
    expect(result).toMatchObject({ outcome: 'undeliverable', attempt: 1, detail: '404 Not Found' });
    expect(t.adapter.calls).toHaveLength(1);
    expect(t.clock.sleeps).toEqual([]);
  });

  it('retries a transient failure with jittered exponential backoff, then reports the answer', async () => {
    const t = loop([transient(), transient(), delivered()]);
    const result = await t.loop.run(request(t.clock), origin);
    expect(result).toMatchObject({ outcome: 'delivered', attempt: 3 });
    expect(t.adapter.calls.map((c) => c.context.attempt)).toEqual([1, 2, 3]);
    // random 0.5 -> 75% of the cap; caps 100, 200 (reliability.md R4)
    expect(t.clock.sleeps).toEqual([75, 150]);
  });

  it('gives up after maxAttempts with outcome failed', async () => {
    const t = loop([transient('Timer F: no final response')]);
    const result = await t.loop.run(request(t.clock), origin);
    expect(result).toMatchObject({ outcome: 'failed', attempt: 4 });
    expect(result.detail).toContain('Timer F');
    expect(t.adapter.calls).toHaveLength(4);
    expect(t.clock.sleeps).toEqual([75, 150, 300]);
  });

  it('never transmits an expired request (reliability.md R5)', async () => {
    const t = loop([delivered()]);
    const result = await t.loop.run(request(t.clock, -1), origin);
    expect(result).toMatchObject({ outcome: 'expired', attempt: 1 });
    expect(result.onWireAt).toBeUndefined();
    expect(t.adapter.calls).toHaveLength(0);
  });

  it('reports expired instead of sleeping past the TTL', async () => {
    const t = loop([transient(), delivered()]);
    const result = await t.loop.run(request(t.clock, 50), origin);
    expect(result).toMatchObject({ outcome: 'expired', attempt: 1 });
    expect(result.onWireAt).toBeInstanceOf(Date);
    expect(t.adapter.calls).toHaveLength(1);
    expect(t.clock.sleeps).toEqual([]);
  });

  it('hands the TTL to the adapter as the deadline of every transmission', async () => {
    const t = loop([delivered()]);
    const r = request(t.clock);
    await t.loop.run(r, origin);
    expect(t.adapter.calls[0].context.deadline.toISOString()).toBe(new Date(r.expiresAt).toISOString());
  });

  it('counts an adapter exception as transient', async () => {
    const t = loop([new Error('EPIPE'), delivered()]);
    const result = await t.loop.run(request(t.clock), origin);
    expect(result).toMatchObject({ outcome: 'delivered', attempt: 2 });
  });

  it('stops retrying once the app drains: failed, so the fallback takes over', async () => {
    const drain = new AbortController();
    drain.abort();
    const t = loop([transient(), delivered()], new AutoClock(), drain.signal);
    const result = await t.loop.run(request(t.clock), origin);
    expect(result).toMatchObject({ outcome: 'failed', attempt: 1 });
    expect(result.detail).toContain('service stopping');
  });

  it('property: bounded attempts, nothing sent at or after the TTL, a definitive answer ends the loop', async () => {
    const outcome = fc.constantFrom<TransmissionOutcome['kind']>('delivered', 'sent', 'undeliverable', 'transient', 'expired');
    await fc.assert(
      fc.asyncProperty(fc.array(outcome, { minLength: 1, maxLength: 8 }), fc.integer({ min: -10, max: 3000 }), fc.double({ min: 0, max: 1, noNaN: true }), async (kinds, ttl, random) => {
        const clock = new AutoClock();
        const sentAt: number[] = [];
        const adapter = new ScriptedAdapter<DeliveryUdpRequestedV1>(
          'udp',
          kinds.map((kind) => async () => (sentAt.push(clock.now()), { kind, detail: kind, onWireAt: new Date(clock.now()) })),
        );
        const r = request(clock, ttl);
        const result = await new DeliveryAttemptLoop(adapter, retry, clock, new AbortController().signal, () => random).run(r, origin);
        const deadline = Date.parse(r.expiresAt);
        expect(sentAt.every((t) => t < deadline)).toBe(true);
        expect(adapter.calls.length).toBeLessThanOrEqual(retry.maxAttempts);
        const firstAnswer = kinds.findIndex((k) => k !== 'transient');
        if (firstAnswer >= 0 && adapter.calls.length > firstAnswer) expect(result.outcome).toBe(kinds[firstAnswer]);
        expect(['delivered', 'sent', 'undeliverable', 'failed', 'expired']).toContain(result.outcome);
      }),
      { numRuns: 500 },
    );
  });
});
