// The seed's embodiments 1-4 on the real system: every service its own process (docs/e2e.md), one
// user with three SDK devices per scenario, registered with Kamailio; the PI pushes over PAP (or
// the JSON API) and the suite counts SIRs on the wire, sessions, deliveries, what each device saw,
// and the result notification the PI received.
import { randomBytes } from 'node:crypto';
import { waitFor } from '@waken/testing';
import { decisionsOf, deviceNamed, E2eUser, sirIdsOf } from './support/e2e-device';
import { E2eGateway } from './support/e2e-gateway';
import { expectOutcome } from './support/push-expectation';

const APP = 'x-wap-application:waken.e2e';
const OTHER = 'x-wap-application:waken.other';
const RESULT_TIMEOUT_MS = 90_000;
const run = randomBytes(3).toString('hex');
const NONE = { sirsReceived: 0, sessionsOpened: 0, pushesReceived: 0 };
const WOKEN = { sirsReceived: 1, sessionsOpened: 1, pushesReceived: 1 };

describe('seed embodiments 1-4, every service its own process', () => {
  const gw = new E2eGateway({ name: 'multi', portBase: 26100, deviceHost: '127.0.0.11' });

  beforeAll(() => gw.start(), 300_000);
  afterAll(() => gw.stop(), 120_000);

  const papResult = (push: { id: string }, what: string) => waitFor(() => gw.pi.papResultOf(push), { timeoutMs: RESULT_TIMEOUT_MS, what: `PAP result of ${what}` });
  const pap = (label: string, user: E2eUser, extra: { deliverBefore?: Date } = {}) =>
    gw.pi.pushPap({ pushId: `${label}-${run}@pi.example.com`, publicUserIdentity: user.aor, applicationId: APP, text: `hello ${label}`, ...extra });
  const three = (apps: [string[], string[], string[]]) => ['phone', 'laptop', 'tablet'].map((name, i) => ({ name, applications: apps[i] }));

  it('E1 (seed §S3, §S7): an application only the laptop subscribes to -> 1 SIR to the laptop, 1 session, 1 push; phone and tablet untouched', async () => {
    const user = await gw.fleet.addUser('e1', 'auto', three([[OTHER], [APP], [OTHER]]));
    const push = await pap('e1', user);
    expect(await papResult(push, 'E1')).toMatchObject({ messageState: 'delivered', code: '1000', devicesWoken: 1, devicesConnected: 0 });
    const account = await expectOutcome(gw.tap, push.id, user, {
      sirsOnWire: { sip: 1 }, sessionsOpened: 1, pushesDelivered: 1, devices: { phone: NONE, laptop: WOKEN, tablet: NONE },
    });
    const laptop = deviceNamed(user, 'laptop');
    expect(account.sirsComposed.map((c) => [c.sir.mode, c.sir.deviceIdentity?.value, c.activation.address])).toEqual([['targeted', laptop.instanceId, `${user.aor};gr=${laptop.instanceId}`]]);
    expect(decisionsOf(laptop)).toEqual(['connected']);
    expect(Buffer.from(laptop.pushes[0].body).toString()).toBe('hello e1');
  });

  it('E1 over the JSON API (seed §S7): targetDevices names the tablet -> 1 SIR, 1 session, 1 push; the webhook says delivered', async () => {
    const user = await gw.fleet.addUser('e1j', 'auto', three([[APP], [APP], [APP]]));
    const tablet = deviceNamed(user, 'tablet');
    const push = await gw.pi.pushJson({
      pushId: `e1j-${run}`, recipients: [user.aor], targetDevices: [{ kind: 'uuid', value: tablet.instanceId }],
      content: { contentType: 'text/plain', applicationId: APP, body: 'hello tablet' },
    });
    const hook = await waitFor(() => gw.pi.notificationsOf(push)[0], { timeoutMs: RESULT_TIMEOUT_MS, what: 'the webhook' });
    expect(JSON.parse(hook.body)).toMatchObject({ type: 'push.outcome', pushId: `e1j-${run}`, state: 'delivered', wake: { devicesWoken: 1, devicesConnected: 0 } });
    const account = await expectOutcome(gw.tap, push.id, user, {
      sirsOnWire: { sip: 1 }, sessionsOpened: 1, pushesDelivered: 1, devices: { phone: NONE, laptop: NONE, tablet: WOKEN },
    });
    expect(account.sirsComposed.map((c) => c.sir.deviceIdentity?.value)).toEqual([tablet.instanceId]);
  });

  it('E2 (seed §S7, steps 204/206): phone and tablet targeted -> 2 SIRs, one each, 2 sessions, 2 pushes; the laptop nothing', async () => {
    const user = await gw.fleet.addUser('e2', 'targeted', three([[APP], [OTHER], [APP]]));
    const push = await pap('e2', user);
    expect(await papResult(push, 'E2')).toMatchObject({ messageState: 'delivered', code: '1000', devicesWoken: 2, devicesConnected: 0 });
    const account = await expectOutcome(gw.tap, push.id, user, {
      sirsOnWire: { sip: 2 }, sessionsOpened: 2, pushesDelivered: 2, devices: { phone: WOKEN, laptop: NONE, tablet: WOKEN },
    });
    const named = account.sirsComposed.map((c) => [c.sir.mode, c.sir.deviceIdentity?.value]).sort();
    expect(named).toEqual(['phone', 'tablet'].map((n) => ['targeted', deviceNamed(user, n).instanceId]).sort());
    expect(account.delivered.map((d) => d.wake)).toEqual(['sir', 'sir']);
  });

  it('E3 (seed §S9): policy broadcast -> one SIR to the AOR, all three receive it; two accept, the one that declines opens nothing', async () => {
    const specs = three([[APP], [APP], [APP]]).map((s) => (s.name === 'laptop' ? { ...s, policy: { preferences: { wakeOnBroadcast: false } } } : s));
    const user = await gw.fleet.addUser('e3', 'broadcast', specs);
    // seed §S9: the user has the push once a deciding client took it; the declining one stays asleep
    const push = await pap('e3', user, {});
    const account = await expectOutcome(gw.tap, push.id, user, {
      sirsOnWire: { sip: 1 }, sessionsOpened: 2, pushesDelivered: 2,
      devices: { phone: WOKEN, laptop: { sirsReceived: 1, sessionsOpened: 0, pushesReceived: 0 }, tablet: WOKEN },
    });
    expect(account.sirsComposed.map((c) => [c.sir.mode, c.sir.deviceIdentity, c.activation.address])).toEqual([['broadcast', undefined, user.aor]]);
    expect(user.devices.map(decisionsOf)).toEqual([['connected'], ['policy-preferences'], ['connected']]);
    expect(user.devices.map(sirIdsOf)).toEqual(user.devices.map(() => [account.sirsComposed[0].sir.sirId]));
    const result = await papResult(push, 'E3');
    expect(result).toMatchObject({ messageState: 'delivered', code: '1000', devicesConnected: 0 });
    // final at the first acknowledgement; the second accepting device may be counted in the same batch
    expect([1, 2]).toContain(result.devicesWoken);
  });

  it('E4 (seed §S8, §S10): broadcast-identity, tablet already connected -> the SIR names the phone, all three receive it, only the phone connects; the tablet gets its push directly', async () => {
    const user = await gw.fleet.addUser('e4', 'broadcast-identity', three([[APP], [OTHER], [APP]]));
    const [phone, , tablet] = user.devices;
    await tablet.device.connect(gw.settings.ppgAor);
    await waitFor(async () => (await gw.registry.presence(user.aor, tablet.clientId)).connected, { timeoutMs: 60_000, what: 'the tablet connected in the registry' });
    const push = await pap('e4', user);
    expect(await papResult(push, 'E4')).toMatchObject({ messageState: 'delivered', code: '1000', devicesWoken: 1, devicesConnected: 1 });
    const account = await expectOutcome(gw.tap, push.id, user, {
      sirsOnWire: { sip: 1 }, sessionsOpened: 1, pushesDelivered: 2,
      devices: { phone: WOKEN, laptop: { sirsReceived: 1, sessionsOpened: 0, pushesReceived: 0 }, tablet: { sirsReceived: 1, sessionsOpened: 1, pushesReceived: 1 } },
    });
    expect(account.sirsComposed.map((c) => [c.sir.mode, c.sir.deviceIdentity?.value, c.activation.address])).toEqual([['broadcast-identity', phone.instanceId, user.aor]]);
    expect(account.sirsComposed[0].targetClientIds).toEqual([phone.clientId]);
    expect(account.delivered.map((d) => [d.clientId, d.wake]).sort()).toEqual([[phone.clientId, 'sir'], [tablet.clientId, 'connected']].sort());
    // the one SIR reached all three (forked to the AOR) and named the phone on each of them
    expect(user.devices.map(sirIdsOf)).toEqual(user.devices.map(() => [account.sirsComposed[0].sir.sirId]));
    expect(user.devices.flatMap((d) => d.outcomes.map((o) => ('decoded' in o ? o.decoded.sir.deviceIdentity?.value : undefined)))).toEqual(user.devices.map(() => phone.instanceId));
    expect(user.devices.map(decisionsOf)).toEqual([['connected'], ['not-for-me'], ['not-for-me']]);
  });
});
