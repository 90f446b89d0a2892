import type { EmbeddedGatewayOptions } from '@waken/gateway';
import type { ParsedArgs } from './cli-args';
import { CliUsageError } from './cli-usage.error';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug'] as const;

/** The embedded gateway's options from `--intake-port`, `--registry-port`, `--sip-port`, `--database`, `--log-level`. */
export function gatewayOverrides(args: ParsedArgs, defaultLevel: EmbeddedGatewayOptions['logLevel']): Partial<EmbeddedGatewayOptions> {
  const port = (name: string): number | undefined => {
    const v = args.values.get(name);
    if (v === undefined) return undefined;
    if (!/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > 65535) throw new CliUsageError(`--${name} must be a port number`);
    return Number(v);
  };
  const level = args.values.get('log-level') ?? defaultLevel;
  if (!(LEVELS as readonly string[]).includes(level)) throw new CliUsageError(`--log-level must be one of ${LEVELS.join(', ')}`);
  const database = args.values.get('database');
  if (database !== undefined && !/^(memory|pglite):\/\//.test(database)) throw new CliUsageError('--database must be memory://<name> or pglite://<dir>');
  const out: Partial<EmbeddedGatewayOptions> = { logLevel: level as EmbeddedGatewayOptions['logLevel'] };
  const intakePort = port('intake-port');
  const registryPort = port('registry-port');
  const sipProxyPort = port('sip-port');
  if (intakePort) out.intakePort = intakePort;
  if (registryPort) out.registryPort = registryPort;
  if (sipProxyPort) out.sipProxyPort = sipProxyPort;
  if (database) out.databaseUrl = database;
  return out;
}
