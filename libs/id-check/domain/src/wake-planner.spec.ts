import { PushPendingV1, PushPlannedV1, SirRequestedV1 } from '@waken/contracts';
import { planWakeups } from './wake-planner';
import { WakePlan } from './wake-plan';
import { AOR, NOW, aorOnly, gruuOf, msisdnOf, resolvedFor, snapshot, uuidOf } from './testing/resolved.fixture';

const TTL = 5 * 60_000;
const EXPIRES = '2026-11-26T10:05:00.000Z';
const phone = snapshot('phone');
const laptop = snapshot('laptop');
const desktop = snapshot('desktop');
const three = [phone, laptop, desktop];

/** The producer side of the contract test: everything planned validates (STYLE.md, Contracts). */
function plan(resolved: Parameters<typeof planWakeups>[0], instructions?: Parameters<typeof planWakeups>[1]['instructions']): WakePlan {
  const result = planWakeups(resolved, { now: NOW, sirTtlMs: TTL, instructions });
  for (const sir of result.sirRequests) expect(SirRequestedV1.problems(sir)).toEqual([]);
  for (const pending of result.pending) expect(PushPendingV1.problems(pending)).toEqual([]);
  expect(PushPlannedV1.problems(result.plan)).toEqual([]);
  expect(result.plan.sirCount).toBe(result.sirRequests.length);
  return result;
}

describe('planWakeups: the seed embodiments (seed S4, S7-S10)', () => {
  it('E1: one of three clients targeted → one SIR, for it, carrying its identity, to its GRUU (S7, claims 1, 9)', () => {
    const { sirRequests, pending, plan: p } = plan(resolvedFor(three, ['c-phone']));
    expect(sirRequests).toEqual([
      {
        tenantId: 'mobilkom',
        pushId: '42@pi.example.com',
        sirRequestId: '42@pi.example.com#0/c-phone',
        mode: 'targeted',
        publicUserIdentity: AOR,
        targetClientIds: ['c-phone'],
        deviceIdentity: { kind: 'gruu', value: gruuOf('phone') },
        activation: { bearer: 'sip', address: gruuOf('phone') },
        fallbacks: [{ bearer: 'sms', address: msisdnOf('phone') }],
        applicationId: 'x-wap-application:wml.ua',
        instructions: [],
        expiresAt: EXPIRES,
      },
    ]);
    expect(pending).toEqual([
      {
        tenantId: 'mobilkom',
        pushId: '42@pi.example.com',
        recipientIndex: 0,
        clientId: 'c-phone',
        publicUserIdentity: AOR,
        wake: 'sir',
        content: resolvedFor([], []).content,
        deliverBefore: '2030-01-01T00:00:00Z',
      },
    ]);
    expect(p).toEqual({
      tenantId: 'mobilkom',
      pushId: '42@pi.example.com',
      recipientIndex: 0,
      publicUserIdentity: AOR,
      targetClientIds: ['c-phone'],
      sirCount: 1,
      directCount: 0,
      wakeMode: 'targeted',
    });
  });

  it('E2: two of three clients → two SIRs, one each; the third gets nothing (S7, steps 204/206)', () => {
    const { sirRequests, pending, plan: p } = plan(resolvedFor(three, ['c-phone', 'c-laptop']));
    expect(sirRequests).toHaveLength(2);
    expect(sirRequests.map((s) => [s.sirRequestId, s.targetClientIds, s.deviceIdentity?.value, s.activation.address])).toEqual([
      ['42@pi.example.com#0/c-phone', ['c-phone'], gruuOf('phone'), gruuOf('phone')],
      ['42@pi.example.com#0/c-laptop', ['c-laptop'], gruuOf('laptop'), gruuOf('laptop')],
    ]);
    expect(sirRequests.every((s) => s.mode === 'targeted')).toBe(true);
    expect(pending.map((x) => [x.clientId, x.wake])).toEqual([['c-phone', 'sir'], ['c-laptop', 'sir']]);
    const everything = JSON.stringify({ sirRequests, pending, p });
    expect(everything).not.toContain('c-desktop');
    expect(everything).not.toContain(uuidOf('desktop'));
    expect(p).toMatchObject({ targetClientIds: ['c-phone', 'c-laptop'], sirCount: 2, directCount: 0 });
  });

  it('E3: broadcast policy → ONE SIR to the AOR naming only the public identity (S9)', () => {
    const { sirRequests, pending, plan: p } = plan(resolvedFor(three, ['c-phone', 'c-laptop'], { policy: 'broadcast' }));
    expect(sirRequests).toHaveLength(1);
    expect(sirRequests[0]).toMatchObject({
      sirRequestId: '42@pi.example.com#0/*',
      mode: 'broadcast',
      publicUserIdentity: AOR,
      targetClientIds: ['c-phone', 'c-laptop'],
      activation: { bearer: 'sip', address: AOR },
      fallbacks: [],
    });
    expect(sirRequests[0].deviceIdentity).toBeUndefined();
    expect(pending.map((x) => [x.clientId, x.wake])).toEqual([['c-phone', 'sir'], ['c-laptop', 'sir']]);
    expect(p).toMatchObject({ sirCount: 1, directCount: 0, targetClientIds: ['c-phone', 'c-laptop'] });
  });

  it('E4: broadcast-identity with the third client connected → SIRs to the AOR carry each target identity; the connected one gets the push directly (S8, S10)', () => {
    const connectedDesktop = { ...desktop, connected: true, sessionId: 's-9' };
    const { sirRequests, pending, plan: p } = plan(
      resolvedFor([phone, laptop, connectedDesktop], ['c-phone', 'c-laptop', 'c-desktop'], { policy: 'broadcast-identity' }),
    );
    expect(sirRequests.map((s) => [s.mode, s.targetClientIds, s.activation, s.deviceIdentity])).toEqual([
      ['broadcast-identity', ['c-phone'], { bearer: 'sip', address: AOR }, { kind: 'gruu', value: gruuOf('phone') }],
      ['broadcast-identity', ['c-laptop'], { bearer: 'sip', address: AOR }, { kind: 'gruu', value: gruuOf('laptop') }],
    ]);
    expect(sirRequests[0].fallbacks).toEqual(phone.activationMethods);
    expect(sirRequests.flatMap((s) => s.targetClientIds)).not.toContain('c-desktop');
    expect(pending.map((x) => [x.clientId, x.wake])).toEqual([['c-phone', 'sir'], ['c-laptop', 'sir'], ['c-desktop', 'connected']]);
    expect(p).toMatchObject({ targetClientIds: ['c-phone', 'c-laptop', 'c-desktop'], sirCount: 2, directCount: 1 });
  });
});

describe('planWakeups: the plan names the wake mode for the PAP wake report', () => {
  it.each([
    ['targeted', resolvedFor(three, ['c-phone']), 'targeted'],
    ['broadcast', resolvedFor(three, ['c-phone', 'c-laptop'], { policy: 'broadcast' }), 'broadcast'],
    ['broadcast-identity', resolvedFor(three, ['c-phone'], { policy: 'broadcast-identity' }), 'broadcast-identity'],
    ['single client', resolvedFor([phone], ['c-phone']), 'single'],
    ['already connected', resolvedFor([{ ...phone, connected: true }], ['c-phone']), 'connected'],
  ] as const)('%s', (_name, resolved, mode) => {
    expect(plan(resolved).plan.wakeMode).toBe(mode);
  });
});

describe('planWakeups: ID check and routing rules (seed S4, S7, S8)', () => {
  it('a user with a single client gets the prior-art SIR: mode single, no device identity (S4, claims 4-5)', () => {
    const { sirRequests, pending, plan: p } = plan(resolvedFor([phone], ['c-phone'], { policy: 'broadcast-identity' }));
    expect(sirRequests).toHaveLength(1);
    expect(sirRequests[0]).toMatchObject({
      mode: 'single',
      sirRequestId: '42@pi.example.com#0/c-phone',
      targetClientIds: ['c-phone'],
      activation: phone.activationMethods[0],
      fallbacks: [phone.activationMethods[1]],
    });
    expect(sirRequests[0].deviceIdentity).toBeUndefined();
    expect(pending).toHaveLength(1);
    expect(p.sirCount).toBe(1);
  });

  it('a single client that is already connected needs no SIR at all (S10)', () => {
    const { sirRequests, pending, plan: p } = plan(resolvedFor([{ ...phone, connected: true }], ['c-phone']));
    expect(sirRequests).toEqual([]);
    expect(pending.map((x) => x.wake)).toEqual(['connected']);
    expect(p).toMatchObject({ sirCount: 0, directCount: 1, targetClientIds: ['c-phone'] });
  });

  it('an SMS-only device is targeted at its MSISDN, carrying its UUID', () => {
    const smsOnly = snapshot('phone', { activationMethods: [{ bearer: 'sms', address: '+436641234567' }] });
    const { sirRequests } = plan(resolvedFor([smsOnly, laptop], ['c-phone'], { policy: 'auto' }));
    expect(sirRequests).toHaveLength(1);
    expect(sirRequests[0]).toMatchObject({
      mode: 'targeted',
      activation: { bearer: 'sms', address: '+436641234567' },
      deviceIdentity: { kind: 'uuid', value: uuidOf('phone') },
      fallbacks: [],
    });
  });

  it('targeted: a target whose SIP activation is only the AOR falls back to broadcast-identity for it alone', () => {
    const aorPhone = snapshot('phone', { activationMethods: aorOnly });
    const { sirRequests } = plan(resolvedFor([aorPhone, laptop, desktop], ['c-phone', 'c-laptop']));
    expect(sirRequests.map((s) => [s.mode, s.activation.address, s.deviceIdentity?.value])).toEqual([
      ['broadcast-identity', AOR, gruuOf('phone')],
      ['targeted', gruuOf('laptop'), gruuOf('laptop')],
    ]);
  });

  it('auto: targeted when every target has a routable address, broadcast-identity for all otherwise', () => {
    const allRoutable = plan(resolvedFor(three, ['c-phone', 'c-laptop'], { policy: 'auto' }));
    expect(allRoutable.sirRequests.map((s) => s.mode)).toEqual(['targeted', 'targeted']);
    const aorPhone = snapshot('phone', { activationMethods: aorOnly });
    const mixed = plan(resolvedFor([aorPhone, laptop, desktop], ['c-phone', 'c-laptop'], { policy: 'auto' }));
    expect(mixed.sirRequests.map((s) => [s.mode, s.activation.address])).toEqual([
      ['broadcast-identity', AOR],
      ['broadcast-identity', AOR],
    ]);
  });

  it('places a GRUU over SIP, a UUID otherwise, else the first identity the client has', () => {
    const macOnly = snapshot('phone', { deviceIdentities: [{ kind: 'mac', value: '00:1a:2b:3c:4d:5e' }], activationMethods: [{ bearer: 'udp', address: '192.0.2.10:2948' }] });
    const uuidOnly = snapshot('laptop', { deviceIdentities: [{ kind: 'imei', value: '490154203237518' }, { kind: 'uuid', value: uuidOf('laptop') }] });
    const { sirRequests } = plan(resolvedFor([macOnly, uuidOnly, desktop], ['c-phone', 'c-laptop']));
    expect(sirRequests.map((s) => s.deviceIdentity)).toEqual([
      { kind: 'mac', value: '00:1a:2b:3c:4d:5e' },
      { kind: 'uuid', value: uuidOf('laptop') },
    ]);
  });

  it('broadcast-identity for a target without identities: its own address if it has one, else a plain broadcast', () => {
    const anonymous = snapshot('phone', { deviceIdentities: [] });
    const anonymousAor = snapshot('laptop', { deviceIdentities: [], activationMethods: aorOnly });
    const { sirRequests } = plan(resolvedFor([anonymous, anonymousAor, desktop], ['c-phone', 'c-laptop'], { policy: 'broadcast-identity' }));
    expect(sirRequests.map((s) => [s.mode, s.activation.address, s.deviceIdentity])).toEqual([
      ['targeted', gruuOf('phone'), undefined],
      ['broadcast', AOR, undefined],
    ]);
  });

  it('without a SIP public identity, AOR modes fall back to each target\'s own address', () => {
    const { sirRequests } = plan(resolvedFor(three, ['c-phone', 'c-laptop'], { policy: 'broadcast', publicUserIdentity: 'tel:+438323546' }));
    expect(sirRequests.map((s) => [s.sirRequestId, s.mode, s.activation.address])).toEqual([
      ['42@pi.example.com#0/c-phone', 'broadcast', gruuOf('phone')],
      ['42@pi.example.com#0/c-laptop', 'broadcast', gruuOf('laptop')],
    ]);
  });

  it('broadcast: targets without SIP are woken on their own address, the rest share the AOR SIR', () => {
    const smsOnly = snapshot('desktop', { activationMethods: [{ bearer: 'sms', address: '+436641234567' }] });
    const { sirRequests, plan: p } = plan(resolvedFor([phone, laptop, smsOnly], ['c-phone', 'c-laptop', 'c-desktop'], { policy: 'broadcast' }));
    expect(sirRequests.map((s) => [s.sirRequestId, s.targetClientIds, s.activation.address])).toEqual([
      ['42@pi.example.com#0/*', ['c-phone', 'c-laptop'], AOR],
      ['42@pi.example.com#0/c-desktop', ['c-desktop'], '+436641234567'],
    ]);
    expect(p.sirCount).toBe(2);
  });
});

describe('planWakeups: reachability, expiry and unresolved pushes', () => {
  it('leaves a target without any activation method out of the plan and reports it', () => {
    const mute = snapshot('laptop', { activationMethods: [] });
    const result = plan(resolvedFor([phone, mute, desktop], ['c-phone', 'c-laptop']));
    expect(result.sirRequests.map((s) => s.targetClientIds)).toEqual([['c-phone']]);
    expect(result.pending.map((x) => x.clientId)).toEqual(['c-phone']);
    expect(result.plan.targetClientIds).toEqual(['c-phone']);
    expect(result.plan.unresolvedReason).toBeUndefined();
    expect(result.unreachableClientIds).toEqual(['c-laptop']);
  });

  it('reports no-activation-method when no target can be reached, and sends nothing', () => {
    const mute = snapshot('laptop', { activationMethods: [] });
    const result = plan(resolvedFor([phone, mute], ['c-laptop', 'c-ghost'], { policy: 'broadcast' }));
    expect(result.sirRequests).toEqual([]);
    expect(result.pending).toEqual([]);
    expect(result.plan).toMatchObject({ targetClientIds: [], sirCount: 0, directCount: 0, unresolvedReason: 'no-activation-method' });
    expect(result.unreachableClientIds).toEqual(['c-laptop', 'c-ghost']);
  });

  it('passes an unresolved push through with nothing else', () => {
    const result = plan(resolvedFor([], [], { unresolvedReason: 'unknown-user' }));
    expect(result).toEqual({ sirRequests: [], pending: [], unreachableClientIds: [], plan: expect.objectContaining({ unresolvedReason: 'unknown-user', sirCount: 0 }) });
    expect(plan(resolvedFor(three, [])).plan.unresolvedReason).toBe('no-eligible-client');
  });

  it('expires a SIR at min(deliverBefore, now + TTL)', () => {
    expect(plan(resolvedFor(three, ['c-phone'])).sirRequests[0].expiresAt).toBe(EXPIRES);
    const soon = plan(resolvedFor(three, ['c-phone'], { deliverBefore: '2026-11-26T10:01:00Z' }));
    expect(soon.sirRequests[0].expiresAt).toBe('2026-11-26T10:01:00.000Z');
    const noDeadline = plan(resolvedFor(three, ['c-phone'], { deliverBefore: undefined }));
    expect(noDeadline.sirRequests[0].expiresAt).toBe(EXPIRES);
    expect(noDeadline.pending[0].deliverBefore).toBeUndefined();
  });

  it('plans a push already past its deliver-before as expired, with nothing to send (reliability.md R5)', () => {
    const late = plan(resolvedFor([{ ...phone, connected: true }, laptop], ['c-phone', 'c-laptop'], { deliverBefore: '2026-11-26T10:00:00Z' }));
    expect(late.sirRequests).toEqual([]);
    expect(late.pending).toEqual([]);
    expect(late.plan.unresolvedReason).toBe('expired');
  });

  it('passes instructions once each, and refuses a TTL that is not positive', () => {
    const result = plan(resolvedFor(three, ['c-phone']), ['return-capabilities', 'send-registration', 'return-capabilities']);
    expect(result.sirRequests[0].instructions).toEqual(['return-capabilities', 'send-registration']);
    for (const sirTtlMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => planWakeups(resolvedFor(three, ['c-phone']), { now: NOW, sirTtlMs })).toThrow(RangeError);
    }
  });

  it('derives the same ids from the same input, and digests ids longer than the contract allows', () => {
    const input = resolvedFor(three, ['c-phone', 'c-laptop']);
    expect(plan(input)).toEqual(plan(input));
    const long = plan(resolvedFor(three, ['c-phone'], { pushId: `${'p'.repeat(250)}@pi` }));
    expect(long.sirRequests[0].sirRequestId).toMatch(/^sir:sha256:[0-9a-f]{64}$/);
  });

  it('carries the accept instant of the push into every SIR request (accept → wire latency)', () => {
    const acceptedAt = '2026-11-26T09:59:59.123Z';
    const result = plan(resolvedFor(three, ['c-phone', 'c-laptop'], { policy: 'targeted', acceptedAt }));
    expect(result.sirRequests.length).toBeGreaterThan(0);
    expect(result.sirRequests.map((r) => r.acceptedAt)).toEqual(result.sirRequests.map(() => acceptedAt));
  });
});
