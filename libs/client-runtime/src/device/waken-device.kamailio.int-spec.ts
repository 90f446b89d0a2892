import { randomUUID } from 'node:crypto';
import type { SirDocument } from '@waken/contracts';
import { ApplicationRegistry, type BroadcastPolicy, type ClientProfile, type PushNotification } from '@waken/client';
import { deriveClientKey, deriveUserKey, keyIdFor } from '@waken/sir-domain';
import { waitFor } from '@waken/testing';
import { SipDeviceHub } from '../sip/sip-device-hub';
import { FakePpg } from '../testing/fake-ppg';
import { kamailioProxy } from '../testing/kamailio-env';
import { composeTestSir, TestSirSender } from '../testing/test-sirs';
import type { SirOutcome } from './waken-device-options';
import { WakenDevice } from './waken-device';

// seed §C1-C5 against the real registrar/proxy: SIRs arrive as SIP MESSAGEs routed by Kamailio
// (to a GRUU or forked to the AOR), and the woken device opens its push session through it.
const MASTER = new Uint8Array(32).fill(5);
const TENANT = 'mobilkom';
const NAMES = ['phone', 'laptop', 'desktop'] as const;
type Name = (typeof NAMES)[number];

interface Fleet {
  user: string;
  hub: SipDeviceHub;
  devices: Record<Name, WakenDevice>;
  outcomes: Record<Name, SirOutcome[]>;
  pushes: Record<Name, PushNotification[]>;
}

let ppg: FakePpg;
let sender: TestSirSender;
let fleet: Fleet;

function profile(user: string, name: Name, instance: string, ppgAddress: string): ClientProfile {
  const clientId = `c-${name}`;
  return {
    tenantId: TENANT, clientId, publicUserIdentity: user,
    identities: [{ kind: 'uuid', value: instance }],
    clientKey: { keyId: keyIdFor('client', TENANT, clientId), key: deriveClientKey(MASTER, TENANT, clientId) },
    userKey: { keyId: keyIdFor('user', TENANT, user), key: deriveUserKey(MASTER, TENANT, user) },
    trustedPpgAddresses: [ppgAddress],
    info: { capabilities: { device: name }, preferences: { lang: 'de' } },
  };
}

const POLICIES: Record<Name, BroadcastPolicy> = {
  phone: {},
  laptop: { preferences: { wakeOnBroadcast: false } },
  desktop: { askUser: async () => true },
};

async function openFleet(): Promise<Fleet> {
  const user = `sip:+43-8323546-${randomUUID().slice(0, 8)}@example.com`;
  const hub = await SipDeviceHub.open({ host: '127.0.0.2', proxy: kamailioProxy(), timers: { timeoutMs: 8000 } });
  const outcomes = { phone: [], laptop: [], desktop: [] } as Record<Name, SirOutcome[]>;
  const pushes = { phone: [], laptop: [], desktop: [] } as Record<Name, PushNotification[]>;
  const devices = {} as Record<Name, WakenDevice>;
  for (const name of NAMES) {
    const instanceId = `urn:uuid:${randomUUID()}`;
    const applications = new ApplicationRegistry();
    applications.setDefaultHandler({ onPush: (p) => void pushes[name].push(p) });
    devices[name] = new WakenDevice({
      profile: profile(user, name, instanceId, ppg.aor), sip: { hub, contactUser: name, instanceId, registerExpires: 300 },
      policy: POLICIES[name], applications, onOutcome: (o) => outcomes[name].push(o), sessionExpires: 2,
    });
    await devices[name].start();
  }
  return { user, hub, devices, outcomes, pushes };
}

const sir = (mode: SirDocument['mode'], target: Name | undefined, extra: Partial<Parameters<typeof composeTestSir>[0]> = {}) =>
  composeTestSir({
    master: MASTER, tenantId: TENANT, publicUserIdentity: fleet.user, mode, ppgAddress: ppg.aor,
    ...(target && { clientId: `c-${target}`, deviceIdentity: { kind: 'gruu' as const, value: fleet.devices[target].registration?.pubGruu ?? '' } }),
    ...extra,
  });

const gruu = (name: Name) => fleet.devices[name].registration?.pubGruu ?? '';
const reasons = (name: Name) => fleet.outcomes[name].map((o) => (o.kind === 'declined' ? o.decision.reason : o.kind));
const subscribesFrom = (name: Name) => ppg.subscribes.filter((s) => s.request.headers.some((h) => h.value === `${TENANT} c-${name}`) && s.request.headers.some((h) => h.name === 'From' && h.value.includes(fleet.user)));

describe('WakenDevice through Kamailio (seed §C1-C5)', () => {
  beforeAll(async () => {
    ppg = await FakePpg.open(`sip:ppg-${randomUUID().slice(0, 8)}@example.com`, MASTER);
    sender = await TestSirSender.open();
  });
  afterAll(async () => Promise.all([ppg?.close(), sender?.close()]));
  beforeEach(async () => {
    fleet = await openFleet();
  });
  afterEach(async () => {
    await Promise.all(Object.values(fleet.devices).map((d) => d.stop()));
    await fleet.hub.close();
  });

  it('registers each device with its own pub-gruu under the shared AOR (RFC 5627)', () => {
    const gruus = NAMES.map(gruu);
    expect(new Set(gruus).size).toBe(3);
    gruus.forEach((g) => expect(g).toMatch(new RegExp(`^${fleet.user.replace(/[+.]/g, '\\$&')};gr=urn:uuid:`)));
  });

  it('a targeted SIR wakes the one device, which connects, answers the instruction and takes its push once (seed §S7, §C3, §C4)', async () => {
    const doc = sir('targeted', 'phone', { instructions: ['return-capabilities', 'return-preferences'] });
    expect((await sender.send(doc, gruu('phone'))).status).toBe(200);
    await waitFor(() => fleet.outcomes.phone.length === 1, { what: 'the phone to act' });
    expect(fleet.outcomes.phone[0].kind).toBe('connected');
    expect(fleet.outcomes.laptop).toHaveLength(0);
    const [subscribe] = subscribesFrom('phone');
    expect(subscribe).toMatchObject({ authValid: true, inDialog: false, body: { capabilities: { device: 'phone' }, preferences: { lang: 'de' } } });
    expect(subscribe.request.headers).toContainEqual({ name: 'X-Waken-Sir', value: doc.sirId });
    const callId = subscribe.request.headers.find((h) => h.name === 'Call-ID')?.value ?? '';
    const push = { pushId: '42@pi', recipientIndex: 0, contentType: 'text/plain', body: new TextEncoder().encode('hi') };
    expect(await ppg.notify(callId, push)).toBe(200);
    expect(await ppg.notify(callId, push)).toBe(200); // redelivered after a PPG crash: acknowledged, not handed again
    expect(fleet.pushes.phone.map((p) => p.pushId)).toEqual(['42@pi']);
    expect(fleet.devices.phone.report()).toMatchObject({ sessionsOpened: 1, pushesReceived: 1, duplicatePushes: 1 });
    await fleet.devices.phone.disconnect();
    await waitFor(() => subscribesFrom('phone').some((s) => s.inDialog && s.expires === 0), { what: 'the ending SUBSCRIBE' });
  });

  it('refreshes its session inside the dialog, straight to the PPG contact, before it expires (RFC 6665 §4.1.2.2)', async () => {
    await sender.send(sir('targeted', 'desktop'), gruu('desktop'));
    await waitFor(() => subscribesFrom('desktop').some((s) => s.inDialog && s.expires === 2), { what: 'a refresh', timeoutMs: 5000 });
    const refresh = subscribesFrom('desktop').find((s) => s.inDialog);
    expect(refresh?.authValid).toBe(true);
    expect(fleet.devices.desktop.connected).toBe(true);
  });

  it('an already connected device does not connect again: the wake-up was not needed (seed §S10)', async () => {
    await sender.send(sir('targeted', 'phone'), gruu('phone'));
    await waitFor(() => fleet.outcomes.phone.length === 1);
    await sender.send(sir('targeted', 'phone'), gruu('phone'));
    await waitFor(() => fleet.outcomes.phone.length === 2);
    expect(reasons('phone')).toEqual(['connected', 'already-connected']);
    expect(fleet.devices.phone.report()).toMatchObject({ sessionsOpened: 1, wakeupsNotNeeded: 1 });
    expect(subscribesFrom('phone').filter((s) => !s.inDialog)).toHaveLength(1);
  });

  it('a broadcast with identity reaches all three; exactly the named one connects (seed §S8)', async () => {
    expect((await sender.send(sir('broadcast-identity', 'laptop'), fleet.user)).status).toBe(200);
    await waitFor(() => NAMES.every((n) => fleet.outcomes[n].length === 1), { what: 'all three to decide' });
    expect(NAMES.map(reasons)).toEqual([['not-for-me'], ['connected'], ['not-for-me']]);
    expect(NAMES.map((n) => subscribesFrom(n).length)).toEqual([0, 1, 0]);
  });

  it('a broadcast without identity: each device follows its own policy; a decliner returns its rejection (seed §S9, §C4)', async () => {
    const doc = sir('broadcast', undefined, { instructions: ['return-capabilities', 'return-rejection'] });
    await sender.send(doc, fleet.user, 'sia');
    await waitFor(() => NAMES.every((n) => fleet.outcomes[n].length === 1), { what: 'all three to decide' });
    expect(NAMES.map(reasons)).toEqual([['connected'], ['policy-preferences'], ['connected']]);
    await waitFor(() => subscribesFrom('laptop').length === 1, { what: 'the rejection' });
    expect(subscribesFrom('laptop')[0]).toMatchObject({ expires: 0, authValid: true, body: { rejection: 'policy-preferences' } });
    expect(fleet.devices.laptop.report().rejectionsSent).toBe(1);
  });

  it('forged, expired, replayed and wrongly addressed SIRs open no session (reliability.md S4)', async () => {
    const valid = sir('targeted', 'phone');
    await sender.send(valid, gruu('phone'));
    await waitFor(() => fleet.outcomes.phone.length === 1);
    await fleet.devices.phone.disconnect();
    const forged = { ...sir('targeted', 'phone'), signature: valid.signature };
    const expired = sir('targeted', 'phone', { now: new Date(Date.now() - 3_600_000) });
    const untrusted = sir('targeted', 'phone', { ppgAddress: 'sip:ppg@attacker.example' });
    const otherDevice = sir('targeted', 'laptop');
    for (const doc of [forged, expired, valid, untrusted]) await sender.send(doc, gruu('phone'));
    await sender.send(otherDevice, gruu('phone')); // the right GRUU on the wire, another device's identity inside
    await waitFor(() => fleet.outcomes.phone.length === 6, { what: 'six decisions' });
    expect(reasons('phone')).toEqual(['connected', 'bad-signature', 'expired', 'replayed', 'untrusted-ppg', 'not-for-me']);
    expect(subscribesFrom('phone').filter((s) => !s.inDialog)).toHaveLength(1);
  });
});
