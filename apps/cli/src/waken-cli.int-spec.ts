// `waken` as users run it: bin/waken.js in a child process. Round trips through encode and decode,
// bad input (exit 2, a message, no stack), and our UDP output read by TShark, a decoder nobody here wrote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SirComposedV1 } from '@waken/contracts';

const BIN = resolve(__dirname, '../../../bin/waken.js');
const SI = `<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
<si><indication href="http://www.example.org/inbox" si-id="msg-42" action="signal-high" created="2024-05-01T12:30:00Z">${'You have mail. '.repeat(10)}</indication></si>`;
const composed = { ...SirComposedV1.example, sir: { ...SirComposedV1.example.sir, expiresAt: '2030-01-01T00:00:00.000Z' } };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'waken-cli-'));
  writeFileSync(join(dir, 'si.xml'), SI);
  writeFileSync(join(dir, 'composed.json'), JSON.stringify(composed));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function waken(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000, cwd: dir });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function pcapOf(hex: string, name: string): string {
  const bytes = Buffer.from(hex, 'hex');
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) lines.push(`${at.toString(16).padStart(6, '0')}  ${bytes.subarray(at, at + 16).toString('hex').replace(/(..)(?!$)/g, '$1 ')}`);
  writeFileSync(join(dir, `${name}.txt`), `${lines.join('\n')}\n`);
  const made = spawnSync('text2pcap', ['-q', '-u', '9200,2948', join(dir, `${name}.txt`), join(dir, `${name}.pcap`)], { timeout: 10_000 });
  expect(made.status).toBe(0);
  return join(dir, `${name}.pcap`);
}

describe('bin/waken.js', () => {
  it('decodes the SMS segments that encode produced (round trip, concatenated)', () => {
    const encoded = waken(['encode', '--bearer', 'sms', '--content', 'si.xml']);
    expect(encoded).toMatchObject({ status: 0, stderr: '' });
    const segments = encoded.stdout.trim().split('\n');
    expect(segments.length).toBeGreaterThan(1);
    const decoded = waken(['decode', '--bearer', 'sms', '--hex', segments.join(',')]);
    expect(decoded.status).toBe(0);
    const view = JSON.parse(decoded.stdout);
    expect(view).toMatchObject({ ports: { source: 9200, destination: 2948 }, segments: segments.length, wsp: { pduType: 'push', contentType: 'application/vnd.wap.sic', applicationId: 'x-wap-application:wml.ua' } });
    expect(view.content.xml).toContain('si-id="msg-42"');
  });

  it('pipes a SIR from encode into decode over SMS and SIP', () => {
    const sms = waken(['decode', '--bearer', 'sms', '--hex', '-'], waken(['encode', '--bearer', 'sms', '--sir', 'composed.json']).stdout);
    expect(JSON.parse(sms.stdout).content).toMatchObject({ kind: 'sir', sir: composed.sir, applicationIds: ['x-wap-application:wml.ua'] });
    const sip = spawnSync(process.execPath, [BIN, 'encode', '--bearer', 'sip', '--sir', 'composed.json'], { cwd: dir, timeout: 60_000 });
    const viaSip = waken(['decode', '--bearer', 'sip', '--file', '-'], sip.stdout);
    expect(JSON.parse(viaSip.stdout).content.sir).toEqual(composed.sir);
  });

  it('bad hex: exit code 2 and a clear message, no stack trace', () => {
    for (const hex of ['xyz', '0605040b84', '']) {
      const r = waken(['decode', '--bearer', 'sms', '--hex', hex]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^waken decode: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
    expect(waken(['encode', '--bearer', 'sms', '--content', 'nope.xml']).status).toBe(2);
  });

  it('TShark agrees with our UDP output: SI content and a SIR (tshark -V)', () => {
    const si = waken(['encode', '--bearer', 'udp', '--content', 'si.xml']).stdout.trim();
    const sir = waken(['encode', '--bearer', 'udp', '--sir', 'composed.json']).stdout.trim();
    for (const [name, hex] of [['si', si], ['sir', sir]]) {
      const shown = spawnSync('tshark', ['-r', pcapOf(hex, name), '-V'], { encoding: 'utf8', timeout: 30_000 });
      expect(shown.status).toBe(0);
      expect(shown.stdout).toContain('Wireless Session Protocol, Method: Push (0x06)');
      expect(shown.stdout).not.toMatch(/Malformed Packet|Expert Info \(Error/);
      if (name === 'si') {
        expect(shown.stdout).toMatch(/Content-Type: application\/vnd\.wap\.sic/);
        expect(shown.stdout).toMatch(/X-Wap-Application-Id: x-wap-application:wml\.ua/);
        expect(shown.stdout).toContain('SI 1.0');
        expect(shown.stdout).toContain('msg-42');
      } else {
        expect(shown.stdout).toMatch(/Content-Type: application\/vnd\.wap\.sia/);
        expect(shown.stdout).toMatch(/X-Wap-Application-Id: x-wap-application:push\.sia/);
        expect(shown.stdout).toContain('Session Initiation Request');
        expect(shown.stdout).toContain('X-Waken-Device-Id: uuid; urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6');
      }
    }
  });
});
