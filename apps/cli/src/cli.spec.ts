import { SirComposedV1 } from '@waken/contracts';
import { runCli } from './cli';
import type { CliCommand } from './commands/cli-command';
import { COMMANDS } from './commands/command-table';
import { FakeIo } from './testing/fake-io';

const SL = '<sl href="https://www.example.com/app" action="execute-high"/>';
const SI = `<si><indication href="http://www.example.org/inbox" si-id="msg-42" action="signal-high">${'You have mail. '.repeat(12)}</indication></si>`;
const composed = { ...SirComposedV1.example, fallbacks: [], sir: { ...SirComposedV1.example.sir, expiresAt: '2030-01-01T00:00:00.000Z' } };

async function run(argv: string[], files: Record<string, string | Uint8Array> = {}): Promise<{ code: number; io: FakeIo }> {
  const io = new FakeIo(files);
  return { code: await runCli(argv, io, COMMANDS), io };
}

describe('waken encode / decode (in process)', () => {
  it('SL over SMS: encode prints one hex segment; decode reads it back to the XML', async () => {
    const encoded = await run(['encode', '--bearer', 'sms', '--content', 'sl.xml'], { 'sl.xml': SL });
    expect(encoded.code).toBe(0);
    const segments = encoded.io.stdout.trim().split('\n');
    expect(segments).toHaveLength(1);
    expect(segments[0].startsWith('0605040b8423f0')).toBe(true);
    const decoded = await run(['decode', '--bearer', 'sms', '--hex', segments.join(',')]);
    const view = JSON.parse(decoded.io.stdout);
    expect(view).toMatchObject({ ports: { source: 9200, destination: 2948 }, segments: 1, wsp: { pduType: 'push', contentType: 'application/vnd.wap.slc', applicationId: 'x-wap-application:wml.ua', headers: [] } });
    expect(view.content.xml).toContain('<sl href="https://www.example.com/app" action="execute-high"/>');
  });

  it('a long SI is concatenated; decode takes the segments in any order', async () => {
    const encoded = await run(['encode', '--bearer', 'sms', '--content', 'si.xml', '--json'], { 'si.xml': SI });
    const { segments } = JSON.parse(encoded.io.stdout) as { segments: string[] };
    expect(segments.length).toBeGreaterThan(1);
    const decoded = await run(['decode', '--bearer', 'sms', '--hex', [...segments].reverse().join(',')]);
    expect(JSON.parse(decoded.io.stdout)).toMatchObject({ segments: segments.length, content: { kind: 'wbxml' } });
  });

  it('a SirComposedV1 over UDP and SIP decodes to the same SirDocument, with applicationIds and contactPoints for SIA', async () => {
    const files = { 'c.json': JSON.stringify(composed), 'doc.json': JSON.stringify(composed.sir) };
    const udp = await run(['encode', '--bearer', 'udp', '--sir', 'doc.json', '--contact', '192.0.2.1:9201'], files);
    const viaUdp = JSON.parse((await run(['decode', '--bearer', 'udp', '--hex', udp.io.stdout.trim()])).io.stdout);
    expect(viaUdp.content).toMatchObject({ kind: 'sir', sir: composed.sir, applicationIds: ['x-wap-application:wml.ua'], contactPoints: [{ bearerType: 0, port: 9201, address: '192.0.2.1' }] });
    expect(viaUdp.ports).toBeUndefined();
    const sip = await run(['encode', '--bearer', 'sip', '--sir', 'c.json'], files);
    const viaSip = JSON.parse((await run(['decode', '--bearer', 'sip', '--file', 'msg'], { msg: sip.io.stdoutBytes[0] })).io.stdout);
    expect(viaSip.sip).toMatchObject({ method: 'MESSAGE', requestUri: composed.activation.address });
    expect(viaSip.content.sir).toEqual(composed.sir);
  });

  it('help and usage', async () => {
    expect((await run(['help'])).io.stdout).toContain('decode');
    expect((await run(['help', 'encode'])).io.stdout).toContain('--content');
    expect((await run(['decode', '--help'])).code).toBe(0);
    expect((await run([])).code).toBe(2);
  });
});

describe('waken errors: a message on stderr, exit code 2 for bad input, never a stack trace', () => {
  it.each([
    [['decode', '--bearer', 'sms', '--hex', 'zz'], /segment 1 is not hex/],
    [['decode', '--bearer', 'sms', '--hex', '0605040b8423f001'], /offset/],
    [['decode', '--bearer', 'pigeon', '--hex', '00'], /--bearer must be one of sms, udp, sip/],
    [['decode', '--bearer', 'udp'], /--hex is required/],
    [['decode', '--bearer', 'sip', '--file', 'missing.txt'], /ENOENT/],
    [['decode', '--bearer', 'udp', '--hex', '00', '--verbose'], /unknown option --verbose/],
    [['encode', '--bearer', 'sms', '--content', 'bad.xml'], /bad-content/],
    [['encode', '--bearer', 'sms', '--sir', 'bad.json'], /not a SirDocument/],
    [['encode', '--bearer', 'sms', '--sir', 'garbage.json'], /not JSON/],
    [['encode', '--bearer', 'ussd', '--sir', 'c.json'], /too-large/],
    [['encode', '--bearer', 'sms', '--content', 'sl.xml', '--sir', 'c.json'], /exactly one of/],
    [['frobnicate'], /unknown command/],
  ])('%j', async (argv, message) => {
    const files = { 'bad.xml': '<!DOCTYPE si [<!ENTITY x "y">]><si/>', 'bad.json': '{"v":2}', 'garbage.json': '{', 'c.json': JSON.stringify(composed), 'sl.xml': SL };
    const { code, io } = await run(argv, files);
    expect(code).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(io.stderr).not.toMatch(/\n\s+at /);
    expect(io.stdout).toBe('');
  });

  it('an internal error is exit code 1, with the stack only under WAKEN_DEBUG', async () => {
    const broken: CliCommand = { name: 'boom', summary: '', usage: '', run: () => Promise.reject(new TypeError('x is undefined')) };
    const io = new FakeIo();
    expect(await runCli(['boom'], io, [broken])).toBe(1);
    expect(io.stderr).toBe('waken boom: internal error: x is undefined\n');
    io.env.WAKEN_DEBUG = '1';
    await runCli(['boom'], io, [broken]);
    expect(io.stderr).toMatch(/\n\s+at /);
  });
});
