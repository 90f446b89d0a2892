import { parseXml } from '@waken/xml';
import { parsePapDocument } from './pap-document-parser';
import { PapError } from './pap-error';
import { writePapErrorResponse } from './pap-error-response.writer';
import { ADDRESS, FIXTURE_NOW, fixture, papDoc } from './testing/fixtures';

function refusal(text: string): PapError {
  try {
    parsePapDocument(text, { now: FIXTURE_NOW });
  } catch (e) {
    if (e instanceof PapError) return e;
    throw e;
  }
  throw new Error('parsed without error');
}

function answer(text: string): { publicId?: string; name: string; code?: string; fragment?: string } {
  const doc = parseXml(writePapErrorResponse(refusal(text)));
  const op = doc.root.children[0];
  const result = op.children.find((c) => c.name.endsWith('result')) ?? op;
  return { publicId: doc.doctype?.publicId, name: op.name, code: result.attributes.code, fragment: op.attributes['bad-message-fragment'] };
}

describe('writePapErrorResponse', () => {
  it('answers a bad address in a push with push-response 2002, in the PI version', () => {
    const text = papDoc('<push-message push-id="p9"><address address-value="WAPPUSH=+1 2/TYPE=PLMN"/></push-message>', '1.0');
    expect(answer(text)).toMatchObject({ name: 'push-response', code: '2002', publicId: '-//WAPFORUM//DTD PAP 1.0//EN' });
  });

  it('answers a bad cancel with cancel-response and a bad ccq with ccq-response', () => {
    expect(answer(papDoc('<cancel-message push-id="p"><address address-value="x"/></cancel-message>'))).toMatchObject({
      name: 'cancel-response',
      code: '2002',
    });
    expect(answer(papDoc('<ccq-message query-id="q"><address address-value="x"/></ccq-message>'))).toMatchObject({
      name: 'ccq-response',
      code: '2002',
    });
  });

  it('answers an unparseable request with badmessage-response 2000 and its fragment', () => {
    expect(answer(fixture('bad-billion-laughs.xml'))).toMatchObject({ name: 'badmessage-response', code: '2000' });
    const unreadableId = answer(papDoc(`<push-message>${ADDRESS}</push-message>`));
    expect(unreadableId).toMatchObject({ name: 'badmessage-response', code: '2000' });
    expect(unreadableId.fragment).toContain('<?xml');
  });

  it('answers an unknown version with badmessage-response 3002 in our default version', () => {
    expect(answer(fixture('bad-pap-3.0.xml'))).toMatchObject({
      name: 'badmessage-response',
      code: '3002',
      publicId: '-//WAPFORUM//DTD PAP 2.0//EN',
    });
  });

  it('answers 3002 in the best version the PI lists in wap-pap-ver', () => {
    const text = papDoc('<statusquery-message push-id="a"/>', '3.0', ' [<?wap-pap-ver supported-versions="3.0,2.*"?>]');
    expect(answer(text)).toMatchObject({ code: '3002', publicId: '-//WAPFORUM//DTD PAP 2.3//EN' });
  });
});
