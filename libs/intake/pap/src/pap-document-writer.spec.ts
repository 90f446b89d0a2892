import { parseXml, XmlElement } from '@waken/xml';
import { parseMultipartRelated } from './multipart-related';
import { buildMultipartRelated } from './multipart-related-builder';
import { PAP_MESSAGE_STATES } from './pap-message-state';
import { PAP_STATUS } from './pap-status';
import {
  WAKEN_PAP_NAMESPACE,
  writeBadMessageResponse,
  writeCancelResponse,
  writeCcqResponse,
  writePushResponse,
  writeResultNotificationMessage,
  writeStatusQueryResponse,
} from './pap-document-writer';
import { isPapVersionSubset, PAP_VERSIONS } from './pap-version';

const T = new Date('2024-05-01T12:00:00.123Z');

function read(text: string): { publicId?: string; op: XmlElement; subset?: string } {
  const doc = parseXml(text, { allowInternalSubset: isPapVersionSubset });
  expect(doc.root.name).toBe('pap');
  return { publicId: doc.doctype?.publicId, op: doc.root.children[0], subset: doc.doctype?.internalSubset };
}

describe('PAP response writers (seed §S12)', () => {
  it.each(PAP_VERSIONS)('writes the DOCTYPE of PAP %s, the version the PI used', (version) => {
    const { publicId } = read(writePushResponse({ pushId: 'p', result: { code: 1001 } }, { version }));
    expect(publicId).toBe(`-//WAPFORUM//DTD PAP ${version}//EN`);
  });

  it('writes the typical push-response of pap.md §8, PAP 2.0 by default', () => {
    const text = writePushResponse({ pushId: '42@pi.example.com', result: { code: 1001 } });
    expect(text).toContain('<!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 2.0//EN" "http://www.wapforum.org/DTD/pap_2.0.dtd">');
    expect(text).toContain(
      '<pap><push-response push-id="42@pi.example.com"><response-result code="1001" desc="Accepted for processing"/></push-response></pap>',
    );
  });

  it('writes sender, reply-time and progress notes when asked for, and can announce our versions', () => {
    const { op, subset } = read(
      writePushResponse(
        {
          pushId: 'p',
          senderAddress: 'https://ppg.example.com/pap',
          senderName: 'Waken PPG',
          replyTime: T,
          progressNotes: [{ stage: 'accepted', note: 'queued for 2 devices', time: T.getTime() }],
          result: { code: 1001, desc: 'queued' },
        },
        { supportedVersions: ['2.0', '1.*'], productName: 'Waken' },
      ),
    );
    expect(subset).toBe('<?wap-pap-ver supported-versions="2.0,1.*"?>');
    expect(op.attributes).toEqual({
      'push-id': 'p',
      'sender-address': 'https://ppg.example.com/pap',
      'sender-name': 'Waken PPG',
      'reply-time': '2024-05-01T12:00:00Z',
    });
    expect(op.children.map((c) => [c.name, c.attributes])).toEqual([
      ['progress-note', { stage: 'accepted', note: 'queued for 2 devices', time: '2024-05-01T12:00:00Z' }],
      ['response-result', { code: '1001', desc: 'queued' }],
    ]);
  });

  it.each(Object.entries(PAP_STATUS))('push-response carries %s with its default desc', (code, [name]) => {
    const { op } = read(writePushResponse({ pushId: 'p', result: { code: Number(code) } }));
    expect(op.children[0].attributes).toEqual({ code, desc: name });
  });

  it('cancel-response: 1000 per address, 2004 unknown push-id, 2008 not possible', () => {
    const { op } = read(
      writeCancelResponse({
        pushId: 'p',
        results: [
          { code: 1000, addresses: ['WAPPUSH=+1/TYPE=PLMN', 'WAPPUSH=+2/TYPE=PLMN'] },
          { code: 2008, addresses: ['WAPPUSH=+3/TYPE=PLMN'] },
        ],
      }),
    );
    expect(op.name).toBe('cancel-response');
    expect(op.children.map((r) => [r.attributes.code, r.children.map((a) => a.attributes['address-value'])])).toEqual([
      ['1000', ['WAPPUSH=+1/TYPE=PLMN', 'WAPPUSH=+2/TYPE=PLMN']],
      ['2008', ['WAPPUSH=+3/TYPE=PLMN']],
    ]);
    expect(read(writeCancelResponse({ pushId: 'x', results: [{ code: 2004 }] })).op.children[0].attributes.desc).toBe('Push ID not found');
  });

  it.each(PAP_MESSAGE_STATES)('statusquery-result with message-state %s', (state) => {
    const { op } = read(
      writeStatusQueryResponse({
        pushId: 'p',
        results: [
          {
            code: 1000,
            messageState: state,
            eventTime: '2024-05-01T12:00:00Z',
            addresses: ['WAPPUSH=+1/TYPE=PLMN'],
            qos: { priority: 'high', deliveryMethod: 'confirmed', networkRequired: false, bearerRequired: true, bearer: 'SMS' },
          },
        ],
      }),
    );
    const result = op.children[0];
    expect(result.attributes).toEqual({ 'event-time': '2024-05-01T12:00:00Z', 'message-state': state, code: '1000', desc: 'OK' });
    expect(result.children.map((c) => c.name)).toEqual(['address', 'quality-of-service']);
    expect(result.children[1].attributes).toEqual({ priority: 'high', 'delivery-method': 'confirmed', bearer: 'SMS', 'bearer-required': 'true' });
  });

  it('ccq-response travels as multipart/related: XML first, RDF second (pap.md §1)', () => {
    const xml = writeCcqResponse({ queryId: 'q1', result: { code: 3008 }, address: 'WAPPUSH=+1/TYPE=PLMN' });
    const built = buildMultipartRelated([
      { contentType: 'application/xml; charset=UTF-8', body: Buffer.from(xml) },
      { contentType: 'application/rdf+xml', body: Buffer.from('<rdf:RDF/>') },
    ]);
    const parts = parseMultipartRelated(built.body, built.contentType).parts;
    const { op } = read(parts[0].body.toString());
    expect(op.attributes).toEqual({ 'query-id': 'q1', code: '3008', desc: 'Capabilities not available' });
    expect(parts[1].mediaType).toBe('application/rdf+xml');
  });

  it('resultnotification-message with the wake report extension', () => {
    const { op } = read(
      writeResultNotificationMessage({
        pushId: 'p',
        address: 'WAPPUSH=sip%3Aa%40b.c/TYPE=USER',
        messageState: 'delivered',
        result: { code: 1000 },
        senderName: 'Waken',
        receivedTime: '2024-05-01T12:00:00Z',
        eventTime: T,
        wake: { devicesWoken: 2, devicesConnected: 1, wakeMode: 'targeted', bearers: ['sip', 'sms'] },
      }),
    );
    expect(op.name).toBe('resultnotification-message');
    expect(op.attributes).toMatchObject({
      'received-time': '2024-05-01T12:00:00Z',
      'event-time': '2024-05-01T12:00:00Z',
      'message-state': 'delivered',
      code: '1000',
      'xmlns:waken': WAKEN_PAP_NAMESPACE,
      'waken:devices-woken': '2',
      'waken:devices-connected': '1',
      'waken:wake-mode': 'targeted',
      'waken:bearers': 'sip sms',
    });
    expect(op.children[0].attributes['address-value']).toBe('WAPPUSH=sip%3Aa%40b.c/TYPE=USER');
  });

  it.each([5000, 5028, 4000, 3009, 3010])('resultnotification-message reports failure %d', (code) => {
    const { op } = read(
      writeResultNotificationMessage({ pushId: 'p', address: 'WAPPUSH=+1/TYPE=PLMN', messageState: 'undeliverable', result: { code } }),
    );
    expect(op.attributes.code).toBe(String(code));
    expect(Object.keys(op.attributes).some((a) => a.startsWith('waken:'))).toBe(false);
  });

  it('badmessage-response echoes a fragment safely, even with quotes, markup and control characters', () => {
    const fragment = '<pap><push-message push-id="a\u0001">&';
    const { op } = read(writeBadMessageResponse({ result: { code: 2000 }, badMessageFragment: fragment }, { version: '1.0' }));
    expect(op.attributes).toEqual({ code: '2000', desc: 'Bad request', 'bad-message-fragment': '<pap><push-message push-id="a\uFFFD">&' });
  });

  it('refuses what would make an invalid document', () => {
    expect(() => writePushResponse({ pushId: 'p', result: { code: 42 } })).toThrow(RangeError);
    expect(() => writePushResponse({ pushId: 'p', result: { code: 1001 }, replyTime: 'yesterday' })).toThrow(RangeError);
    expect(() => writePushResponse({ pushId: 'p\u0000', result: { code: 1001 } })).toThrow(RangeError);
    const wake = { devicesWoken: -1, devicesConnected: 0, wakeMode: 'single' } as const;
    const message = { pushId: 'p', address: 'a', messageState: 'delivered', result: { code: 1000 }, wake } as const;
    expect(() => writeResultNotificationMessage(message)).toThrow(RangeError);
  });
});

describe('badmessage-response fragments', () => {
  it('keeps paired surrogates and replaces lone ones', () => {
    const { op } = read(writeBadMessageResponse({ result: { code: 2000 }, badMessageFragment: 'a🙂\uD800b\uDC00\uFFFE' }));
    expect(op.attributes['bad-message-fragment']).toBe('a🙂\uFFFDb\uFFFD\uFFFD');
  });
});
