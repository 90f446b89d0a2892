import { describeDemo, runDemo, startEmbeddedGateway } from '@waken/gateway';
import { parseArgs } from './cli-args';
import type { CliCommand } from './cli-command';
import { CliUsageError } from './cli-usage.error';
import { gatewayOverrides } from './gateway-options';

/**
 * `waken start` (`npm start`): the whole gateway in one process on embedded defaults, the demo
 * once, then it keeps serving PAP (/pap) and the JSON API (/v1/pushes) until Ctrl-C.
 */
export const startCommand: CliCommand = {
  name: 'start',
  summary: 'run the whole gateway in one process (embedded defaults), show the demo, keep serving',
  usage: 'waken start [--no-demo] [--database pglite://<dir>] [--intake-port 3011] [--registry-port 3012] [--sip-port 15160] [--log-level warn]',
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['intake-port', 'registry-port', 'sip-port', 'log-level', 'database'], flags: ['no-demo'] });
    if (args.positionals.length > 0) throw new CliUsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
    const gateway = await startEmbeddedGateway(gatewayOverrides(args, 'warn'));
    const o = gateway.options;
    io.out(
      [
        'Waken embedded gateway: every service in this process, in-process transport, embedded PostgreSQL, built-in SIP proxy.',
        `  PAP:        POST ${gateway.intakeUrl}/pap   (Authorization: Bearer ${o.piKey})`,
        `  JSON API:   ${gateway.intakeUrl}/v1/pushes`,
        `  registry:   ${gateway.registryUrl}/v1/users   (Authorization: Bearer ${o.adminToken})`,
        `  SIP proxy:  ${gateway.sipProxy.host}:${gateway.sipProxy.port} (domain ${gateway.sipProxy.domain})`,
        '',
      ].join('\n'),
    );
    if (!args.flags.has('no-demo')) io.out(`${describeDemo(await runDemo(gateway))}\n\n`);
    io.out('Serving; Ctrl-C to stop.\n');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await gateway.close();
    return 0;
  },
};
