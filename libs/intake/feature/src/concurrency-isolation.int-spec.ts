// R6 (one push-id submitted concurrently: exactly one accepted, the rest PAP 2007, one publish),
// S1/#18 (tenant isolation: foreign push ids are 404 / 2004, foreign users 2001), S2 (a PI over
// its quota gets 429 + Retry-After while others go on), and the JSON API's Idempotency-Key.
import { PushAcceptedV1 } from '@waken/contracts';
import { stayFalse, waitFor } from '@waken/testing';
import { bearer, IntakeHarness } from './testing/intake-harness';
import { papDocument, pushSubmission, userAddress } from './testing/pap-requests';

const ANNA = 'sip:anna@a.example';
const CARL = 'sip:carl@b.example';
const code = (text: string) => /code="(\d{4})"/.exec(text)?.[1];

describe('concurrency, tenant isolation, quotas, idempotency (real PostgreSQL + Kafka)', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await IntakeHarness.start('concurrency_isolation');
  });
  afterAll(async () => {
    await h?.close();
  });

  const json = (method: string, path: string, who: Parameters<typeof bearer>[0], body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${h.url}${path}`, { method, headers: { authorization: bearer(who), 'content-type': 'application/json', ...headers }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const papXml = async (doc: string, who: Parameters<typeof bearer>[0]) =>
    (await fetch(`${h.url}/pap`, { method: 'POST', headers: { authorization: bearer(who), 'content-type': 'application/xml' }, body: doc })).text();

  it('R6: 200 concurrent submissions of one push-id → exactly one 1001, 199 × 2007, one PushAcceptedV1', async () => {
    const s = pushSubmission({ pushId: 'dup@pi', addresses: [userAddress('sip:dup@a.example')] });
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        fetch(`${h.url}/pap`, { method: 'POST', headers: { authorization: bearer('a'), 'content-type': s.contentType }, body: s.body }).then((r) => r.text()),
      ),
    );
    const codes = answers.map(code);
    expect(codes.filter((c) => c === '1001')).toHaveLength(1);
    expect(codes.filter((c) => c === '2007')).toHaveLength(199);
    expect(await h.count(`SELECT count(*) AS n FROM push WHERE push_id = 'dup@pi'`)).toBe(1);
    const accepted = () => h.tap.of<PushAcceptedV1>(PushAcceptedV1).filter((e) => e.key === 'sip:dup@a.example');
    await waitFor(() => accepted().length === 1, { what: 'one PushAcceptedV1' });
    await stayFalse(() => accepted().length > 1, 500, 'a second PushAcceptedV1');
  });

  it('S1: push ids of another tenant (or another PI) are 404 on JSON status/cancel and 2004 on PAP statusquery/cancel; foreign users 2001/403', async () => {
    const created = await json('POST', '/v1/pushes', 'a', { pushId: 'iso-1', recipients: [ANNA], content: { contentType: 'text/plain', body: 'hi' } });
    expect(created.status).toBe(202);
    for (const who of ['b', 'a2'] as const) {
      expect((await json('GET', '/v1/pushes/iso-1', who)).status).toBe(404);
      expect((await json('DELETE', '/v1/pushes/iso-1', who)).status).toBe(404);
      expect(code(await papXml(papDocument('<statusquery-message push-id="iso-1"/>'), who))).toBe('2004');
      expect(code(await papXml(papDocument('<cancel-message push-id="iso-1"/>'), who))).toBe('2004');
    }
    const mine = await json('GET', '/v1/pushes/iso-1', 'a');
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as { state: string }).state).toBe('pending');
    expect((await json('POST', '/v1/pushes', 'a', { recipients: [CARL], content: { contentType: 'text/plain', body: 'hi' } })).status).toBe(403);
    const s = pushSubmission({ pushId: 'iso-2', addresses: [userAddress(ANNA)] });
    const res = await fetch(`${h.url}/pap`, { method: 'POST', headers: { authorization: bearer('b'), 'content-type': s.contentType }, body: s.body });
    expect(code(await res.text())).toBe('2001');
    // the same PI push-id in another tenant is a different push
    expect((await json('POST', '/v1/pushes', 'b', { pushId: 'iso-1', recipients: [CARL], content: { contentType: 'text/plain', body: 'hi' } })).status).toBe(202);
    expect(await h.count(`SELECT count(*) AS n FROM push WHERE push_id = 'iso-1'`)).toBe(2);
  });

  it('JSON cancel: 200 then 409 (already final); GET shows cancelled', async () => {
    await json('POST', '/v1/pushes', 'a', { pushId: 'c-1', recipients: [ANNA], content: { contentType: 'text/plain', body: 'hi' } });
    const first = await json('DELETE', '/v1/pushes/c-1', 'a');
    expect(first.status).toBe(200);
    expect(((await first.json()) as { state: string }).state).toBe('cancelled');
    expect((await json('DELETE', '/v1/pushes/c-1', 'a')).status).toBe(409);
  });

  it('Idempotency-Key: same key + same body → same response; same key + another body → 409; concurrent replays agree', async () => {
    const body = { recipients: [ANNA], content: { contentType: 'text/plain', body: 'idem' } };
    const headers = { 'idempotency-key': 'k-1' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => json('POST', '/v1/pushes', 'a', body, headers).then(async (r) => ({ status: r.status, body: await r.json() }))));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]));
    expect(new Set(answers.map((a) => (a.body as { pushId: string }).pushId)).size).toBe(1);
    const other = await json('POST', '/v1/pushes', 'a', { ...body, content: { contentType: 'text/plain', body: 'other' } }, headers);
    expect(other.status).toBe(409);
    expect(await h.count(`SELECT count(*) AS n FROM push p JOIN push_recipient r ON r.push = p.id WHERE p.origin = 'json' AND r.public_user_identity = $1 AND p.push_id NOT IN ('iso-1', 'c-1')`, [ANNA])).toBe(1);
  });

  it('S2: a PI over its quota gets 429 with Retry-After; another PI is not affected', async () => {
    const statuses = await Promise.all(Array.from({ length: 10 }, () => json('GET', '/v1/pushes/none', 'slow').then((r) => ({ status: r.status, retry: r.headers.get('retry-after') }))));
    const limited = statuses.filter((s) => s.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(7);
    expect(limited.every((s) => Number(s.retry) >= 1)).toBe(true);
    expect((await json('GET', '/v1/pushes/none', 'a')).status).toBe(404);
    expect((await json('GET', '/v1/pushes/none', 'b')).status).toBe(404);
  });

  it('401 without a key or with an unknown one, on both doors', async () => {
    expect((await fetch(`${h.url}/v1/pushes/x`)).status).toBe(401);
    expect((await fetch(`${h.url}/pap`, { method: 'POST', headers: { authorization: 'Bearer wrong-key-0123456789' }, body: 'x' })).status).toBe(401);
  });
});
