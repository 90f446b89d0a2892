import { inspectSipPush, inspectSmsPush, inspectUdpPush } from '@waken/bearer-encapsulation';
import { fromHex } from '@waken/wire';
import { oneOf, parseArgs, required } from './cli-args';
import type { CliCommand, CliIo } from './cli-command';
import { CliUsageError } from './cli-usage.error';

const BEARERS = ['sms', 'udp', 'sip'] as const;
/** 255 segments of 140 octets in hex with separators, or a SIP message (RFC 3261 has no limit; ours is 64 KiB). */
const MAX_INPUT = 128 * 1024;

/** `waken decode`: a wire form back to what it carries (the terminal side of seed §S6, §C1). */
export const decodeCommand: CliCommand = {
  name: 'decode',
  summary: 'decode a WAP push (SMS segments, UDP datagram) or a SIP MESSAGE and print it as JSON',
  usage: [
    'waken decode --bearer sms --hex <segment>[,<segment>...]   TP-User-Data of each SMS (UDH included); - reads stdin',
    'waken decode --bearer udp --hex <datagram>                 one WSP Push datagram',
    'waken decode --bearer sip --file <message>                 a raw SIP MESSAGE; - reads stdin',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['bearer', 'hex', 'file'] });
    if (args.positionals.length > 0) throw new CliUsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
    const bearer = oneOf(args, 'bearer', BEARERS);
    const view =
      bearer === 'sip'
        ? { bearer, ...inspectSipPush(io.readInput(required(args, 'file'), MAX_INPUT)) }
        : bearer === 'sms'
          ? { bearer, ...inspectSmsPush(hexList(required(args, 'hex'), io)) }
          : { bearer, ...inspectUdpPush(singleHex(required(args, 'hex'), io)) };
    io.out(`${JSON.stringify(view, null, 2)}\n`);
    return 0;
  },
};

/** Segments separated by commas or whitespace; `-` reads them from stdin (one per line from `waken encode`). */
function hexList(arg: string, io: CliIo): Uint8Array[] {
  const text = arg === '-' ? io.readInput('-', MAX_INPUT).toString('latin1') : arg;
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) throw new CliUsageError('no hex segments given');
  return parts.map((p, i) => {
    if (!/^[0-9a-fA-F]*$/.test(p) || p.length % 2 !== 0) throw new CliUsageError(`segment ${i + 1} is not hex: ${JSON.stringify(p.slice(0, 20))}`);
    return fromHex(p);
  });
}

function singleHex(arg: string, io: CliIo): Uint8Array {
  const parts = hexList(arg, io);
  if (parts.length !== 1) throw new CliUsageError('a UDP datagram is one hex string');
  return parts[0];
}
