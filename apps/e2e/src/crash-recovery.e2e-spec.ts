// reliability.md R1 on the real system, in one wave: push-intake (API, outbox relay, outcome
// tracker, notifier), registry, sir-composer, encapsulator and delivery-sip are SIGKILLed
// together while pushes are in flight between them, then started again. Every accepted push must
// still reach its device exactly once: no push lost, no duplicate SIR accepted by a device, one
// final result notification per push (a re-sent POST carries the same X-Waken-Notification-Id).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { waitFor } from '@waken/testing';
import { countsOf, decisionsOf, E2eUser } from './support/e2e-device';
import { E2eGateway } from './support/e2e-gateway';
import { GatewayService } from './support/gateway-ports';
import { REPO_ROOT } from './support/migrate-entry';
import type { PushView } from './support/push-initiator';
import { startService } from './support/service-start';

const APP = 'x-wap-application:waken.e2e';
const USERS = 16;
/** Killed at once: every stage between the PI's 202 and the SIR on the wire, plus the PI-facing service. */
const VICTIMS: GatewayService[] = ['push-intake', 'registry', 'sir-composer', 'encapsulator', 'delivery-sip'];
/** A killed consumer's partitions move only after its Kafka session timeout (30 s), then the backlog drains. */
const RECOVERY_TIMEOUT_MS = 150_000;
const run = randomBytes(3).toString('hex');

describe('R1: five services SIGKILLed mid-flight and restarted, every service its own process', () => {
  const gw = new E2eGateway({ name: 'crash', portBase: 26300, deviceHost: '127.0.0.13' });

  beforeAll(() => gw.start(), 300_000);
  afterAll(() => gw.stop(), 120_000);

  const push = (user: E2eUser, i: number) =>
    gw.pi.pushPap({ pushId: `crash-${i}-${run}@pi.example.com`, publicUserIdentity: user.aor, applicationId: APP, text: `hello ${i}` });

  it('no accepted push is lost or delivered twice; one final notification per push', async () => {
    const users = await Promise.all(Array.from({ length: USERS }, (_, i) => gw.fleet.addUser(`c${i}`, 'auto', [{ name: 'phone' }])));
    const half = USERS / 2;

    // wave 1: accepted (202), then the pipeline dies under it
    const first = await Promise.all(users.slice(0, half).map((u, i) => push(u, i)));
    const reachedBeforeKill = users.slice(0, half).filter((u) => countsOf(u.devices[0]).pushesReceived > 0).length;
    await Promise.all(VICTIMS.map((v) => service(v).kill()));
    // the kill caught wave 1 on its way: not every push had reached its device
    expect(reachedBeforeKill).toBeLessThan(half);
    const logDir = join(REPO_ROOT, '.run', 'logs', 'e2e', gw.options.name);
    await Promise.all(VICTIMS.map((v) => startService(service(v), logDir)));

    // wave 2: on the restarted services
    const second = await Promise.all(users.slice(half).map((u, i) => push(u, half + i)));
    const pushes: PushView[] = [...first, ...second];

    // the probe's last error names the pushes still without a result when it times out
    const allResults = () => {
      const missing = pushes.filter((p) => gw.pi.papResultOf(p) === undefined).map((p) => p.pushId);
      if (missing.length > 0) throw new Error(`no result yet for ${missing.join(', ')}`);
      return true;
    };
    await waitFor(allResults, {
      timeoutMs: RECOVERY_TIMEOUT_MS,
      intervalMs: 500,
      what: 'a result notification for every push',
    });
    for (const p of pushes) {
      expect(gw.pi.papResultOf(p)).toMatchObject({ messageState: 'delivered', code: '1000' });
      // at least once over HTTP, but every POST for a push names it, with the same final answer
      const notes = gw.pi.notificationsOf(p);
      expect(new Set(notes.map((n) => n.notificationId))).toEqual(new Set([p.id]));
      expect(new Set(notes.map((n) => n.body)).size).toBe(1);
    }
    // a device reports its decision only once its session is up, which may be after its push came
    await waitFor(() => users.every(({ devices: [phone] }) => phone.outcomes.length >= countsOf(phone).sirsReceived), { what: 'every SIR decided' });
    for (const user of users) {
      const [phone] = user.devices;
      // a SIR re-sent after a crash may arrive again; the device must not act on it twice
      expect(decisionsOf(phone).filter((d) => d === 'connected')).toHaveLength(1);
      expect(countsOf(phone)).toMatchObject({ sessionsOpened: 1, pushesReceived: 1 });
      expect(phone.pushes.map((n) => Buffer.from(n.body).toString())).toHaveLength(1);
    }
  });

  function service(name: GatewayService) {
    const s = gw.services.get(name);
    if (!s) throw new Error(`no ${name} process`);
    return s;
  }
});
