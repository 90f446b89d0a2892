import { describeDemo, runDemo, startEmbeddedGateway } from '@waken/gateway';
import { parseArgs } from './cli-args';
import type { CliCommand } from './cli-command';
import { CliUsageError } from './cli-usage.error';
import { gatewayOverrides } from './gateway-options';

/** `waken demo`: the embedded gateway, the built-in demo, its account (text or JSON), then exit. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'run the built-in demo on the embedded gateway and print what happened (--json for JSON)',
  usage: 'waken demo [--json] [--intake-port 3011] [--registry-port 3012] [--sip-port 15160] [--log-level warn]',
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['intake-port', 'registry-port', 'sip-port', 'log-level'], flags: ['json'] });
    if (args.positionals.length > 0) throw new CliUsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
    const gateway = await startEmbeddedGateway(gatewayOverrides(args, args.flags.has('json') ? 'error' : 'warn'));
    try {
      const account = await runDemo(gateway);
      io.out(args.flags.has('json') ? `${JSON.stringify(account, null, 2)}\n` : `${describeDemo(account)}\n`);
      const ok = account.papResult.messageState === 'delivered';
      return ok ? 0 : 1;
    } finally {
      await gateway.close();
    }
  },
};
