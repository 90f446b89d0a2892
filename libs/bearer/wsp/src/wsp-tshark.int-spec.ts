import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHex } from '@waken/wire';
import { compileSi, compileSl } from '@waken/bearer-wbxml';
import { encodeWspPush, WSP_APPLICATION_IDS, WSP_CONTENT_TYPES, type WspPush } from './index';

// Our PDUs inside UDP 9200 → 2948 (wsp-wdp-sms.md §1), dissected by TShark's WSP and WBXML
// dissectors: the independent decoder the digest's examples were verified with.
const SI_XML = `<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
<si><indication href="http://www.example.org/inbox" si-id="msg-42" action="signal-high"
  created="2024-05-01T12:30:00Z" si-expires="2024-05-08T00:00:00Z">You have mail</indication></si>`;
const SL_XML = '<sl href="https://www.example.com/app" action="execute-high"/>';
const SIA_BODY = fromHex('00 02 AF 82 08 C4 00 23 F1 C0 00 02 01');

const FIELDS = [
  'wsp.pdu_type',
  'wsp.header.content_type',
  'wsp.header.x_wap_application_id',
  'wsp.parameter.charset',
  'wsp.header.push_flag.trusted',
  'wsp.header.initiator_uri',
  'wbxml.public_id.known',
  'wbxml.known_tag',
  'wbxml.str_i',
  'wsp.address.ipv4',
];

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'waken-wsp-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** One text2pcap hexdump block per packet: offset, then up to 16 octets per line. */
function hexdump(packets: Uint8Array[]): string {
  return packets
    .map((bytes) => {
      const lines: string[] = [];
      for (let at = 0; at < bytes.length; at += 16) {
        const octets = Array.from(bytes.subarray(at, at + 16), (b) => b.toString(16).padStart(2, '0'));
        lines.push(`${at.toString(16).padStart(6, '0')}  ${octets.join(' ')}`);
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

/** Each packet as a map from field name to every value TShark showed for it. */
function dissect(name: string, packets: Uint8Array[], fields = FIELDS): Record<string, string[]>[] {
  const text = join(dir, `${name}.txt`);
  const pcap = join(dir, `${name}.pcap`);
  writeFileSync(text, `${hexdump(packets)}\n`);
  execFileSync('text2pcap', ['-q', '-u', '9200,2948', text, pcap], { timeout: 10_000, stdio: 'pipe' });
  const args = ['-r', pcap, '-T', 'fields', '-E', 'separator=/t', '-E', 'aggregator=\u0001', ...fields.flatMap((f) => ['-e', f])];
  const out = execFileSync('tshark', args, { timeout: 30_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out
    .trimEnd()
    .split('\n')
    .map((line) => Object.fromEntries(line.split('\t').map((value, i) => [fields[i], value === '' ? [] : value.split('\u0001')])));
}

const si: WspPush = {
  tid: 1,
  pduType: 'push',
  contentType: { type: 'application/vnd.wap.sic' },
  applicationId: 'x-wap-application:wml.ua',
  body: compileSi(SI_XML),
};
const sl: WspPush = {
  tid: 2,
  pduType: 'push',
  contentType: { type: 'application/vnd.wap.slc', params: { charset: 'utf-8' } },
  applicationId: 'x-wap-application:wml.ua',
  body: compileSl(SL_XML),
};
const sia: WspPush = {
  tid: 3,
  pduType: 'push',
  contentType: { type: 'application/vnd.wap.sia' },
  applicationId: 'x-wap-application:push.sia',
  headers: [
    { name: 'Push-Flag', value: 3 },
    { name: 'X-Wap-Initiator-URI', value: 'http://ppg.example.com' },
  ],
  body: SIA_BODY,
};

describe('TShark dissects our WSP pushes (seed §S6)', () => {
  let rows: Record<string, string[]>[];

  beforeAll(() => {
    rows = dissect('pushes', [si, sl, sia].map(encodeWspPush));
  });

  it('reads three Push PDUs with the content types and application ids we encoded', () => {
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r['wsp.pdu_type'])).toEqual([['0x06'], ['0x06'], ['0x06']]);
    expect(rows.map((r) => r['wsp.header.content_type'])).toEqual([
      ['application/vnd.wap.sic'],
      ['application/vnd.wap.slc'],
      ['application/vnd.wap.sia'],
    ]);
    expect(rows.map((r) => r['wsp.header.x_wap_application_id'][0])).toEqual([
      'x-wap-application:wml.ua',
      'x-wap-application:wml.ua',
      'x-wap-application:push.sia',
    ]);
  });

  it('decodes the SI body as SI 1.0 with our elements and strings', () => {
    const [row] = rows;
    expect(row['wbxml.public_id.known']).toEqual(['0x00000005']);
    expect(row['wbxml.known_tag']).toEqual(['si', 'indication']);
    expect(row['wbxml.str_i']).toEqual(['example', 'inbox', 'msg-42', 'You have mail']);
  });

  it('decodes the SL body, the charset parameter, Push-Flag, Initiator-URI and the SIA contact point', () => {
    expect(rows[1]['wbxml.public_id.known']).toEqual(['0x00000006']);
    expect(rows[1]['wsp.parameter.charset']).toEqual(['UTF-8']);
    expect(rows[2]['wsp.header.push_flag.trusted']).toEqual(['1']);
    expect(rows[2]['wsp.header.initiator_uri']).toEqual(['http://ppg.example.com']);
    expect(rows[2]['wsp.address.ipv4']).toEqual(['192.0.2.1']);
  });
});

describe('our tables agree with TShark', () => {
  const fields = ['wsp.header.content_type', 'wsp.header.x_wap_application_id'];

  it('names every well-known content type 0x00-0x4B as we do', () => {
    const codes = Array.from({ length: 0x4c }, (_, code) => code);
    const pdus = codes.map((code) => Uint8Array.of(0, 6, 1, 0x80 | code));
    const shown = dissect('content-types', pdus, fields).map((r) => r['wsp.header.content_type'][0]);
    expect(shown).toEqual(codes.map((code) => WSP_CONTENT_TYPES.name(code)));
  });

  it('names the OMNA application ids 0x00-0x0A as we do', () => {
    const codes = Array.from({ length: 0x0b }, (_, code) => code);
    const pdus = codes.map((code) => Uint8Array.of(0, 6, 3, 0xb4, 0xaf, 0x80 | code));
    const shown = dissect('app-ids', pdus, fields).map((r) => r['wsp.header.x_wap_application_id'][0]);
    expect(shown).toEqual(codes.map((code) => WSP_APPLICATION_IDS.name(code)));
  });
});
