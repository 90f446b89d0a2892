import { ContentPolicyError, ContentPolicyReason } from './content-policy-error';
import { checkPushContent } from './content-policy';
import { fixture } from './testing/fixtures';

const untrusted = { trusted: false };
const trusted = { trusted: true };

function reasonOf(type: string, body: string | Buffer, options = untrusted): ContentPolicyReason | undefined {
  try {
    checkPushContent(type, typeof body === 'string' ? Buffer.from(body) : body, options);
  } catch (e) {
    if (e instanceof ContentPolicyError) return e.reason;
    throw e;
  }
  return undefined;
}

const si = (href: string): string => `<si><indication href="${href}">x</indication></si>`;
const sl = (href: string, action = 'execute-low'): string => `<sl href="${href}" action="${action}"/>`;

describe('checkPushContent (reliability.md #15)', () => {
  it('accepts http(s) SI, SL and CO from any PI', () => {
    expect(reasonOf('text/vnd.wap.si', fixture('si-http.xml'))).toBeUndefined();
    expect(reasonOf('text/vnd.wap.sl', sl('https://example.org/x'))).toBeUndefined();
    expect(reasonOf('TEXT/VND.WAP.CO', fixture('co-invalidate.xml'))).toBeUndefined();
    expect(reasonOf('text/vnd.wap.si', '<si><indication si-id="1" action="delete"/></si>')).toBeUndefined();
  });

  it.each([
    ['SI with a tel: href', 'text/vnd.wap.si', si('tel:+4312345')],
    ['SI with a javascript: href', 'text/vnd.wap.si', fixture('si-javascript.xml')],
    ['SI with a file: href', 'text/vnd.wap.si', si('file:///etc/passwd')],
    ['SI with an href padded by a space', 'text/vnd.wap.si', si(' javascript:x')],
    ['SI with a relative href', 'text/vnd.wap.si', si('/inbox')],
    ['SL with a tel: href', 'text/vnd.wap.sl', sl('tel:+4312345')],
    ['SL with a javascript: href', 'text/vnd.wap.sl', sl('JavaScript:alert(1)')],
    ['CO with a file: uri', 'text/vnd.wap.co', '<co><invalidate-object uri="file:///x"/></co>'],
  ])('refuses %s with 2001', (_name, type, body) => {
    expect(reasonOf(type, body)).toBe('scheme-not-allowed');
    expect(reasonOf(type, body, trusted)).toBe('scheme-not-allowed');
  });

  it('allows SL execute-high only from a trusted PI', () => {
    expect(reasonOf('text/vnd.wap.sl', fixture('sl-execute-high.xml'))).toBe('execute-high-untrusted');
    expect(reasonOf('text/vnd.wap.sl', fixture('sl-execute-high.xml'), trusted)).toBeUndefined();
  });

  it('allows binary SI/SL/CO only from a trusted PI, since they cannot be inspected here', () => {
    for (const type of ['application/vnd.wap.sic', 'application/vnd.wap.slc', 'application/vnd.wap.coc']) {
      expect(reasonOf(type, Buffer.from([0x02, 0x05, 0x6a, 0x00]))).toBe('binary-not-inspectable');
      expect(reasonOf(type, Buffer.from([0x02, 0x05, 0x6a, 0x00]), trusted)).toBeUndefined();
    }
  });

  it('passes other content types through untouched', () => {
    expect(reasonOf('application/vnd.wap.mms-message', Buffer.from([0xff, 0x00]))).toBeUndefined();
    expect(reasonOf('text/plain', 'javascript:alert(1)')).toBeUndefined();
  });

  it.each<[string, string, string | Buffer, ContentPolicyReason]>([
    ['an SL without href', 'text/vnd.wap.sl', '<sl/>', 'missing-href'],
    ['an SI with an entity bomb', 'text/vnd.wap.si', '<!DOCTYPE si [<!ENTITY a "aaaa">]><si>&a;</si>', 'unparseable'],
    ['unparseable SI', 'text/vnd.wap.si', '<si><indication>', 'unparseable'],
    ['invalid UTF-8', 'text/vnd.wap.si', Buffer.from([0x3c, 0xc3, 0x28]), 'invalid-utf8'],
    ['an SL document sent as SI', 'text/vnd.wap.si', sl('http://x.org/'), 'wrong-root'],
  ])('refuses %s', (_name, type, body, reason) => {
    expect(reasonOf(type, body)).toBe(reason);
  });

  it('maps reasons to PAP codes', () => {
    expect(new ContentPolicyError('unparseable', '').papCode).toBe(2000);
    expect(new ContentPolicyError('scheme-not-allowed', '').papCode).toBe(2001);
    expect(new ContentPolicyError('execute-high-untrusted', '').papCode).toBe(2001);
  });
});
