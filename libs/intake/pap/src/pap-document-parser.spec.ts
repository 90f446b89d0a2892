import { PapError } from './pap-error';
import { parsePapDocument } from './pap-document-parser';
import { PapParseOptions } from './pap-parse-options';
import { ADDRESS, FIXTURE_NOW, fixture, papDoc } from './testing/fixtures';

const opts: PapParseOptions = { now: FIXTURE_NOW };

function errorOf(input: string | Buffer, options: PapParseOptions = opts): PapError {
  try {
    parsePapDocument(input, options);
  } catch (e) {
    if (e instanceof PapError) return e;
    throw e;
  }
  throw new Error('parsed without error');
}

const push = (attrs: string, body = ADDRESS): string => papDoc(`<push-message push-id="p1" ${attrs}>${body}</push-message>`);

describe('parsePapDocument: accepted requests', () => {
  it('reads the pap.md §8 PAP 2.0 push submission', () => {
    expect(parsePapDocument(fixture('pap-2.0-push-message.xml'), opts)).toEqual({
      kind: 'push-message',
      version: '2.0',
      supportedVersions: ['2.0', '1.*'],
      pushId: '42@pi.example.com',
      deliverBefore: '2024-05-08T00:00:00Z',
      ppgNotifyRequestedTo: 'https://pi.example.com/notify',
      progressNotesRequested: false,
      addresses: [
        {
          addressValue: 'WAPPUSH=+15551234567/TYPE=PLMN@ppg.example.com',
          type: 'PLMN',
          value: '+15551234567',
          ppg: 'ppg.example.com',
        },
      ],
      qos: { priority: 'high', deliveryMethod: 'unconfirmed', networkRequired: false, bearerRequired: false },
    });
  });

  it('reads a PAP 1.0 push with two addresses, both timestamps and a full QoS', () => {
    const doc = parsePapDocument(Buffer.from(fixture('pap-1.0-push-message.xml')), opts);
    expect(doc).toMatchObject({
      kind: 'push-message',
      version: '1.0',
      productName: 'Kannel-style PI',
      deliverAfter: '2024-05-01T10:00:00Z',
      deliverBefore: '2024-05-02T10:00:00Z',
      sourceReference: 'pi.example.com',
      progressNotesRequested: true,
      qos: { priority: 'low', deliveryMethod: 'confirmed', network: 'GSM', networkRequired: true, bearer: 'SMS', bearerRequired: false },
    });
    expect(doc.kind === 'push-message' && doc.addresses.map((a) => a.value)).toEqual(['213.243.140.102', '+358408676001']);
  });

  it('reads a PAP 2.1 multi-address push with replacement; a repeated recipient counts once (seed §S7)', () => {
    const doc = parsePapDocument(fixture('pap-2.1-multi-address-push-message.xml'), opts);
    expect(doc).toMatchObject({ version: '2.1', replacePushId: 'multi-6@pi.example.com', replaceMethod: 'pending-only' });
    expect(doc.kind === 'push-message' && doc.addresses.map((a) => a.value)).toEqual([
      'sip:+43-8323546@mobilkom.at',
      'sip:anna@example.org',
      'tel:+4312345',
      '2001:db8::7',
    ]);
  });

  it.each(['2.2', '2.3'])('accepts PAP %s', (version) => {
    expect(parsePapDocument(papDoc('<statusquery-message push-id="a"/>', version), opts).version).toBe(version);
  });

  it('accepts the OMA owner in a 2.x public identifier', () => {
    const text = papDoc('<statusquery-message push-id="a"/>').replace('WAPFORUM', 'OMA');
    expect(parsePapDocument(text, opts).version).toBe('2.0');
  });

  it('reads cancel, statusquery, ccq and resultnotification-response', () => {
    expect(parsePapDocument(fixture('pap-2.0-cancel-message.xml'), opts)).toMatchObject({
      kind: 'cancel-message',
      pushId: '42@pi.example.com',
      addresses: [{ type: 'PLMN', value: '+15551234567' }],
    });
    expect(parsePapDocument(fixture('pap-2.0-statusquery-message.xml'), opts)).toEqual({
      kind: 'statusquery-message',
      version: '2.0',
      pushId: '42@pi.example.com',
      addresses: [],
    });
    expect(parsePapDocument(fixture('pap-1.0-ccq-message.xml'), opts)).toMatchObject({
      kind: 'ccq-message',
      version: '1.0',
      queryId: 'q-1@pi.example.com',
      appId: 'x-wap-application:wml.ua',
      address: { value: '+15551234567' },
    });
    expect(parsePapDocument(fixture('pap-2.0-resultnotification-response.xml'), opts)).toMatchObject({
      kind: 'resultnotification-response',
      pushId: '42@pi.example.com',
      code: 1000,
      desc: 'OK',
      replyTime: '2024-05-01T12:00:05Z',
      senderName: 'PI',
      address: { value: '+15551234567' },
    });
  });

  it('maps an unknown result code to its class x000 (Kannel parse_code)', () => {
    const doc = parsePapDocument(
      papDoc('<resultnotification-response push-id="a"><response-result code="2099"/></resultnotification-response>'),
      opts,
    );
    expect(doc).toMatchObject({ code: 2000 });
  });

  it('accepts a BOM and the default QoS', () => {
    const doc = parsePapDocument(`\uFEFF${push('')}`, opts);
    expect(doc).toMatchObject({ qos: { priority: 'medium', deliveryMethod: 'notspecified' } });
  });
});

describe('parsePapDocument: the bad-input catalogue (reliability.md (c))', () => {
  it.each([
    ['#1 billion laughs', fixture('bad-billion-laughs.xml')],
    ['#2 XXE SYSTEM entities (file: and http:)', fixture('bad-xxe-system-entity.xml')],
    ['#3 a 10 KB entity referenced 2,000 times', `<!DOCTYPE pap [<!ENTITY big "${'x'.repeat(10_240)}">]><pap>${'&big;'.repeat(2000)}</pap>`],
    ['#4 10^6 &#65; references', papDoc(`<statusquery-message push-id="${'&#65;'.repeat(1_000_000)}"/>`)],
    ['#5 nesting 100,000 deep', papDoc(`${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`)],
    ['#6 more than 1 MiB', papDoc(`<statusquery-message push-id="a"/><!--${'x'.repeat(1024 * 1024)}-->`)],
    ['#7 two root elements', fixture('bad-two-roots.xml')],
    ['an internal subset with more than wap-pap-ver', fixture('bad-internal-subset.xml')],
    ['an undeclared entity reference', papDoc('<statusquery-message push-id="&foo;"/>')],
    ['no DOCTYPE', '<pap><statusquery-message push-id="a"/></pap>'],
    ['a SYSTEM-only DOCTYPE', '<!DOCTYPE pap SYSTEM "http://www.wapforum.org/DTD/pap_2.0.dtd"><pap/>'],
    ['another public identifier', papDoc('<statusquery-message push-id="a"/>').replace('PAP 2.0', 'SI 1.0')],
    ['a DOCTYPE for another root', papDoc('<x/>').replace('DOCTYPE pap', 'DOCTYPE si')],
    ['unparseable XML', papDoc('<statusquery-message push-id="a">')],
    ['invalid UTF-8', Buffer.from([0x3c, 0x70, 0xc3, 0x28])],
  ])('%s → 2000', (_name, input) => {
    const error = errorOf(input);
    expect(error.code).toBe(2000);
    expect(error.badMessageFragment).toBeDefined();
  });

  it('#1 answers fast: rejected at the DOCTYPE, nothing expanded', () => {
    const started = Date.now();
    expect(errorOf(fixture('bad-billion-laughs.xml')).desc).toMatch(/entity/);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('puts the faulty line in bad-message-fragment', () => {
    const error = errorOf(papDoc('<statusquery-message push-id="a">\n<oops></statusquery-message>'));
    expect(error.badMessageFragment).toContain('<oops>');
  });

  it('an unknown PAP version → 3002', () => {
    const error = errorOf(fixture('bad-pap-3.0.xml'));
    expect(error.code).toBe(3002);
  });

  it.each([
    ['#14 deliver-before in the past', push('deliver-before-timestamp="2024-04-30T23:59:59Z"')],
    ['#14 deliver-before in year 9999', push('deliver-before-timestamp="9999-12-31T23:59:59Z"')],
    ['#14 deliver-before earlier than deliver-after', push('deliver-after-timestamp="2024-05-03T00:00:00Z" deliver-before-timestamp="2024-05-02T00:00:00Z"')],
    ['#14 deliver-before equal to deliver-after', push('deliver-after-timestamp="2024-05-03T00:00:00Z" deliver-before-timestamp="2024-05-03T00:00:00Z"')],
    ['deliver-after in year 9999', push('deliver-after-timestamp="9999-01-01T00:00:00Z"')],
    ['a timestamp with a zone offset', push('deliver-before-timestamp="2024-05-02T00:00:00+01:00"')],
    ['a timestamp with milliseconds', push('deliver-before-timestamp="2024-05-02T00:00:00.000Z"')],
    ['a 30th of February', push('deliver-before-timestamp="2024-02-30T00:00:00Z"')],
    ['no push-id', papDoc(`<push-message>${ADDRESS}</push-message>`)],
    ['a push-id with CR/LF (#25)', push('').replace('push-id="p1"', 'push-id="a&#13;&#10;b"')],
    ['a push-id over 256 characters', push('').replace('p1', 'p'.repeat(257))],
    ['no address', push('', '')],
    ['an unknown child', push('', `${ADDRESS}<extra/>`)],
    ['character data in push-message', push('', `${ADDRESS}hello`)],
    ['two quality-of-service', push('', `${ADDRESS}<quality-of-service/><quality-of-service/>`)],
    ['an unknown priority', push('', `${ADDRESS}<quality-of-service priority="urgent"/>`)],
    ['an unknown delivery-method', push('', `${ADDRESS}<quality-of-service delivery-method="maybe"/>`)],
    ['a non-boolean progress-notes-requested', push('progress-notes-requested="yes"')],
    ['a notify URL that is not http(s)', push('ppg-notify-requested-to="file:///etc/passwd"')],
    ['replace-method without replace-push-id', push('replace-method="all"')],
    ['replace-push-id in PAP 1.0', papDoc(`<push-message push-id="a" replace-push-id="b">${ADDRESS}</push-message>`, '1.0')],
    ['two operations', papDoc('<statusquery-message push-id="a"/><cancel-message push-id="a"/>')],
    ['a response sent as a request', papDoc('<push-response push-id="a"/>')],
    ['a root other than pap', papDoc('').replace('<pap></pap>', '<pop/>')],
    ['a ccq-message without an address', papDoc('<ccq-message query-id="q"/>')],
    ['a result code that is not a PAP code', papDoc('<resultnotification-response push-id="a"><response-result code="9000"/></resultnotification-response>')],
  ])('%s → 2000', (_name, input) => {
    expect(errorOf(input).code).toBe(2000);
  });

  it('tags a 2000 found after the DOCTYPE with the document version', () => {
    expect(errorOf(papDoc('<push-response push-id="a"/>', '1.0')).version).toBe('1.0');
  });

  it.each([
    ['#13 SQL metacharacters in an address', push('', `<address address-value="WAPPUSH=1'%20OR%20'1'='1/TYPE=PLMN"/>`)],
    ['#20 an MSISDN with spaces', push('', '<address address-value="WAPPUSH=+43 664 1234567/TYPE=PLMN"/>')],
    ['#20 an MSISDN of 16 digits', push('', '<address address-value="WAPPUSH=+1234567890123456/TYPE=PLMN"/>')],
    ['#20 homoglyph digits', push('', '<address address-value="WAPPUSH=+٤٣٦٦٤/TYPE=PLMN"/>')],
  ])('%s → 2002', (_name, input) => {
    expect(errorOf(input).code).toBe(2002);
  });

  it('an address element without address-value → 2000', () => {
    expect(errorOf(push('', '<address foo="x"/>')).code).toBe(2000);
  });

  it('#2 XXE is refused at the declaration, before any read or fetch', () => {
    expect(errorOf(fixture('bad-xxe-system-entity.xml')).desc).toMatch(/XML entity/);
  });

  it('#13 10,000 addresses → 2002 on the count cap, and the cap is configurable', () => {
    const many = (n: number): string => Array.from({ length: n }, (_, i) => `<address address-value="WAPPUSH=+${1000 + i}/TYPE=PLMN"/>`).join('');
    const error = errorOf(push('', many(10_000)));
    expect(error.code).toBe(2002);
    expect(error.desc).toMatch(/more than 1000 addresses/);
    expect(errorOf(push('', many(11)), { ...opts, maxAddresses: 10 }).code).toBe(2002);
    const ok = parsePapDocument(push('', many(1000)), opts);
    expect(ok.kind === 'push-message' && ok.addresses).toHaveLength(1000);
  });

  it('names the faulty address among several', () => {
    const error = errorOf(push('', `${ADDRESS}<address address-value="WAPPUSH=x/TYPE=PLMN"/>`));
    expect(error).toMatchObject({ code: 2002, desc: expect.stringMatching(/^address 2:/) });
  });
});
