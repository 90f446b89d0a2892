// The outcome tracker on the real broker: PushPlannedV1, DeliveryReportedV1, PushDeliveredV1 and
// SessionOpenedV1 move a push to its final state; the PI's HTTP endpoint gets exactly one result
// notification with the wake counts (seed §S7-§S10, §S12), also across a restart of the service.
import { DeliveryReportedV1, PushAcceptedV1, PushDeliveredV1, PushPlannedV1, SessionOpenedV1 } from '@waken/contracts';
import { stayFalse, waitFor } from '@waken/testing';
import { bearer, IntakeHarness } from './testing/intake-harness';
import { pushSubmission, userAddress } from './testing/pap-requests';

const ANNA = 'sip:anna@a.example';
const BERT = 'sip:bert@a.example';
const now = () => new Date().toISOString();

describe('outcome tracker (push-intake on real PostgreSQL + Kafka)', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await IntakeHarness.start('outcome_tracker');
  });
  afterAll(async () => {
    await h?.close();
  });

  const internalIdOf = (pushId: string) =>
    waitFor(() => h.tap.of<PushAcceptedV1>(PushAcceptedV1).find((e) => e.headers.correlationId === e.payload.pushId && idsByPiPush.get(pushId) === e.payload.pushId)?.payload.pushId, { what: `accepted ${pushId}` });
  const idsByPiPush = new Map<string, string>();
  const learnId = async (pushId: string) => {
    const [row] = (await h.ds.query(`SELECT id FROM push WHERE push_id = $1`, [pushId])) as Array<{ id: string }>;
    idsByPiPush.set(pushId, row.id);
    return row.id;
  };
  const plan = (push: string, i: number, who: string, targets: string[], sirCount: number, directCount: number, unresolvedReason?: string) => ({
    key: who,
    payload: { tenantId: 'ta', pushId: push, recipientIndex: i, publicUserIdentity: who, targetClientIds: targets, sirCount, directCount, ...(unresolvedReason && { unresolvedReason }) },
  });
  const report = (push: string, sirId: string, outcome: DeliveryReportedV1['outcome'], targets: string[], final = false, bearerName: DeliveryReportedV1['bearer'] = 'sip') => ({
    key: ANNA,
    payload: { tenantId: 'ta', pushId: push, sirId, kind: 'sir' as const, bearer: bearerName, destination: 'x', attempt: 1, outcome, final, targetClientIds: targets, reportedAt: now() },
  });
  const delivered = (push: string, i: number, clientId: string, wake: 'sir' | 'connected') => ({
    key: ANNA,
    payload: { tenantId: 'ta', pushId: push, recipientIndex: i, clientId, sessionId: `s-${clientId}`, wake, deliveredAt: now() },
  });
  const stateOf = async (pushId: string) => ((await h.ds.query(`SELECT state FROM push WHERE push_id = $1`, [pushId])) as Array<{ state: string }>)[0]?.state;

  it('two recipients: SIRs on sip and sms, a session, a connected client → delivered, one notification with the wake report; late events change nothing', async () => {
    const s = pushSubmission({ pushId: 'o-1@pi', addresses: [userAddress(ANNA), userAddress(BERT)], notifyTo: h.notify.url('/n/o-1') });
    await fetch(`${h.url}/pap`, { method: 'POST', headers: { authorization: bearer('a'), 'content-type': s.contentType }, body: s.body });
    const id = await learnId('o-1@pi');
    await internalIdOf('o-1@pi');
    await h.bus.publish(PushPlannedV1, [plan(id, 0, ANNA, ['c-phone', 'c-laptop'], 2, 0), plan(id, 1, BERT, ['c-desk'], 0, 1)]);
    await h.bus.publish(DeliveryReportedV1, [report(id, 'sir-1', 'sent', ['c-phone']), report(id, 'sir-2', 'sent', ['c-laptop'], false, 'sms'), report(id, 'sir-1', 'delivered', ['c-phone'])]);
    await waitFor(async () => (await h.count(`SELECT count(*) AS n FROM push_sir WHERE push = $1`, [id])) === 2, { what: 'SIRs remembered' });
    await h.bus.publish(SessionOpenedV1, [{ key: ANNA, payload: { ...SessionOpenedV1.example, tenantId: 'ta', publicUserIdentity: ANNA, clientId: 'c-phone', sirId: 'sir-1', openedAt: now() } }]);
    await h.bus.publish(PushDeliveredV1, [delivered(id, 0, 'c-phone', 'sir'), delivered(id, 1, 'c-desk', 'connected')]);
    await waitFor(async () => (await h.count(`SELECT count(*) AS n FROM push WHERE id = $1 AND progress->'sessionSirIds' ? 'sir-1'`, [id])) === 1, { what: 'session counted' });
    expect(await stateOf('o-1@pi')).toBe('pending');
    await h.bus.publish(PushDeliveredV1, [delivered(id, 0, 'c-laptop', 'sir')]);
    const [n] = await waitFor(() => h.notify.at('/n/o-1').length > 0 && h.notify.at('/n/o-1'), { what: 'notification' });
    expect(n.body).toContain('message-state="delivered"');
    expect(n.body).toContain('code="1000"');
    expect(n.body).toContain('waken:devices-woken="2"');
    expect(n.body).toContain('waken:devices-connected="1"');
    expect(n.body).toContain('waken:bearers="sip sms"');
    expect(n.headers['x-waken-notification-id']).toBe(id);
    await h.bus.publish(DeliveryReportedV1, [report(id, 'sir-9', 'failed', ['c-phone'], true)]);
    await h.bus.publish(PushDeliveredV1, [delivered(id, 0, 'c-phone', 'sir')]);
    await stayFalse(() => h.notify.at('/n/o-1').length > 1, 1000, 'a second notification');
    expect(await stateOf('o-1@pi')).toBe('delivered');
    const view = (await (await fetch(`${h.url}/v1/pushes/${encodeURIComponent('o-1@pi')}`, { headers: { authorization: bearer('a') } })).json()) as { wake: unknown };
    expect(view.wake).toMatchObject({ sirsSent: { sip: 1, sms: 1 }, sessionsOpened: 1, devicesWoken: 2, devicesConnected: 1 });
    // the notifier counts the notification sent once it has the answer, after the server recorded the POST
    const metrics = await waitFor(async () => {
      const text = await (await fetch(`${h.url}/metrics`)).text();
      return /waken_intake_notifications_total\{[^}]*outcome="sent"/.test(text) && text;
    }, { what: 'the notification counted sent' });
    expect(metrics).toMatch(/waken_intake_final_total\{[^}]*state="delivered"[^}]*\} 1/);
    expect(metrics).toMatch(/waken_intake_notifications_total\{[^}]*outcome="sent"/);
  });

  it('undeliverable: an unresolved plan, or a final failed SIR for the only target; 2003 for an unknown user', async () => {
    const s1 = pushSubmission({ pushId: 'o-2@pi', addresses: [userAddress(ANNA)], notifyTo: h.notify.url('/n/o-2') });
    await fetch(`${h.url}/pap`, { method: 'POST', headers: { authorization: bearer('a'), 'content-type': s1.contentType }, body: s1.body });
    const s2 = pushSubmission({ pushId: 'o-3@pi', addresses: [userAddress(BERT)], notifyTo: h.notify.url('/n/o-3') });
    await fetch(`${h.url}/pap`, { method: 'POST', headers: { authorization: bearer('a'), 'content-type': s2.contentType }, body: s2.body });
    const [id2, id3] = [await learnId('o-2@pi'), await learnId('o-3@pi')];
    await h.bus.publish(PushPlannedV1, [plan(id2, 0, ANNA, [], 0, 0, 'unknown-user'), plan(id3, 0, BERT, ['c-1'], 1, 0)]);
    await h.bus.publish(DeliveryReportedV1, [report(id3, 'sir-3', 'failed', ['c-1'], false), report(id3, 'sir-3', 'failed', ['c-1'], true)]);
    const [n2] = await waitFor(() => h.notify.at('/n/o-2').length > 0 && h.notify.at('/n/o-2'));
    expect(n2.body).toMatch(/message-state="undeliverable"[^>]*code="2003"/);
    const [n3] = await waitFor(() => h.notify.at('/n/o-3').length > 0 && h.notify.at('/n/o-3'));
    expect(n3.body).toContain('message-state="undeliverable"');
    expect(await stateOf('o-3@pi')).toBe('undeliverable');
  });

  it('JSON push, service restarted after accept: the new instance tracks it and the webhook arrives exactly once', async () => {
    h.notify.failNext(1);
    const res = await fetch(`${h.url}/v1/pushes`, {
      method: 'POST',
      headers: { authorization: bearer('a'), 'content-type': 'application/json' },
      body: JSON.stringify({ pushId: 'o-4', recipients: [ANNA], content: { contentType: 'text/plain', body: 'hi' }, notifyUrl: h.notify.url('/n/o-4') }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await waitFor(async () => (await h.count(`SELECT count(*) AS n FROM intake_outbox WHERE push = $1 AND sent_at IS NOT NULL`, [id])) === 1);
    await h.restart();
    await h.bus.publish(PushPlannedV1, [plan(id, 0, ANNA, ['c-phone'], 0, 1)]);
    await h.bus.publish(PushDeliveredV1, [delivered(id, 0, 'c-phone', 'connected'), delivered(id, 0, 'c-phone', 'connected')]);
    const [n] = await waitFor(() => h.notify.at('/n/o-4').length > 0 && h.notify.at('/n/o-4'), { what: 'webhook after a 503 and a restart' });
    const body = JSON.parse(n.body);
    expect(body).toMatchObject({ type: 'push.outcome', pushId: 'o-4', notificationId: id, state: 'delivered', wake: { devicesConnected: 1, devicesWoken: 0, wakeMode: 'connected' } });
    await stayFalse(() => h.notify.at('/n/o-4').length > 1, 1500, 'a second webhook');
    // marked sent by the notifier once it has the answer, after the server recorded the POST
    await waitFor(async () => (await h.count(`SELECT count(*) AS n FROM notification_outbox WHERE push = $1 AND sent_at IS NOT NULL AND attempts = 2`, [id])) === 1, { what: 'the webhook marked sent after two attempts' });
  });
});
