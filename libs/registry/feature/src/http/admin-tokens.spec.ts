import { parseAdminTokens, tenantOfToken } from './admin-tokens';

describe('admin tokens', () => {
  const tokens = parseAdminTokens('tenantA:aaaaaaaaaaaaaaaa-1, tenantB:bbbbbbbbbbbbbbbb-1,tenantA:aaaaaaaaaaaaaaaa-2');

  it('maps each token to its tenant, several per tenant allowed', () => {
    expect(tenantOfToken(tokens, 'aaaaaaaaaaaaaaaa-1')).toBe('tenantA');
    expect(tenantOfToken(tokens, 'aaaaaaaaaaaaaaaa-2')).toBe('tenantA');
    expect(tenantOfToken(tokens, 'bbbbbbbbbbbbbbbb-1')).toBe('tenantB');
    expect(tenantOfToken(tokens, 'bbbbbbbbbbbbbbbb-')).toBeUndefined();
    expect(tenantOfToken(tokens, '')).toBeUndefined();
  });

  it('keeps only digests', () => {
    expect(JSON.stringify(tokens)).not.toContain('aaaaaaaaaaaaaaaa');
    expect(tokens[0].sha256).toHaveLength(32);
  });

  it('refuses malformed entries and short tokens without echoing the secret', () => {
    expect(() => parseAdminTokens('no-colon-here-at-all')).toThrow(/entry 1/);
    expect(() => parseAdminTokens(':tokentokentokentoken')).toThrow(/entry 1/);
    expect(() => parseAdminTokens('t/x:tokentokentokentoken')).toThrow(/tenant id/);
    const short = () => parseAdminTokens('ok:aaaaaaaaaaaaaaaa,t:short');
    expect(short).toThrow(/entry 2 \(t\): token shorter than 16/);
    expect(short).not.toThrow(/short$/);
  });
});
