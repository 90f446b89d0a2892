import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One text2pcap hexdump block per packet: offset, then up to 16 octets per line. */
export function hexdump(packets: Uint8Array[]): string {
  return packets
    .map((bytes) => {
      const lines: string[] = [];
      for (let at = 0; at < bytes.length; at += 16) {
        lines.push(`${at.toString(16).padStart(6, '0')}  ${Array.from(bytes.subarray(at, at + 16), (b) => b.toString(16).padStart(2, '0')).join(' ')}`);
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

/**
 * Writes packets to a pcap with text2pcap (`-u src,dst` for UDP, or `-l <linktype>`) and returns, per
 * packet, every value TShark shows for each field. The temp directory is removed afterwards.
 */
export function dissect(packets: Uint8Array[], framing: string[], fields: string[]): Record<string, string[]>[] {
  const dir = mkdtempSync(join(tmpdir(), 'waken-encap-'));
  try {
    const text = join(dir, 'in.txt');
    const pcap = join(dir, 'out.pcap');
    writeFileSync(text, `${hexdump(packets)}\n`);
    execFileSync('text2pcap', ['-q', ...framing, text, pcap], { timeout: 10_000, stdio: 'pipe' });
    const args = ['-r', pcap, '-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=/t', '-E', 'aggregator=\u0001', ...fields.flatMap((f) => ['-e', f])];
    const out = execFileSync('tshark', args, { timeout: 30_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out
      .trimEnd()
      .split('\n')
      .map((line) => Object.fromEntries(line.split('\t').map((value, i) => [fields[i], value === '' ? [] : value.split('\u0001')])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
