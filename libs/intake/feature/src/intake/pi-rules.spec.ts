import fc from 'fast-check';
import { checkRules, globMatches } from './pi-rules';

const rules = { allowedUserPatterns: ['sip:*@a.example', 'tel:+43*'], allowedApplications: ['x-wap-application:*'], allowedContentTypes: ['text/*', 'application/vnd.wap.sic'], trusted: false, quotaPerSecond: 1 };
const sub = (identity: string, mediaType = 'text/plain', applicationId: string | null = 'x-wap-application:wml.ua') => ({
  recipients: [{ addressValue: identity, addressType: 'USER', publicUserIdentity: identity }],
  content: { mediaType, body: Buffer.alloc(0), ...(applicationId !== null && { applicationId }) },
});

describe('PI rules (reliability.md (d))', () => {
  it('globs: * is any run, the rest literal (no regex from PI data)', () => {
    expect(globMatches('sip:*@a.example', 'sip:anna@a.example')).toBe(true);
    expect(globMatches('sip:*@a.example', 'sip:anna@b.example')).toBe(false);
    expect(globMatches('sip:*@a.example', 'sip:x@a.example.evil')).toBe(false);
    expect(globMatches('a*b*c', 'abc')).toBe(true);
    expect(globMatches('a*b*c', 'acb')).toBe(false);
    expect(globMatches('ab*ba', 'aba')).toBe(false);
    expect(globMatches('sip:.+', 'sip:xx')).toBe(false);
  });

  it('property: without * a pattern matches only itself; * matches everything; a*b agrees with prefix/suffix', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('*')), fc.string(), (p, v) => {
        expect(globMatches(p, v)).toBe(p === v);
        expect(globMatches('*', v)).toBe(true);
        expect(globMatches(`${p}*`, v)).toBe(v.startsWith(p));
      }),
    );
  });

  it('refuses users, content types and applications outside the rules', () => {
    expect(checkRules(rules, sub('sip:anna@a.example'))).toBeUndefined();
    expect(checkRules(rules, sub('tel:+4312345'))).toBeUndefined();
    expect(checkRules(rules, sub('sip:carl@b.example'))?.desc).toContain('may not push to');
    expect(checkRules(rules, sub('sip:anna@a.example', 'application/octet-stream'))?.desc).toContain('application/octet-stream');
    expect(checkRules(rules, sub('sip:anna@a.example', 'text/plain', 'other'))?.desc).toContain('application');
    expect(checkRules(rules, sub('sip:anna@a.example', 'text/plain', null))).toBeDefined();
    expect(checkRules({ ...rules, allowedApplications: ['*'] }, sub('sip:anna@a.example', 'text/plain', null))).toBeUndefined();
  });
});
