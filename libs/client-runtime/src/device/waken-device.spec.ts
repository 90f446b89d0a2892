import { randomBytes } from 'node:crypto';
import { encodeWspPush, toWapPushSegments } from '@waken/bearer-wsp';
import type { SirDocument } from '@waken/contracts';
import { DEVICE_VALUE_HEADER, type ClientProfile } from '@waken/client';
import {
  composeSir, deriveClientKey, deriveUserKey, encodeSia, encodeSirJson, formatHeaderValue, ipv4ContactPoint, keyIdFor, placeIdentity,
  SIA_MEDIA_TYPE, SIR_JSON_MEDIA_TYPE,
} from '@waken/sir-domain';
import { WakenDevice } from './waken-device';

// The bearers without sockets of their own: what the device decides for SMS, UDP and HTTP SIRs.
const MASTER = new Uint8Array(32).fill(4);
const USER = 'sip:+43-1@example.com';
const PPG = 'sip:ppg@example.com';
const INSTANCE = 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6';

const profile: ClientProfile = {
  tenantId: 't', clientId: 'c-phone', publicUserIdentity: USER, identities: [{ kind: 'uuid', value: INSTANCE }],
  clientKey: { keyId: keyIdFor('client', 't', 'c-phone'), key: deriveClientKey(MASTER, 't', 'c-phone') },
  userKey: { keyId: keyIdFor('user', 't', USER), key: deriveUserKey(MASTER, 't', USER) },
  trustedPpgAddresses: [PPG], info: {},
};

function sir(mode: 'targeted' | 'broadcast', identity = INSTANCE): SirDocument {
  return composeSir(
    { tenantId: 't', pushId: 'p', sirRequestId: randomBytes(6).toString('hex'), mode, publicUserIdentity: USER, targetClientIds: ['c-phone'],
      ...(mode === 'targeted' && { deviceIdentity: { kind: 'uuid' as const, value: identity } }), activation: { bearer: 'sms', address: '+431' },
      fallbacks: [], instructions: [], expiresAt: '2099-01-01T00:00:00Z' },
    { ppgAddress: PPG, now: new Date(), ttlMs: 60_000, nonce: () => randomBytes(8).toString('hex'), master: MASTER },
  );
}

function wsp(doc: SirDocument): Uint8Array {
  const placed = placeIdentity(doc);
  const headers = Object.entries(placed.headers).map(([name, value]) => ({ name, value }));
  if (placed.valueField) headers.push({ name: DEVICE_VALUE_HEADER, value: formatHeaderValue(placed.valueField) });
  const body = encodeSia(placed.body, { contactPoints: [ipv4ContactPoint('192.0.2.1')] });
  return encodeWspPush({ tid: 1, pduType: 'push', contentType: { type: SIA_MEDIA_TYPE }, applicationId: 'x-wap-application:push.sia', headers, body });
}

describe('WakenDevice on SMS, UDP and HTTP (seed §C1, §C2)', () => {
  it('acts once on a SIR arriving on two bearers: the second copy is a replay', async () => {
    const device = new WakenDevice({ profile });
    const doc = sir('targeted');
    const segments = toWapPushSegments(wsp(doc), { reference: 9 });
    const results = [];
    for (const s of segments) results.push(await device.receiveSms(s, '+43999'));
    expect(results.slice(0, -1).every((r) => r.kind === 'pending')).toBe(true);
    expect(results[results.length - 1].kind).toBe('session-failed'); // decided to connect; this device has no SIP side
    const again = await device.receiveDatagram(wsp(doc));
    expect(again).toMatchObject({ kind: 'declined', decision: { reason: 'replayed' } });
    expect(device.report()).toMatchObject({ sirsReceived: 2, sirsAccepted: 1, rejectedSirs: { replayed: 1 }, sirsByBearer: { sms: 1, udp: 1 } });
  });

  it('counts a connected device as a wake-up not needed, and undecodable input by kind', async () => {
    const device = new WakenDevice({ profile });
    device.markConnected(true);
    const json = encodeSirJson(sir('broadcast'));
    expect(await device.receiveHttp({ method: 'POST', headers: [{ name: 'Content-Type', value: SIR_JSON_MEDIA_TYPE }], body: json })).toMatchObject({
      kind: 'declined', decision: { reason: 'already-connected' },
    });
    await device.receiveDatagram(Uint8Array.of(1, 2, 3));
    await device.receiveHttp({ method: 'POST', headers: [{ name: 'Content-Type', value: 'text/plain' }], body: json });
    expect(device.report()).toMatchObject({ wakeupsNotNeeded: 1, rejectedSirs: { undecodable: 1, 'not-a-sir': 1 }, sirsReceived: 3 });
  });

  it('ignores a SIR for another device of the user', async () => {
    const device = new WakenDevice({ profile });
    const outcome = await device.receiveDatagram(wsp(sir('targeted', 'urn:uuid:00000000-0000-4000-8000-000000000001')));
    expect(outcome).toMatchObject({ kind: 'declined', decision: { reason: 'not-for-me' } });
  });
});
