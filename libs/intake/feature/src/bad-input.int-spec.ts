// reliability.md (c) #1-#19 against the running push-intake (real PostgreSQL + Kafka): each bad
// PAP, multipart or JSON input gets its documented answer, the process stays up, and nothing is
// half-written (every stored push has its outbox records, nothing else is stored).
import fc from 'fast-check';
import { createConnection } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@waken/testing';
import { bearer, IntakeHarness } from './testing/intake-harness';
import { papDocument, pushControl, pushSubmission, userAddress } from './testing/pap-requests';

const fixture = (name: string) => readFileSync(join(__dirname, '../../pap/src/fixtures', name), 'utf8');
const ANNA = 'sip:anna@a.example';
const BOUNDARY = 'b0undary';
const MULTIPART = `multipart/related; boundary=${BOUNDARY}; type="application/xml"`;
const multipart = (parts: string[], close = true) => `${parts.map((p) => `--${BOUNDARY}\r\n${p}\r\n`).join('')}${close ? `--${BOUNDARY}--\r\n` : ''}`;
const part = (headers: string, body: string) => `${headers}\r\n\r\n${body}`;
const control = (pushId: string) => pushControl({ pushId, addresses: [userAddress(ANNA)] });

describe('bad inputs (reliability.md catalogue #1-#19)', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await IntakeHarness.start('bad_input', { bodyTimeoutMs: 1000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  const send = async (path: string, body: string | Buffer, contentType: string, who: Parameters<typeof bearer>[0] = 'a') => {
    const res = await fetch(`${h.url}${path}`, { method: 'POST', headers: { authorization: bearer(who), 'content-type': contentType }, body });
    return { status: res.status, text: await res.text() };
  };
  const pap = (doc: string | Buffer) => send('/pap', doc, 'application/xml');
  const json = (body: string | Buffer) => send('/v1/pushes', body, 'application/json');
  const code = (text: string) => /code="(\d{4})"/.exec(text)?.[1];
  const papPush = (o: Parameters<typeof pushSubmission>[0], who: Parameters<typeof bearer>[0] = 'a') => {
    const s = pushSubmission(o);
    return send('/pap', s.body, s.contentType, who);
  };

  it('#1-#5, #7: DOCTYPE bombs, XXE, entity floods, deep nesting, two roots → 400 / PAP 2000 (or 413 on the size cap)', async () => {
    for (const doc of [fixture('bad-billion-laughs.xml'), fixture('bad-xxe-system-entity.xml'), fixture('bad-internal-subset.xml'), fixture('bad-two-roots.xml')]) {
      const r = await pap(doc);
      expect([r.status, code(r.text)]).toEqual([400, '2000']);
    }
    const big = `<!DOCTYPE pap [<!ENTITY e "${'x'.repeat(10240)}">]><pap>${'&e;'.repeat(2000)}</pap>`;
    expect(code((await pap(big)).text)).toBe('2000');
    const refs = await pap(`<pap>${'&#65;'.repeat(1_000_000)}</pap>`);
    expect([400, 413]).toContain(refs.status);
    const deep = await pap(papDocument(`${'<a>'.repeat(100000)}${'</a>'.repeat(100000)}`));
    expect([deep.status, code(deep.text)]).toEqual([400, '2000']);
  });

  it('#6: a body over 1 MiB is 413 while streaming; a slowloris trickle is cut at the deadline', async () => {
    expect((await pap(Buffer.alloc(1024 * 1024 + 1, 0x20))).status).toBe(413);
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = createConnection(Number(new URL(h.url).port), '127.0.0.1');
      let got = '';
      const trickle = setInterval(() => socket.write('<'), 200);
      socket.on('data', (d) => (got += d.toString()));
      socket.on('close', () => {
        clearInterval(trickle);
        resolve(got);
      });
      socket.on('error', (e) => {
        clearInterval(trickle);
        if (got) resolve(got);
        else reject(e);
      });
      socket.write(`POST /pap HTTP/1.1\r\nHost: x\r\nAuthorization: ${bearer('a')}\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n`);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('#8-#11: multipart without boundary, with a 71-char boundary, unclosed, folded headers, too many parts or headers, bad UTF-8, wrong part type → 400', async () => {
    const good = multipart([part('Content-Type: application/xml', control('m-1')), part('Content-Type: text/plain', 'hi')]);
    const cases: Array<[string | Buffer, string]> = [
      [good, 'multipart/related; type="application/xml"'],
      [good, `multipart/related; boundary=${'b'.repeat(71)}`],
      [multipart([part('Content-Type: application/xml', control('m-2')), part('Content-Type: text/plain', 'hi')], false), MULTIPART],
      [multipart([part('Content-Type: application/xml\r\n X-Folded: yes', control('m-3')), part('Content-Type: text/plain', 'hi')]), MULTIPART],
      [multipart(Array.from({ length: 10000 }, () => part('Content-Type: text/plain', 'x'))), MULTIPART],
      [multipart([part(Array.from({ length: 10000 }, (_, i) => `X-H${i}: v`).join('\r\n'), control('m-4'))]), MULTIPART],
      [Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/xml\r\n\r\n<pap>\xff\xfe</pap>\r\n`, 'latin1'), Buffer.from(`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${BOUNDARY}--\r\n`)]), MULTIPART],
      [multipart([part('Content-Type: text/plain', control('m-5')), part('Content-Type: text/plain', 'hi')]), `multipart/related; boundary=${BOUNDARY}`],
    ];
    for (const [body, ct] of cases) {
      const r = await send('/pap', body, ct);
      expect([r.status, code(r.text)]).toEqual([400, '2000']);
    }
  });

  it('#12-#15: reused push-id 2007; foreign, SQL-laden and 10,000 addresses 2001/2002; bad windows 2000; content policy 2001', async () => {
    expect(code((await papPush({ pushId: 'r-1', addresses: [userAddress(ANNA)] })).text)).toBe('1001');
    expect(code((await papPush({ pushId: 'r-1', addresses: [userAddress(ANNA)] })).text)).toBe('2007');
    expect(code((await papPush({ pushId: 'r-2', addresses: [userAddress('sip:x@b.example')] })).text)).toBe('2001');
    expect(code((await papPush({ pushId: 'r-3', addresses: ["WAPPUSH=x'%3B%20DROP%20TABLE%20push%3B--/TYPE=USER"] })).text)).toBe('2002');
    const many = Array.from({ length: 10000 }, (_, i) => userAddress(`sip:u${i}@a.example`));
    expect(code((await papPush({ pushId: 'r-4', addresses: many })).text)).toBe('2002');
    const soon = new Date(Date.now() + 3600_000);
    for (const window of [{ deliverBefore: new Date(Date.now() - 60_000) }, { deliverBefore: new Date('9999-01-01T00:00:00Z') }, { deliverAfter: soon, deliverBefore: new Date(soon.getTime() - 60_000) }]) {
      expect(code((await papPush({ pushId: 'r-5', addresses: [userAddress(ANNA)], ...window })).text)).toBe('2000');
    }
    expect(code((await papPush({ pushId: 'r-6', addresses: [userAddress(ANNA)], content: fixture('si-javascript.xml') })).text)).toBe('2001');
    const sl = { pushId: 'r-7', addresses: [userAddress(ANNA)], contentType: 'text/vnd.wap.sl', content: fixture('sl-execute-high.xml') };
    expect(code((await papPush(sl)).text)).toBe('2001');
    expect(code((await papPush(sl, 'trusted')).text)).toBe('1001');
  });

  it('#16, #17, #19: JSON mass assignment, __proto__, 10 MB, 10k-deep arrays, 1e309, lone surrogates → 400/413; nothing polluted', async () => {
    const valid = { recipients: [ANNA], content: { contentType: 'text/plain', body: 'hi' } };
    expect((await json(JSON.stringify({ tenantId: 'B', trusted: true }))).status).toBe(400);
    expect((await json(JSON.stringify({ ...valid, tenantId: 'tb' }))).status).toBe(400);
    expect((await json(JSON.stringify({ ...valid, content: { ...valid.content, admin: true } }))).status).toBe(400);
    expect((await json('{"__proto__":{"admin":true}}')).status).toBe(400);
    expect((await json(`{"recipients":["${ANNA}"],"content":{"contentType":"text/plain","body":"x"},"__proto__":{"admin":true}}`)).status).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect((await json(Buffer.alloc(10 * 1024 * 1024, 0x20))).status).toBe(413);
    expect((await json(`${'['.repeat(10000)}${']'.repeat(10000)}`)).status).toBe(400);
    expect((await json(`{"recipients":["${ANNA}"],"content":{"contentType":"text/plain","body":"x"},"qos":{"priority":1e309}}`)).status).toBe(400);
    expect((await json(`{"recipients":["${ANNA}"],"content":{"contentType":"text/plain","body":"\\ud800"}}`)).status).toBe(400);
    expect((await json('{"recipients":')).status).toBe(400);
    expect((await send('/v1/pushes', JSON.stringify(valid), 'text/plain')).status).toBe(415);
    const window = await json(JSON.stringify({ ...valid, deliverBefore: '2001-01-01T00:00:00Z' }));
    expect(window.status).toBe(400);
  });

  it('fuzz: 300 mutated PAP submissions and JSON bodies are answered 2xx/4xx, never 5xx (reliability.md S3, S6)', async () => {
    const valid = pushSubmission({ pushId: 'fz', addresses: [userAddress(ANNA), userAddress('sip:bert@a.example')] });
    const jsonBody = Buffer.from(JSON.stringify({ pushId: 'fz', recipients: [ANNA], content: { contentType: 'text/plain', body: 'hi' }, qos: { priority: 'low' } }));
    const mutate = (sample: Buffer) =>
      fc.tuple(fc.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.option(fc.nat(sample.length))).map(([flips, cut]) => {
        const b = Buffer.from(sample);
        for (const [at, byte] of flips) b[at] = byte;
        return cut === null ? b : b.subarray(0, cut);
      });
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutate(valid.body).map((b) => ['pap', b] as const), mutate(jsonBody).map((b) => ['json', b] as const)), async ([door, body]) => {
        const r = door === 'pap' ? await send('/pap', body, valid.contentType) : await json(body);
        statuses.add(r.status);
        expect(r.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    expect(statuses.has(400)).toBe(true);
  });

  it('the process is still up and nothing is half-written', async () => {
    expect((await fetch(`${h.url}/health/live`)).status).toBe(200);
    await waitFor(async () => (await h.count(`SELECT count(*) AS n FROM intake_outbox WHERE sent_at IS NULL`)) === 0, { what: 'outbox drained' });
    expect(await h.count(`SELECT count(*) AS n FROM push p WHERE NOT EXISTS (SELECT 1 FROM intake_outbox o WHERE o.push = p.id)`)).toBe(0);
    expect(await h.count(`SELECT count(*) AS n FROM push_recipient r WHERE NOT EXISTS (SELECT 1 FROM intake_outbox o WHERE o.push = r.push AND (o.payload->>'recipientIndex')::int = r.recipient_index)`)).toBe(0);
    expect(await h.count(`SELECT count(*) AS n FROM push WHERE push_id IN ('r-1', 'r-7')`)).toBe(2);
    expect(await h.count(`SELECT count(*) AS n FROM push WHERE push_id ~ '^(r-[2-6]|m-[0-9])$'`)).toBe(0);
  });
});
