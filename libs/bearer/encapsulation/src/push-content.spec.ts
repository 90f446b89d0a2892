import { decompileWbxml } from '@waken/bearer-wbxml';
import { decodeWspPush } from '@waken/bearer-wsp';
import { toHex } from '@waken/wire';
import { compilePushContent, contentWspPush } from './push-content';
import { smsSegmentsFor } from './sms-segments';

// si-sl-wbxml.md §5 and wsp-wdp-sms.md §7: the verified SI example, 68 octets of WBXML.
const SI_XML = `<?xml version="1.0"?>
<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
<si>
<indication href="http://www.example.org/inbox" si-id="msg-42" action="signal-high"
  created="2024-05-01T12:30:00Z" si-expires="2024-05-08T00:00:00Z">You have mail</indication>
</si>`;
const SI_WBXML =
  '02056a0045c60d036578616d706c65008803696e626f780011036d73672d343200080ac30620240501123010c304202405080103596f752068617665206d61696c000101';
const SL_XML = '<sl href="https://www.example.com/app" action="execute-high"/>';

describe('content encapsulation (seed §S6 for bearers carrying push content)', () => {
  it('SI over SMS is byte for byte the digest example: UDH, 01 06 03 AE AF 82, WBXML', () => {
    const content = compilePushContent(SI_XML);
    expect(content.contentType).toBe('application/vnd.wap.sic');
    const [segment, ...rest] = smsSegmentsFor(contentWspPush(content, { tid: 1 }), 'msg-42');
    expect(rest).toEqual([]);
    expect(toHex(segment)).toBe(`0605040b8423f0010603aeaf82${SI_WBXML}`);
  });

  it('compiles SL and CO to their binary types, addressed to wml.ua', () => {
    expect(compilePushContent(SL_XML)).toEqual({ contentType: 'application/vnd.wap.slc', body: Uint8Array.from(Buffer.from('02066a00850c036578616d706c650085036170700006' + '01', 'hex')) });
    const co = compilePushContent('<co><invalidate-object uri="http://www.example.com/a"/></co>');
    expect(co.contentType).toBe('application/vnd.wap.coc');
    const push = decodeWspPush(contentWspPush(co, { tid: 9 }));
    expect(push).toMatchObject({ tid: 9, contentType: { type: 'application/vnd.wap.coc' }, applicationId: 'x-wap-application:wml.ua' });
    expect(decompileWbxml(push.body).root.name).toBe('co');
  });

  it('keeps the XML for a textual type and checks a binary type against the document', () => {
    expect(compilePushContent(SL_XML, 'text/vnd.wap.sl').body).toEqual(new TextEncoder().encode(SL_XML));
    expect(compilePushContent(SL_XML, 'application/vnd.wap.slc').contentType).toBe('application/vnd.wap.slc');
    expect(() => compilePushContent(SL_XML, 'application/vnd.wap.sic')).toThrow(expect.objectContaining({ reason: 'bad-content' }));
    expect(() => compilePushContent(SL_XML, 'image/png')).toThrow(expect.objectContaining({ reason: 'bad-content' }));
  });

  it('refuses unsafe or foreign XML as bad content', () => {
    for (const xml of ['<!DOCTYPE x [<!ENTITY a "b">]><si/>', '<html/>', '<si><bogus/></si>', '<si>']) {
      expect(() => compilePushContent(xml)).toThrow(expect.objectContaining({ name: 'EncapsulationError', reason: 'bad-content' }));
    }
  });
});
