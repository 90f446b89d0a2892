import { randomBytes, randomUUID } from 'node:crypto';
import { toWapPushSegments, encodeWspPush } from '@waken/bearer-wsp';
import { SipEndpoint } from '@waken/bearer-sip-transport';
import type { SirDocument, SirRequestedV1 } from '@waken/contracts';
import { composeSir, encodeSia, encodeSirJson, ipv4ContactPoint, placeIdentity, SIA_MEDIA_TYPE, SIR_JSON_MEDIA_TYPE } from '@waken/sir-domain';
import { waitFor } from '@waken/testing';
import { startFleet, type FleetHandle, type SimDevice } from './fleet';

// The simulator on the real Kamailio: a fleet registers, SIRs reach it the way delivery-sip sends
// them, and the per-device report shows who woke (seed "the effect to demonstrate"). The size
// can be raised for a manual measurement: TERMINAL_SIM_USERS=250 (× 4 devices = 1,000).
const USERS = Number(process.env.TERMINAL_SIM_USERS ?? 50);
const DEVICES = 4;
const MASTER = randomBytes(32);
const TENANT = 'sim';
const PROXY = { transport: 'udp' as const, host: process.env.KAMAILIO_HOST ?? '127.0.0.1', port: Number(process.env.KAMAILIO_PORT ?? 15060) };
const PPG = `sip:ppg-${randomUUID().slice(0, 8)}@example.com`;

let fleet: FleetHandle;
let sender: SipEndpoint;
let ppg: SipEndpoint;
const ppgInstance = `urn:uuid:${randomUUID()}`;

function sir(mode: SirRequestedV1['mode'], user: SimDevice, target?: SimDevice, overrides: Partial<SirRequestedV1> = {}): SirDocument {
  const request: SirRequestedV1 = {
    tenantId: TENANT, pushId: `p-${randomBytes(4).toString('hex')}`, sirRequestId: randomBytes(8).toString('hex'), mode,
    publicUserIdentity: user.spec.profile.publicUserIdentity, targetClientIds: [target?.spec.id ?? user.spec.id],
    ...(target && { deviceIdentity: { kind: 'uuid' as const, value: target.spec.instanceId } }),
    activation: { bearer: 'sip', address: user.spec.profile.publicUserIdentity }, fallbacks: [], instructions: ['return-capabilities'],
    expiresAt: '2099-01-01T00:00:00Z', ...overrides,
  };
  return composeSir(request, { ppgAddress: PPG, now: new Date(), ttlMs: 120_000, nonce: () => randomBytes(8).toString('hex'), master: MASTER });
}

async function send(doc: SirDocument, requestUri: string): Promise<number> {
  const placed = placeIdentity(doc);
  const result = await sender.sendMessage({ requestUri, from: 'sip:ppg@example.com', headers: placed.headers, contentType: SIR_JSON_MEDIA_TYPE, body: encodeSirJson(placed.body) });
  return result.status;
}

const usersOf = () => fleet.devices.filter((d) => d.spec.deviceIndex === 0);
const device = (user: number, index: number) => fleet.devices[user * DEVICES + index];
const reportOf = (d: SimDevice) => d.device.report();
const total = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);
/** Every SIR a device got has had its outcome: a session, a wake-up not needed, a rejection, or a session error. */
const settled = (d: SimDevice, sirs: number) => {
  const r = reportOf(d);
  return r.sirsReceived === sirs && r.sessionsOpened + r.wakeupsNotNeeded + total(r.rejectedSirs) + total(r.sessionErrors) === sirs;
};

describe('terminal-sim fleet on Kamailio', () => {
  beforeAll(async () => {
    ppg = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: PROXY });
    ppg.onRequest((incoming) => void incoming.respond(200, 'OK', { Expires: '600', Contact: `<${ppg.contactUri('ppg')}>` }));
    await ppg.register({ aor: PPG, instanceId: ppgInstance, expires: 300 });
    sender = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: PROXY, maxInflight: 64, timers: { timeoutMs: 16_000 } });
    fleet = await startFleet({
      users: USERS, devicesPerUser: DEVICES, keys: { master: MASTER }, tenantId: TENANT, ppgAddress: PPG, proxy: PROXY,
      userPrefix: `+4${randomBytes(2).readUInt16BE() % 9000 + 1000}`, policy: 'primary', connectedRatio: 0.25, bearers: ['sip', 'sms'],
    });
    console.log(JSON.stringify({ devices: fleet.devices.length, startupMs: fleet.startupMs, ...fleet.report().resources }));
  });

  afterAll(async () => {
    if (fleet) console.log(JSON.stringify({ after: 'all SIRs', totals: { ...fleet.report().totals, rejectedSirs: undefined }, ...fleet.report().resources }));
    await fleet?.stop();
    await ppg?.unregister({ aor: PPG, instanceId: ppgInstance }).catch(() => undefined);
    await Promise.all([sender?.close(), ppg?.close()]);
  });

  it('registers every device under its user AOR with its own GRUU', () => {
    const { totals, devices } = fleet.report();
    expect(totals.registered).toBe(USERS * DEVICES);
    expect(new Set(devices.map((d) => d.gruu)).size).toBe(USERS * DEVICES);
    expect(devices.filter((d) => d.connected)).toHaveLength(USERS * DEVICES * 0.25);
  });

  it('a broadcast without identity to each AOR: the primary devices connect, the others decline by policy (seed §S9)', async () => {
    const statuses = await Promise.all(usersOf().map((u) => send(sir('broadcast', u), u.spec.profile.publicUserIdentity)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    await waitFor(() => fleet.devices.every((d) => settled(d, 1)), { what: 'every device to act on the broadcast', timeoutMs: 60_000 });
    for (const d of fleet.devices) {
      const r = reportOf(d);
      if (d.spec.connected) expect(r.wakeupsNotNeeded).toBe(1);
      else if (d.spec.deviceIndex === 0) expect(r.sessionsOpened).toBe(1);
      else expect(r.rejectedSirs).toEqual({ 'policy-security': 1 });
    }
  });

  it('a broadcast with identity naming device 1 of each user: only device 1 acts (seed §S8)', async () => {
    await Promise.all(usersOf().map((u) => send(sir('broadcast-identity', u, device(u.spec.userIndex, 1)), u.spec.profile.publicUserIdentity)));
    await waitFor(() => fleet.devices.every((d) => settled(d, 2)), { what: 'every device to act on it', timeoutMs: 60_000 });
    for (const d of fleet.devices) {
      const r = reportOf(d);
      if (d.spec.deviceIndex !== 1) expect(r.rejectedSirs['not-for-me']).toBe(1);
      else expect(r.sessionsOpened + r.wakeupsNotNeeded).toBe(1);
    }
    const { totals } = fleet.report();
    expect(totals.sessionErrors).toEqual({});
  });

  it('a forged SIR to a GRUU and a SIR over SMS reach exactly their device', async () => {
    const target = device(0, 2);
    const forged = { ...sir('targeted', target, target), signature: sir('targeted', target, target).signature };
    expect(await send(forged, fleet.report().devices[target.spec.userIndex * DEVICES + 2].gruu ?? '')).toBe(200);
    await waitFor(() => settled(target, 3), { what: 'the forged SIR' });
    expect(reportOf(target).rejectedSirs['bad-signature']).toBe(1);
    const smsTarget = device(1, 3);
    const doc = sir('targeted', smsTarget, smsTarget);
    const placed = placeIdentity(doc);
    const pdu = encodeWspPush({ tid: 1, pduType: 'push', contentType: { type: SIA_MEDIA_TYPE }, applicationId: 'x-wap-application:push.sia',
      headers: Object.entries(placed.headers).map(([name, value]) => ({ name, value })), body: encodeSia(placed.body, { contactPoints: [ipv4ContactPoint('127.0.0.1')] }) });
    const outcomes = await fleet.deliverSms(smsTarget.spec.id, toWapPushSegments(pdu, { reference: 1 }));
    expect(outcomes[outcomes.length - 1].kind).toBe(smsTarget.spec.connected ? 'declined' : 'connected');
    expect(reportOf(smsTarget).sirsByBearer.sms).toBe(1);
  });
});
