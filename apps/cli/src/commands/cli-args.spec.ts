import { oneOf, parseArgs, required } from './cli-args';
import { CliUsageError } from './cli-usage.error';

describe('parseArgs', () => {
  const spec = { values: ['bearer', 'hex'], flags: ['json'] };

  it('reads --name value, --name=value, flags and positionals', () => {
    const args = parseArgs(['--bearer', 'sms', '--hex=00,01', '--json', 'extra'], spec);
    expect(required(args, 'bearer')).toBe('sms');
    expect(args.values.get('hex')).toBe('00,01');
    expect(args.flags.has('json')).toBe(true);
    expect(args.positionals).toEqual(['extra']);
    expect(oneOf(args, 'bearer', ['sms', 'udp'] as const)).toBe('sms');
  });

  it.each([[['--nope']], [['--bearer']], [['--json=1']], [['--hex', 'a', '--hex', 'b']]])('refuses %j', (argv) => {
    expect(() => parseArgs(argv, spec)).toThrow(CliUsageError);
  });
});
