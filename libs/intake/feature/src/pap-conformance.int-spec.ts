// PAP conformance on real PostgreSQL and Kafka: every operation, PAP 1.0 and 2.x documents,
// multi-address pushes, the status codes each can answer, scheduling (deliver-after holds,
// deliver-before expires with a notification). pap.md §3-§7, seed §S1, §S12.
import { PushAcceptedV1, PushCancelledV1 } from '@waken/contracts';
import { stayFalse, waitFor } from '@waken/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, CONSUMED, IntakeHarness } from './testing/intake-harness';
import { buildMultipartRelated, formatPapTimestamp } from '@waken/intake-pap';
import { papDocument, pushSubmission, SI_CONTENT, userAddress } from './testing/pap-requests';

const fixture = (name: string) => readFileSync(join(__dirname, '../../pap/src/fixtures', name), 'utf8');
const ANNA = 'sip:anna@a.example';
const BERT = 'sip:bert@a.example';

describe('PAP conformance (push-intake on real PostgreSQL + Kafka)', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await IntakeHarness.start('pap_conformance');
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (body: string | Buffer, contentType: string, who: Parameters<typeof bearer>[0] = 'a', path = '/pap') =>
    fetch(`${h.url}${path}`, { method: 'POST', headers: { authorization: bearer(who), 'content-type': contentType }, body });
  const push = async (o: Parameters<typeof pushSubmission>[0], who: Parameters<typeof bearer>[0] = 'a', path = '/pap') => {
    const s = pushSubmission(o);
    const res = await post(s.body, s.contentType, who, path);
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  const xml = async (doc: string, who: Parameters<typeof bearer>[0] = 'a') => {
    const res = await post(doc, 'application/xml', who);
    return { status: res.status, text: await res.text() };
  };
  const code = (text: string) => /code="(\d{4})"/.exec(text)?.[1];

  it('push-message 2.0 → 1001 with progress notes; one PushAcceptedV1 per address, keyed by the public identity', async () => {
    const r = await push({ pushId: 'p-1@pi', addresses: [userAddress(ANNA), userAddress(BERT), 'WAPPUSH=+4312345/TYPE=PLMN'], progressNotes: true });
    expect(r.status).toBe(202);
    expect(r.text).toContain('<push-response push-id="p-1@pi"');
    expect(code(r.text)).toBe('1001');
    expect(r.text).toContain('<progress-note stage="accepted"');
    const accepted = await waitFor(() => {
      const mine = h.tap.of<PushAcceptedV1>(PushAcceptedV1).filter((e) => e.payload.piId === 'pi-a' && e.headers.correlationId === e.payload.pushId);
      const forPush = mine.filter((e) => e.payload.recipientIndex <= 2 && e.payload.content.contentType === 'text/vnd.wap.si');
      return forPush.length >= 3 && forPush;
    }, { what: 'three accepted events' });
    expect(accepted.map((e) => e.key).sort()).toEqual([BERT, ANNA, 'tel:+4312345'].sort());
    expect(accepted.every((e) => e.payload.tenantId === 'ta' && e.payload.qos.priority === 'high')).toBe(true);
  });

  it('the /wappush alias and PAP 1.0 documents are served; an IPv4 address is a 2002 address error', async () => {
    const ok = await push({ pushId: 'p-10@pi', addresses: ['WAPPUSH=+4399/TYPE=PLMN'], version: '1.0' }, 'a', '/wappush');
    expect(code(ok.text)).toBe('1001');
    expect(ok.text).toContain('PAP 1.0');
    const ipv4 = await push({ pushId: '9fjeo39jf084@pi.com', addresses: ['WAPPUSH=213.243.140.102/TYPE=IPv4@ppg.carrier.com'], version: '1.0' });
    const text = ipv4.text;
    expect(ipv4.status).toBe(400);
    expect(code(text)).toBe('2002');
    expect(text).toContain('push-id="9fjeo39jf084@pi.com"');
  });

  it('a reused push-id is 2007; PAP 2.1 replace-push-id is 3011', async () => {
    await push({ pushId: 'p-2@pi', addresses: [userAddress(ANNA)] });
    const dup = await push({ pushId: 'p-2@pi', addresses: [userAddress(ANNA)] });
    expect([dup.status, code(dup.text)]).toEqual([409, '2007']);
    const s = pushSubmission({ pushId: 'x', addresses: [] });
    const body = Buffer.from(s.body.toString('latin1').replace(/<\?xml[\s\S]*?<\/pap>/, fixture('pap-2.1-multi-address-push-message.xml').trim()), 'latin1');
    const res = await post(body, s.contentType);
    expect(code(await res.text())).toBe('3011');
  });

  it('statusquery-message: pending per recipient; unknown push-id 2004', async () => {
    await push({ pushId: 'p-3@pi', addresses: [userAddress(ANNA), userAddress(BERT)] });
    const r = await xml(papDocument('<statusquery-message push-id="p-3@pi"/>'));
    expect(r.status).toBe(200);
    const doc = r.text;
    expect(doc).toContain('message-state="pending"');
    expect(doc.match(/<address /g)).toHaveLength(2);
    const unknown = await xml(papDocument('<statusquery-message push-id="nope@pi"/>'));
    expect([unknown.status, code(unknown.text)]).toEqual([404, '2004']);
  });

  it('cancel-message: 1000 and PushCancelledV1; again 2008; unknown 2004; statusquery then says cancelled', async () => {
    await push({ pushId: 'p-4@pi', addresses: [userAddress(ANNA)] });
    await waitFor(async () => (await h.count(`SELECT count(*) AS n FROM intake_outbox o JOIN push p ON p.id = o.push WHERE p.push_id = 'p-4@pi' AND o.sent_at IS NOT NULL`)) === 1);
    const c = await xml(papDocument('<cancel-message push-id="p-4@pi"/>'));
    expect([c.status, code(c.text)]).toEqual([200, '1000']);
    expect(c.text).toContain('<cancel-response push-id="p-4@pi"');
    const again = await xml(papDocument('<cancel-message push-id="p-4@pi"/>'));
    expect([again.status, code(again.text)]).toEqual([409, '2008']);
    expect(code((await xml(papDocument('<cancel-message push-id="nope@pi"/>'))).text)).toBe('2004');
    expect((await xml(papDocument('<statusquery-message push-id="p-4@pi"/>'))).text).toContain('message-state="cancelled"');
    await waitFor(() => h.tap.of<PushCancelledV1>(PushCancelledV1).some((e) => e.key === ANNA), { what: 'PushCancelledV1' });
  });

  it('ccq-message: 3008 before any client answered, then a multipart ccq-response with the RDF capabilities', async () => {
    const ccq = papDocument(`<ccq-message query-id="q-1" app-id="x-wap-application:wml.ua"><address address-value="${userAddress(ANNA)}"/></ccq-message>`, '1.0');
    expect(code((await xml(ccq)).text)).toBe('3008');
    await h.bus.publish(CONSUMED.ClientRespondedV1, [
      { key: ANNA, payload: { ...CONSUMED.ClientRespondedV1.example, tenantId: 'ta', publicUserIdentity: ANNA, clientId: 'c-phone', capabilities: { screen: '1080x2400' } } },
      { key: ANNA, payload: { ...CONSUMED.ClientRespondedV1.example, tenantId: 'tb', publicUserIdentity: ANNA, clientId: 'c-other-tenant', capabilities: { secret: 'x' } } },
    ]);
    const res = await waitFor(async () => {
      const r = await post(ccq, 'application/xml');
      return r.status === 200 && r;
    }, { what: 'capabilities read model' });
    expect(res.headers.get('content-type')).toMatch(/^multipart\/related/);
    const text = await res.text();
    expect(text).toContain('<ccq-response query-id="q-1" code="1000"');
    expect(text).toContain('<waken:capability name="screen">1080x2400</waken:capability>');
    expect(text).not.toContain('c-other-tenant');
  });

  it('2001: a user outside the PI rules (another tenant), a content type or application the PI may not use, an unknown key', async () => {
    const other = await push({ pushId: 'p-5@pi', addresses: [userAddress('sip:carl@b.example')] });
    expect([other.status, code(other.text)]).toEqual([403, '2001']);
    const type = await push({ pushId: 'p-6@pi', addresses: [userAddress(ANNA)], contentType: 'text/plain', content: 'hi' }, 'narrow');
    expect(code(type.text)).toBe('2001');
    const app = await push({ pushId: 'p-7@pi', addresses: [userAddress(ANNA)], applicationId: 'x-wap-application:other' }, 'narrow');
    expect(code(app.text)).toBe('2001');
    const res = await fetch(`${h.url}/pap`, { method: 'POST', headers: { authorization: 'Bearer not-a-known-key-123456', 'content-type': 'application/xml' }, body: 'x' });
    expect(res.status).toBe(401);
    expect(await h.count(`SELECT count(*) AS n FROM push WHERE push_id IN ('p-5@pi', 'p-6@pi', 'p-7@pi')`)).toBe(0);
  });

  it('3002 for an unsupported PAP version; 2000 badmessage-response for an unparseable document and a bare push-message', async () => {
    const v3 = await xml(fixture('bad-pap-3.0.xml'));
    expect([v3.status, code(v3.text)]).toEqual([400, '3002']);
    expect(v3.text).toContain('<badmessage-response');
    const bad = await xml('<pap><nonsense/></pap>');
    expect([bad.status, code(bad.text)]).toEqual([400, '2000']);
    const bare = await xml(papDocument(`<push-message push-id="p-8@pi"><address address-value="${userAddress(ANNA)}"/></push-message>`));
    expect(code(bare.text)).toBe('2000');
  });

  it('the library fixtures end to end: 2.0 push, statusquery, cancel (notification: cancelled), 1.0 ccq answered in 1.0', async () => {
    const control = fixture('pap-2.0-push-message.xml')
      .replace('2024-05-08T00:00:00Z', formatPapTimestamp(Date.now() + 3600_000))
      .replace('https://pi.example.com/notify', h.notify.url('/fixtures'));
    const s = buildMultipartRelated([
      { contentType: 'application/xml; charset=utf-8', body: Buffer.from(control) },
      { contentType: 'text/vnd.wap.si', body: Buffer.from(SI_CONTENT) },
    ]);
    const pushed = await post(s.body, s.contentType, 'trusted');
    const pushText = await pushed.text();
    expect([pushed.status, code(pushText)]).toEqual([202, '1001']);
    const status = await xml(fixture('pap-2.0-statusquery-message.xml'), 'trusted');
    expect(status.text).toMatch(/message-state="pending"[\s\S]*WAPPUSH=\+15551234567\/TYPE=PLMN@ppg.example.com/);
    const cancel = await xml(fixture('pap-2.0-cancel-message.xml'), 'trusted');
    expect(code(cancel.text)).toBe('1000');
    const [n] = await waitFor(() => h.notify.at('/fixtures').length > 0 && h.notify.at('/fixtures'), { what: 'cancel notification' });
    expect(n.body).toMatch(/<resultnotification-message push-id="42@pi.example.com"[^>]*message-state="cancelled"/);
    const ccq = await xml(fixture('pap-1.0-ccq-message.xml'), 'trusted');
    expect([ccq.status, code(ccq.text)]).toEqual([404, '3008']);
    expect(ccq.text).toContain('-//WAPFORUM//DTD PAP 1.0//EN');
  });

  it('deliver-after holds the push: nothing is published before that instant, then PushAcceptedV1 carries deliverAfter', async () => {
    const after = new Date(Math.ceil((Date.now() + 3000) / 1000) * 1000);
    const r = await push({ pushId: 'p-held@pi', addresses: [userAddress('sip:held@a.example')], deliverAfter: after });
    expect(code(r.text)).toBe('1001');
    const held = () => h.tap.of<PushAcceptedV1>(PushAcceptedV1).filter((e) => e.key === 'sip:held@a.example');
    const seen = await waitFor(() => held()[0], { timeoutMs: 15000, what: 'held push released' });
    expect(Date.now()).toBeGreaterThanOrEqual(after.getTime());
    expect(seen.payload.deliverAfter).toBe(after.toISOString());
  });

  it('deliver-before expires a pending push and sends one resultnotification-message with message-state expired', async () => {
    const before = new Date(Math.ceil((Date.now() + 2000) / 1000) * 1000);
    const notifyTo = h.notify.url('/pap-notify/expire');
    const r = await push({ pushId: 'p-exp@pi', addresses: [userAddress(ANNA)], deliverBefore: before, notifyTo });
    expect(code(r.text)).toBe('1001');
    const [n] = await waitFor(() => h.notify.at('/pap-notify/expire').length > 0 && h.notify.at('/pap-notify/expire'), { timeoutMs: 10000 });
    expect(Date.now()).toBeLessThan(before.getTime() + 5000);
    const doc = n.body;
    expect(doc).toContain('<resultnotification-message push-id="p-exp@pi"');
    expect(doc).toContain('message-state="expired"');
    expect(doc).toContain('waken:devices-woken="0"');
    await stayFalse(() => h.notify.at('/pap-notify/expire').length > 1, 500, 'a second expired notification');
    expect(h.notify.at('/pap-notify/expire')).toHaveLength(1);
    // the notifier marks the outbox row sent once it has our answer, after the server recorded the POST
    await waitFor(async () => (await h.count(`SELECT count(*) AS n FROM notification_outbox WHERE sent_at IS NOT NULL`)) >= 1, { what: 'the notification marked sent' });
  });

  it('4001 with Retry-After while the database refuses connections; accepted again once it is back', async () => {
    await h.ds.query(`SELECT 1`);
    const admin = new (await import('pg')).Client({ connectionString: h.db.url.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${h.db.name}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [h.db.name]);
      const down = await push({ pushId: 'p-down@pi', addresses: [userAddress(ANNA)] });
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect(code(down.text)).toBe('4001');
    } finally {
      await admin.query(`ALTER DATABASE "${h.db.name}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    const up = await waitFor(async () => {
      const r = await push({ pushId: 'p-up@pi', addresses: [userAddress(ANNA)] });
      return code(r.text) === '1001' && r;
    }, { what: 'recovery' });
    expect(up.status).toBe(202);
  });
});
