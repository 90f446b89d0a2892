import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSir } from './sir-composer';
import { decodeSia, encodeSia } from './sia-codec';
import { ipv4ContactPoint, type SiaContactPoint } from './sia-contact-point';
import { context, request } from './test-support/sir-fixtures';

/** Connectionless WSP Push (wsp-wdp-sms.md §4): TID, Push, HeadersLen, CT sia (0xB4), AppId push.sia (0xAF 0x81). */
function wspPush(body: Uint8Array): Uint8Array {
  const headers = [0xb4, 0xaf, 0x81];
  return Uint8Array.from([0x01, 0x06, headers.length, ...headers, ...body]);
}

/** text2pcap's hexdump input: offset then up to 16 octets per line. */
function hexdump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const octets = [...bytes.subarray(at, at + 16)].map((b) => b.toString(16).padStart(2, '0'));
    lines.push(`${at.toString(16).padStart(6, '0')} ${octets.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('SIA bytes as TShark dissects them (sia-sir.md §2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waken-sia-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** UDP 9200 → 2948 (WDP connectionless push ports) through text2pcap, then `tshark -V`. */
  function dissect(name: string, pdu: Uint8Array): string {
    const dump = join(dir, `${name}.txt`);
    const pcap = join(dir, `${name}.pcap`);
    writeFileSync(dump, hexdump(pdu));
    execFileSync('text2pcap', ['-q', '-u', '9200,2948', dump, pcap], { timeout: 30_000, stdio: 'pipe' });
    return execFileSync('tshark', ['-r', pcap, '-V'], { timeout: 60_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  it('decodes the Push PDU and every standard SIA field of a targeted SIR', () => {
    const sia = encodeSia(composeSir(request(), context()), { contactPoints: [ipv4ContactPoint('192.0.2.1')] });
    const out = dissect('targeted', wspPush(sia));
    expect(out).toContain('Wireless Session Protocol, Method: Push (0x06), Content-Type: application/vnd.wap.sia');
    expect(out).toContain('PDU Type: Push (0x06)');
    expect(out).toContain('X-Wap-Application-Id: x-wap-application:push.sia');
    expect(out).toContain('Session Initiation Request');
    expect(out).toMatch(/^\s+Version: 0$/m);
    expect(out).toContain('Application-ID List Length: 2');
    expect(out).toContain('X-Wap-Application-Id: x-wap-application:wml.ua');
    expect(out).toContain('WSP Contact Points Length: 8');
    expect(out).toContain('Bearer Type: IPv4 (0x00)');
    expect(out).toContain('IPv4 Address: 192.0.2.1');
    // The Waken extension after the contact points must not upset the dissector.
    expect(out).not.toMatch(/Malformed|Exception|Expert Info/);
  });

  it('decodes a text application id and several contact points', () => {
    const doc = { ...composeSir(request({ mode: 'broadcast' }), context()), applicationId: 'x-oma-application:dcd.ua' };
    const points: SiaContactPoint[] = [ipv4ContactPoint('198.51.100.7'), ipv4ContactPoint('203.0.113.9', 9203)];
    const sia = encodeSia(doc, { contactPoints: points });
    expect(decodeSia(sia).sir).toEqual(doc);
    const out = dissect('broadcast', wspPush(sia));
    expect(out).toContain('X-Wap-Application-Id: x-oma-application:dcd.ua');
    expect(out).toContain('Address Record: 2');
    expect(out).toContain('IPv4 Address: 198.51.100.7');
    expect(out).toContain('IPv4 Address: 203.0.113.9');
    expect(out).not.toMatch(/Malformed|Exception|Expert Info/);
  });
});
