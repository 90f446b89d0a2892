import { isPrivateAddress, notifyUrlProblem } from './notify-url-policy';

describe('notify URL policy (SSRF, OWASP API7)', () => {
  it('knows the private, loopback, link-local and CGNAT ranges', () => {
    for (const ip of ['10.1.2.3', '127.0.0.1', '169.254.169.254', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1']) {
      expect(isPrivateAddress(ip)).toBe(true);
    }
    for (const ip of ['8.8.8.8', '172.32.0.1', '2001:db8::1', '100.128.0.1']) expect(isPrivateAddress(ip)).toBe(false);
  });

  it('accepts http(s) URLs, refuses other schemes, credentials, private literals (unless allowed) and junk', () => {
    expect(notifyUrlProblem('https://pi.example.com/notify', false)).toBeUndefined();
    expect(notifyUrlProblem('ftp://pi.example.com/', false)).toMatch(/http/);
    expect(notifyUrlProblem('https://u:p@pi.example.com/', false)).toMatch(/credentials/);
    expect(notifyUrlProblem('http://127.0.0.1:8080/n', false)).toMatch(/private/);
    expect(notifyUrlProblem('http://[::1]/n', false)).toMatch(/private/);
    expect(notifyUrlProblem('http://localhost/n', false)).toMatch(/private/);
    expect(notifyUrlProblem('http://127.0.0.1:8080/n', true)).toBeUndefined();
    expect(notifyUrlProblem('not a url', false)).toBeDefined();
    expect(notifyUrlProblem(`https://x.example/${'a'.repeat(1100)}`, false)).toMatch(/long/);
  });
});
