import { CliUsageError } from './cli-usage.error';

export interface ArgSpec {
  /** Options that take a value: `--name value` or `--name=value`. */
  values: readonly string[];
  /** Options that are on when present. */
  flags?: readonly string[];
}

export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
}

/** A small parser for `--name value`, `--name=value` and `--flag`; anything unknown is a usage error. */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const parsed: ParsedArgs = { values: new Map(), flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (spec.flags?.includes(name)) {
      if (eq >= 0) throw new CliUsageError(`--${name} takes no value`);
      parsed.flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new CliUsageError(`--${name} needs a value`);
      if (parsed.values.has(name)) throw new CliUsageError(`--${name} given twice`);
      parsed.values.set(name, value);
    } else {
      throw new CliUsageError(`unknown option --${name}`);
    }
  }
  return parsed;
}

/** The value of a required option. */
export function required(args: ParsedArgs, name: string): string {
  const value = args.values.get(name);
  if (value === undefined) throw new CliUsageError(`--${name} is required`);
  return value;
}

/** The value of an option restricted to a set of choices. */
export function oneOf<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback?: T): T {
  const value = args.values.get(name) ?? fallback;
  if (value === undefined) throw new CliUsageError(`--${name} is required (${choices.join('|')})`);
  if (!(choices as readonly string[]).includes(value)) throw new CliUsageError(`--${name} must be one of ${choices.join(', ')}, not ${JSON.stringify(value)}`);
  return value as T;
}
