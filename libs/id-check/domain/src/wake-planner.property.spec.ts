import fc from 'fast-check';
import { ActivationMethod, ClientSnapshot, PushPendingV1, PushPlannedV1, PushResolvedV1, SirRequestedV1 } from '@waken/contracts';
import { planWakeups } from './wake-planner';
import { AOR, NOW, resolvedFor } from './testing/resolved.fixture';

const activation: fc.Arbitrary<ActivationMethod> = fc.oneof(
  fc.constant<ActivationMethod>({ bearer: 'sip', address: AOR }),
  fc.uuid().map((u): ActivationMethod => ({ bearer: 'sip', address: `${AOR};gr=urn:uuid:${u}` })),
  fc.stringMatching(/^\+[1-9][0-9]{7,13}$/).map((n): ActivationMethod => ({ bearer: 'sms', address: n })),
  fc.ipV4().map((ip): ActivationMethod => ({ bearer: 'udp', address: `${ip}:2948` })),
  fc.constant<ActivationMethod>({ bearer: 'http', address: 'https://device.example.com/wake' }),
);

const client = (index: number): fc.Arbitrary<ClientSnapshot> =>
  fc.record({
    clientId: fc.constant(`c-${index}`),
    deviceIdentities: fc.array(
      fc.oneof(
        fc.uuid().map((u) => ({ kind: 'uuid' as const, value: `urn:uuid:${u}` })),
        fc.uuid().map((u) => ({ kind: 'gruu' as const, value: `${AOR};gr=urn:uuid:${u}` })),
        fc.constant({ kind: 'imei' as const, value: '490154203237518' }),
      ),
      { maxLength: 3 },
    ),
    connected: fc.boolean(),
    activationMethods: fc.uniqueArray(activation, { maxLength: 4, selector: (m) => `${m.bearer} ${m.address}` }),
    acceptsContentTypes: fc.constant([]),
    optedOut: fc.constant(false),
  });

const resolved: fc.Arbitrary<PushResolvedV1> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc
    .tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => client(i))),
      fc.subarray(Array.from({ length: n }, (_, i) => `c-${i}`)),
      fc.constantFrom<PushResolvedV1['policy']>('auto', 'targeted', 'broadcast-identity', 'broadcast'),
      fc.constantFrom(AOR, 'tel:+438323546'),
    )
    .map(([clients, selected, policy, identity]) => resolvedFor(clients, selected, { policy, publicUserIdentity: identity })),
);

describe('planWakeups, properties (seed "The effect to demonstrate")', () => {
  it('emits only valid events, wakes each unconnected reachable target exactly once, and never a client that was not selected', () => {
    fc.assert(
      fc.property(resolved, (input) => {
        const result = planWakeups(input, { now: NOW, sirTtlMs: 60_000 });
        for (const sir of result.sirRequests) expect(SirRequestedV1.problems(sir)).toEqual([]);
        for (const pending of result.pending) expect(PushPendingV1.problems(pending)).toEqual([]);
        expect(PushPlannedV1.problems(result.plan)).toEqual([]);

        const byId = new Map(input.clients.map((c) => [c.clientId, c]));
        const selected = input.selectedClientIds.map((id) => byId.get(id) as ClientSnapshot);
        const asleep = selected.filter((c) => !c.connected && c.activationMethods.length > 0);
        const woken = result.sirRequests.flatMap((s) => s.targetClientIds);
        expect([...woken].sort()).toEqual(asleep.map((c) => c.clientId).sort());
        expect(result.plan.directCount).toBe(selected.filter((c) => c.connected).length);
        expect(result.plan.sirCount).toBe(result.sirRequests.length);
        expect(result.pending.length).toBe(result.plan.targetClientIds.length);
        expect(new Set(result.sirRequests.map((s) => s.sirRequestId)).size).toBe(result.sirRequests.length);
        for (const sir of result.sirRequests) {
          if (sir.mode === 'single' || sir.mode === 'broadcast') expect(sir.deviceIdentity).toBeUndefined();
          if (sir.mode === 'targeted' && sir.activation.bearer === 'sip') expect(sir.activation.address).toContain(';gr=');
        }
        // seed: K targets of N clients cost at most K SIRs (fewer with a shared broadcast).
        expect(result.sirRequests.length).toBeLessThanOrEqual(asleep.length);
      }),
      { numRuns: 1000 },
    );
  });
});
