import { EncapsulationError } from '@waken/bearer-encapsulation';
import { DecodeError } from '@waken/wire';
import type { CliCommand, CliIo } from './commands/cli-command';
import { CliUsageError } from './commands/cli-usage.error';

const BAD_INPUT = 2;
const INTERNAL = 1;

/** Dispatches `waken <command> ...` through the table; returns the exit code, never throws. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help(io, commands, rest[0], name === undefined);
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`waken: unknown command ${JSON.stringify(name)}\n\n${overview(commands)}`);
    return BAD_INPUT;
  }
  if (rest.includes('--help')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    return reportFailure(command, e, io);
  }
}

function reportFailure(command: CliCommand, e: unknown, io: CliIo): number {
  if (isBadInput(e)) {
    io.err(`waken ${command.name}: ${(e as Error).message}\n${e instanceof CliUsageError ? `\nusage:\n${command.usage}\n` : ''}`);
    return BAD_INPUT;
  }
  const detail = io.env.WAKEN_DEBUG ? `\n${(e as Error)?.stack ?? String(e)}` : '';
  io.err(`waken ${command.name}: internal error: ${(e as Error)?.message ?? String(e)}${detail}\n`);
  return INTERNAL;
}

/** Input we refuse, as opposed to our own bug: usage, undecodable bytes, a SIR or content that cannot be encapsulated, an unreadable file. */
function isBadInput(e: unknown): boolean {
  if (e instanceof CliUsageError || e instanceof DecodeError || e instanceof EncapsulationError) return true;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && ['ENOENT', 'EISDIR', 'EACCES', 'ENOTDIR'].includes(code);
}

function help(io: CliIo, commands: readonly CliCommand[], topic: string | undefined, missing: boolean): number {
  const command = commands.find((c) => c.name === topic);
  if (command) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  if (missing) io.err(overview(commands));
  else io.out(overview(commands));
  return missing ? BAD_INPUT : 0;
}

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: waken <command> [options]   (waken help <command> for its options)\n\ncommands:\n${lines.join('\n')}\n`;
}
