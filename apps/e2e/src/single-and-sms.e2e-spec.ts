// A user with one device (seed §S4), an SMS-only device (seed §S6: the SIR as WAP push SMS over
// SMPP) and the SIP → SMS fallback (docs/bearers.md §6), on the real system: every service its own
// process (docs/e2e.md), Kamailio, and an SMSC (npm smpp) that hands the segments to the device.
import { randomBytes, randomInt } from 'node:crypto';
import type { SirOutcome } from '@waken/client-runtime';
import { waitFor } from '@waken/testing';
import { E2eDevice, E2eUser } from './support/e2e-device';
import { E2eGateway } from './support/e2e-gateway';
import { expectOutcome } from './support/push-expectation';
import { wireAccountOf } from './support/wire-account';

const APP = 'x-wap-application:waken.e2e';
const RESULT_TIMEOUT_MS = 90_000;
const run = randomBytes(3).toString('hex');
const WOKEN = { sirsReceived: 1, sessionsOpened: 1, pushesReceived: 1 };
/** WDP port addressing IE (TS 23.040 §9.2.3.24.4): 16-bit ports, destination 2948 (WAP push). */
const PUSH_PORT_IE = Buffer.from([0x05, 0x04, 0x0b, 0x84]);
const msisdn = () => `+43699${String(randomInt(10_000_000, 99_999_999))}`;

describe('one device, SMS-only device and SIP -> SMS fallback, every service its own process', () => {
  const gw = new E2eGateway({ name: 'single', portBase: 26200, deviceHost: '127.0.0.12' });

  beforeAll(() => gw.start(), 300_000);
  afterAll(() => gw.stop(), 120_000);

  const pushTo = async (label: string, user: E2eUser) => {
    const push = await gw.pi.pushPap({ pushId: `${label}-${run}@pi.example.com`, publicUserIdentity: user.aor, applicationId: APP, text: `hello ${label}` });
    const result = await waitFor(() => gw.pi.papResultOf(push), { timeoutMs: RESULT_TIMEOUT_MS, what: `PAP result of ${label}` });
    return { push, result };
  };
  const connectReason = (d: E2eDevice) => d.outcomes.map((o: SirOutcome) => (o.kind === 'connected' || o.kind === 'declined' ? o.decision.reason : o.kind));

  it('single device (seed §S4): mode single, no device identity -> 1 SIR, 1 session, 1 push', async () => {
    const user = await gw.fleet.addUser('solo', 'auto', [{ name: 'phone' }]);
    const { push, result } = await pushTo('solo', user);
    expect(result).toMatchObject({ messageState: 'delivered', code: '1000', devicesWoken: 1, devicesConnected: 0, wakeMode: 'single' });
    const account = await expectOutcome(gw.tap, push.id, user, { sirsOnWire: { sip: 1 }, sessionsOpened: 1, pushesDelivered: 1, devices: { phone: WOKEN } });
    const [phone] = user.devices;
    expect(account.sirsComposed.map((c) => [c.sir.mode, c.sir.deviceIdentity, c.activation.address])).toEqual([['single', undefined, `${user.aor};gr=${phone.instanceId}`]]);
    // a SIR naming no device, signed with its own client key (docs/client-sdk.md)
    expect(connectReason(phone)).toEqual(['own-key']);
  });

  it('SMS-only device (seed §S6): the SIR goes over SMPP as WAP push segments; the device decodes it and connects', async () => {
    const number = msisdn();
    const user = await gw.fleet.addUser('sms', 'auto', [{ name: 'handset', reach: { kind: 'sms', msisdn: number } }]);
    const { push, result } = await pushTo('sms', user);
    expect(result).toMatchObject({ messageState: 'delivered', code: '1000', devicesWoken: 1 });
    const account = await expectOutcome(gw.tap, push.id, user, { sirsOnWire: { sms: 1 }, sessionsOpened: 1, pushesDelivered: 1, devices: { handset: WOKEN } });
    expect(account.sirsComposed.map((c) => [c.sir.mode, c.activation])).toEqual([['single', { bearer: 'sms', address: number }]]);
    const segments = gw.smsc.submitsTo(number);
    expect(segments.length).toBeGreaterThanOrEqual(1);
    for (const s of segments) {
      expect([s.esmClass & 0x40, s.dataCoding]).toEqual([0x40, 4]); // UDHI set, 8-bit binary
      expect(Buffer.from(s.userData.subarray(1, 1 + s.userData[0])).includes(PUSH_PORT_IE)).toBe(true);
    }
    expect(user.devices[0].device.report().sirsByBearer).toEqual({ sms: 1 });
    // every segment's receipt said DELIVRD: delivery-sms reports the SIR delivered
    await waitFor(() => wireAccountOf(gw.tap, push.id).sirReports.some((r) => r.bearer === 'sms' && r.outcome === 'delivered'), { timeoutMs: 60_000, what: 'the SMS receipt report' });
  });

  it('SIP -> SMS fallback (docs/bearers.md §6): the GRUU is not registered (404), the same SIR is retried on SMS and the device connects', async () => {
    const number = msisdn();
    const user = await gw.fleet.addUser('fallback', 'auto', [{ name: 'handset', reach: { kind: 'dead-gruu-then-sms', msisdn: number } }]);
    const { push, result } = await pushTo('fallback', user);
    expect(result).toMatchObject({ messageState: 'delivered', code: '1000', devicesWoken: 1 });
    const account = await expectOutcome(gw.tap, push.id, user, { sirsOnWire: { sms: 1 }, sessionsOpened: 1, pushesDelivered: 1, devices: { handset: WOKEN } });
    expect(account.sirsComposed).toHaveLength(1);
    expect(account.sirsComposed[0].fallbacks).toEqual([{ bearer: 'sms', address: number }]);
    const sip = account.sirReports.filter((r) => r.bearer === 'sip');
    expect(sip.map((r) => [r.outcome, r.final ?? false])).toEqual([['undeliverable', false]]);
    expect(sip[0].detail).toMatch(/^(404|480)\b/);
    const sms = account.sirReports.filter((r) => r.bearer === 'sms' && r.outcome === 'sent');
    expect(sms.map((r) => r.sirId)).toEqual([sip[0].sirId]);
    expect(gw.smsc.submitsTo(number).length).toBeGreaterThanOrEqual(1);
    expect(user.devices[0].device.report().sirsByBearer).toEqual({ sms: 1 });
  });
});
