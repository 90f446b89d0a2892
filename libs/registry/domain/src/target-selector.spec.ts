import fc from 'fast-check';
import { PushResolvedV1 } from '@waken/contracts';
import { resolvePush } from './target-selector';
import { AOR, client, push, user, uuidOf } from './testing/user-profile.fixture';

const NOW = new Date('2026-11-26T10:00:00Z');
const phone = client('c-phone', 1);
const laptop = client('c-laptop', 2, { presence: { connected: true, sessionId: 's-1', since: '2026-11-26T09:00:00Z', via: 'session-0' } });
const desktop = client('c-desktop', 3);

function selected(resolved: PushResolvedV1): string[] {
  expect(PushResolvedV1.problems(resolved)).toEqual([]);
  return resolved.selectedClientIds;
}

describe('resolvePush: lookup (seed S2)', () => {
  it('snapshots every client of the identity, in clientId order, with state, identities and activation methods', () => {
    const resolved = resolvePush(push(), user([phone, laptop, desktop], { wakePolicy: 'targeted' }), NOW);
    expect(PushResolvedV1.problems(resolved)).toEqual([]);
    expect(resolved.policy).toBe('targeted');
    expect(resolved.clients.map((c) => c.clientId)).toEqual(['c-desktop', 'c-laptop', 'c-phone']);
    expect(resolved.clients[1]).toEqual({
      clientId: 'c-laptop',
      deviceIdentities: [{ kind: 'uuid', value: `urn:uuid:${uuidOf(2)}` }],
      connected: true,
      sessionId: 's-1',
      activationMethods: [{ bearer: 'sip', address: `${AOR};gr=urn:uuid:${uuidOf(2)}` }],
      acceptsContentTypes: [],
      optedOut: false,
    });
    expect(resolved).toMatchObject({ tenantId: 'mobilkom', pushId: '42@pi.example.com', recipientIndex: 0, deliverBefore: '2030-01-01T00:00:00Z' });
    // intake's accept instant travels on to the delivery request (accept → wire latency)
    expect(resolved.acceptedAt).toBe(push().acceptedAt);
    expect(resolved.unresolvedReason).toBeUndefined();
  });

  it('stores identities in canonical form in the snapshot', () => {
    const shouting = client('c-x', 9, { deviceIdentities: [{ kind: 'mac', value: '00-1A-2B-3C-4D-5E' }] });
    expect(resolvePush(push(), user([shouting]), NOW).clients[0].deviceIdentities).toEqual([{ kind: 'mac', value: '00:1a:2b:3c:4d:5e' }]);
  });

  it('resolves an unknown user, or a user of another tenant, to unknown-user', () => {
    for (const u of [undefined, user([phone], { tenantId: 'other' })]) {
      const resolved = resolvePush(push(), u, NOW);
      expect(selected(resolved)).toEqual([]);
      expect(resolved.clients).toEqual([]);
      expect(resolved.unresolvedReason).toBe('unknown-user');
    }
  });
});

describe('resolvePush: selection by named device identities (seed S3, claim 1)', () => {
  it('selects the client carrying the named identity, whatever its spelling', () => {
    const named = [{ kind: 'uuid' as const, value: uuidOf(3).toUpperCase() }];
    expect(selected(resolvePush(push({ targetDevices: named }), user([phone, laptop, desktop]), NOW))).toEqual(['c-desktop']);
  });

  it('selects every client carrying any of the named identities (embodiment 2: two of three)', () => {
    const named = [
      { kind: 'uuid' as const, value: `urn:uuid:${uuidOf(1)}` },
      { kind: 'uuid' as const, value: `urn:uuid:${uuidOf(2)}` },
    ];
    expect(selected(resolvePush(push({ targetDevices: named }), user([phone, laptop, desktop]), NOW))).toEqual(['c-laptop', 'c-phone']);
  });

  it('matches a named public GRUU against the instance UUID a client carries', () => {
    const named = [{ kind: 'gruu' as const, value: `SIP:+43-8323546@MOBILKOM.AT;gr=urn:uuid:${uuidOf(1)}` }];
    expect(selected(resolvePush(push({ targetDevices: named }), user([phone, laptop, desktop]), NOW))).toEqual(['c-phone']);
  });

  it('ignores preferences for a named device except an opt-out', () => {
    const quiet = client('c-quiet', 4, { subscriptions: [], preferences: { contentTypes: ['image/*'], applications: [], optedOut: false } });
    const out = client('c-out', 5, { preferences: { contentTypes: [], applications: [], optedOut: true } });
    const named = [4, 5].map((n) => ({ kind: 'uuid' as const, value: uuidOf(n) }));
    expect(selected(resolvePush(push({ targetDevices: named }), user([quiet, out]), NOW))).toEqual(['c-quiet']);
  });

  it('selects nobody for identities nobody carries, or invalid ones', () => {
    const named = [{ kind: 'imei' as const, value: '490154203237518' }, { kind: 'mac' as const, value: 'not-a-mac' }];
    const resolved = resolvePush(push({ targetDevices: named }), user([phone, laptop]), NOW);
    expect(selected(resolved)).toEqual([]);
    expect(resolved.unresolvedReason).toBe('no-eligible-client');
    expect(resolved.clients).toHaveLength(2);
  });
});

describe('resolvePush: selection by preferences and subscriptions (seed S3)', () => {
  const base = push({ piId: 'pi-news', content: { contentType: 'text/vnd.wap.si; charset=utf-8', applicationId: 'x-wap-application:wml.ua', bodyBase64: '' } });
  const prefs = { contentTypes: [], applications: [], optedOut: false };

  it.each([
    ['opted out', { preferences: { ...prefs, optedOut: true } }, false],
    ['not subscribed at all', { subscriptions: [] }, false],
    ['subscribed to another PI', { subscriptions: [{ piId: 'pi-sport' }] }, false],
    ['subscribed to another application of the PI', { subscriptions: [{ piId: 'pi-news', applicationId: 'x-wap-application:push.sia' }] }, false],
    ['subscribed to the application of the PI', { subscriptions: [{ piId: 'pi-news', applicationId: 'X-WAP-Application:WML.UA' }] }, true],
    ['subscribed to every application of the PI', { subscriptions: [{ piId: 'pi-news', applicationId: '*' }] }, true],
    ['accepting only images', { preferences: { ...prefs, contentTypes: ['image/*'] } }, false],
    ['accepting text/*', { preferences: { ...prefs, contentTypes: ['image/png', 'TEXT/*'] } }, true],
    ['accepting the exact type', { preferences: { ...prefs, contentTypes: ['text/vnd.wap.si'] } }, true],
    ['allowing another application only', { preferences: { ...prefs, applications: ['x-wap-application:mms.ua'] } }, false],
    ['in quiet hours', { preferences: { ...prefs, quietHours: { startMinute: 9 * 60, endMinute: 11 * 60, timeZone: 'UTC' } } }, false],
    ['outside quiet hours', { preferences: { ...prefs, quietHours: { startMinute: 11 * 60, endMinute: 9 * 60 + 59, timeZone: 'UTC' } } }, true],
    ['quiet hours in a zone where it is evening', { preferences: { ...prefs, quietHours: { startMinute: 0, endMinute: 8 * 60, timeZone: 'Asia/Tokyo' } } }, true],
    ['with unreadable quiet hours (not held back)', { preferences: { ...prefs, quietHours: { startMinute: 0, endMinute: 1439, timeZone: 'Nowhere/Land' } } }, true],
  ])('a client %s', (_name, overrides, expected) => {
    const c = client('c-1', 1, overrides);
    expect(selected(resolvePush(base, user([c]), NOW))).toEqual(expected ? ['c-1'] : []);
  });

  it('lets a high-priority push through quiet hours, but not through an opt-out', () => {
    const quiet = { startMinute: 0, endMinute: 1439, timeZone: 'UTC' };
    const sleeping = client('c-1', 1, { preferences: { ...prefs, quietHours: quiet } });
    const out = client('c-2', 2, { preferences: { ...prefs, quietHours: quiet, optedOut: true } });
    const urgent = push({ qos: { priority: 'high', deliveryMethod: 'notspecified' } });
    expect(selected(resolvePush(urgent, user([sleeping, out]), NOW))).toEqual(['c-1']);
    expect(selected(resolvePush(push(), user([sleeping, out]), NOW))).toEqual([]);
  });

  it('selects connected and unconnected clients alike: waking them is id-check\'s job', () => {
    expect(selected(resolvePush(push(), user([phone, laptop, desktop]), NOW))).toEqual(['c-desktop', 'c-laptop', 'c-phone']);
  });

  it('keeps at most 64 snapshots, selected clients first, and still validates', () => {
    const many = Array.from({ length: 70 }, (_, i) => client(`c-${String(i).padStart(2, '0')}`, i, { subscriptions: i >= 65 ? [{ piId: '*' }] : [] }));
    const resolved = resolvePush(push(), user(many), NOW);
    expect(selected(resolved)).toEqual(['c-65', 'c-66', 'c-67', 'c-68', 'c-69']);
    expect(resolved.clients).toHaveLength(64);
  });

  it('is deterministic: the client order of the profile does not change the event', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([phone, laptop, desktop, client('c-tablet', 4)], { minLength: 4, maxLength: 4 }), (clients) => {
        expect(resolvePush(push(), user(clients), NOW)).toEqual(resolvePush(push(), user([desktop, laptop, phone, client('c-tablet', 4)]), NOW));
      }),
      { numRuns: 50 },
    );
  });
});
