import { oneOf, parseArgs, type ParsedArgs } from './cli-args';
import type { CliCommand } from './cli-command';
import { CliUsageError } from './cli-usage.error';
import { SIR_BEARERS, contentFrom, encodeContent, encodeSir, type EncodeOutput } from './encode-outputs';
import { readSirInput } from './sir-input';

const MAX_FILE = 1024 * 1024;

/** `waken encode`: SIRs and push content in their wire forms (seed §S6). */
export const encodeCommand: CliCommand = {
  name: 'encode',
  summary: 'encode a SIR or SI/SL/CO content in the wire form of a bearer',
  usage: [
    'waken encode --bearer sms|udp --content <file.xml> [--content-type <type>] [--app-id <id>] [--tid <0-255>] [--json]',
    '    SI/SL/CO XML -> WBXML in a WSP push to wml.ua -> SMS segments (hex, one per line) or a UDP datagram (hex)',
    'waken encode --bearer sms|udp|sip|ussd|csd|gprs --sir <sir.json> [--to <address>] [--body json|sia] [--contact <ipv4:port>]',
    '             [--terminal-ip <ipv4>] [--ppg-ip <ipv4>] [--teid <n>] [--json]',
    '    a SirDocument or SirComposedV1 JSON -> SMS segments, a UDP datagram, a SIP MESSAGE, a USSD string,',
    '    a PPP frame for a CSD call (csd) or a GTP-U G-PDU for a PDP context (gprs)',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['bearer', 'content', 'content-type', 'app-id', 'tid', 'sir', 'to', 'body', 'contact', 'terminal-ip', 'ppg-ip', 'teid'], flags: ['json'] });
    if (args.positionals.length > 0) throw new CliUsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
    const content = args.values.get('content');
    const sir = args.values.get('sir');
    if ((content === undefined) === (sir === undefined)) throw new CliUsageError('give exactly one of --content and --sir');
    const output = content !== undefined ? encodeContentArgs(args, io.readInput(content, MAX_FILE)) : encodeSirArgs(args, io.readInput(sir as string, MAX_FILE));
    if (args.flags.has('json')) io.out(`${JSON.stringify(output.json, null, 2)}\n`);
    else io.out(output.bytes ?? `${output.lines.join('\n')}\n`);
    return 0;
  },
};

function encodeContentArgs(args: ParsedArgs, file: Buffer): EncodeOutput {
  const bearer = oneOf(args, 'bearer', ['sms', 'udp'] as const);
  const tid = integer(args, 'tid', 0, 255);
  return encodeContent(bearer, contentFrom(file, args.values.get('content-type')), { tid, applicationId: args.values.get('app-id') });
}

function encodeSirArgs(args: ParsedArgs, file: Buffer): EncodeOutput {
  const bearer = oneOf(args, 'bearer', SIR_BEARERS);
  const body = oneOf(args, 'body', ['json', 'sia'] as const, 'json');
  const input = readSirInput(file.toString('utf8'), args.values.get('contact'));
  return encodeSir(bearer, input, {
    to: args.values.get('to'),
    body,
    terminalIp: args.values.get('terminal-ip'),
    ppgIp: args.values.get('ppg-ip'),
    teid: integer(args, 'teid', 0, 0xffffffff),
  });
}

function integer(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const text = args.values.get(name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new CliUsageError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}
