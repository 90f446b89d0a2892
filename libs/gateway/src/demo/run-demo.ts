import { DELIVERY_REPORTED_V1, PUSH_DELIVERED_V1, SESSION_OPENED_V1 } from '@waken/contracts';
import { EmbeddedGateway } from '../embedded-gateway';
import { DemoAccount } from './demo-account';
import { startDemoFleet } from './demo-fleet';
import { provisionDemoUser } from './demo-provisioning';
import { papPushRequest, readResultNotification } from './pap-push';
import { PiNotificationSink } from './pi-notification-sink';
import { poll } from './poll';

const USER = 'sip:+43-8323546@example.com';
const DEMO_APP = 'x-wap-application:waken.demo';
const CLIENTS = [
  { name: 'phone', instanceId: 'urn:uuid:11111111-1111-4111-8111-111111111111', applicationId: 'x-wap-application:wml.ua' },
  { name: 'laptop', instanceId: 'urn:uuid:22222222-2222-4222-8222-222222222222', applicationId: DEMO_APP },
  { name: 'tablet', instanceId: 'urn:uuid:33333333-3333-4333-8333-333333333333', applicationId: 'x-wap-application:wml.ua' },
];

/**
 * The built-in demo (seed, "the effect to demonstrate"): one user with three devices; a PI pushes
 * an application only the laptop subscribes to (seed §S3), so the PPG wakes the laptop alone with
 * a SIR naming its identity (§S7); the laptop connects, receives, and the PI gets the PAP result.
 */
export async function runDemo(gateway: EmbeddedGateway, timeoutMs = 30000): Promise<DemoAccount> {
  const started = Date.now();
  const o = gateway.options;
  const sink = await PiNotificationSink.start(o.host);
  const specs = await provisionDemoUser({ registryUrl: gateway.registryUrl, adminToken: o.adminToken, publicUserIdentity: USER, clients: CLIENTS });
  const fleet = await startDemoFleet({
    host: o.host,
    proxy: { host: gateway.sipProxy.host, port: gateway.sipProxy.port },
    tenantId: o.tenant,
    publicUserIdentity: USER,
    ppgAddress: `sip:ppg@${o.domain}`,
    master: o.sirMasterKey,
    specs,
  });
  try {
    const push = papPushRequest({ pushId: `demo-${Date.now()}@pi.example.com`, publicUserIdentity: USER, notifyUrl: sink.url, applicationId: DEMO_APP, text: 'Hello laptop: you have mail' });
    const res = await fetch(`${gateway.intakeUrl}/pap`, { method: 'POST', headers: { Authorization: `Bearer ${o.piKey}`, 'Content-Type': push.contentType }, body: push.body });
    const answer = await res.text();
    if (!answer.includes('code="1001"')) throw new Error(`PAP push not accepted: ${res.status} ${answer}`);
    const notification = await poll(() => sink.received[0], 'the PAP result notification', timeoutMs);
    const count = (topic: string, match: (p: Record<string, unknown>) => boolean = () => true) =>
      gateway.broker.recordsOf(topic).filter((r) => match(JSON.parse(r.value?.toString() ?? '{}') as Record<string, unknown>)).length;
    return {
      publicUserIdentity: USER,
      devices: CLIENTS.map((c) => {
        const r = fleet.devices.get(c.name)?.report();
        return {
          id: c.name,
          instanceId: c.instanceId,
          targeted: c.applicationId === DEMO_APP,
          sirsReceived: r?.sirsReceived ?? 0,
          sessionsOpened: r?.sessionsOpened ?? 0,
          pushesReceived: r?.pushesReceived ?? 0,
          wakeupsNotNeeded: r?.wakeupsNotNeeded ?? 0,
          rejectedSirs: { ...(r?.rejectedSirs ?? {}) },
        };
      }),
      sirsSent: count(DELIVERY_REPORTED_V1, (p) => p.kind === 'sir' && (p.outcome === 'delivered' || p.outcome === 'sent')),
      sessionsOpened: count(SESSION_OPENED_V1),
      pushesDelivered: count(PUSH_DELIVERED_V1),
      papResult: readResultNotification(notification),
      elapsedMs: Date.now() - started,
    };
  } finally {
    await fleet.stop();
    await sink.close();
  }
}

/** The account as the lines `npm start` prints. */
export function describeDemo(a: DemoAccount): string {
  const lines = [
    `Demo: one user (${a.publicUserIdentity}) with ${a.devices.length} devices; a push for an application only the laptop has.`,
    '',
    '  device   SIRs received   sessions opened   pushes received',
    ...a.devices.map((d) => `  ${d.id.padEnd(8)} ${String(d.sirsReceived).padStart(13)} ${String(d.sessionsOpened).padStart(17)} ${String(d.pushesReceived).padStart(17)}${d.targeted ? '   <- the target' : ''}`),
    '',
    `  SIRs sent by the PPG: ${a.sirsSent}; sessions opened: ${a.sessionsOpened}; pushes delivered: ${a.pushesDelivered}`,
    `  PAP result to the PI: message-state=${a.papResult.messageState} code=${a.papResult.code}` +
      (a.papResult.devicesWoken ? ` devices-woken=${a.papResult.devicesWoken} wake-mode=${a.papResult.wakeMode}` : ''),
    `  (prior art would have sent the SIR to all ${a.devices.length} devices and opened ${a.devices.length} sessions)`,
    `  done in ${a.elapsedMs} ms`,
  ];
  return lines.join('\n');
}
