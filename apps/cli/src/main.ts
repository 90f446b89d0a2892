// `waken`: the command-line entry (bin/waken.js runs this file through scripts/ts-register.cjs).
import { readFileSync, statSync } from 'node:fs';
import { runCli } from './cli';
import type { CliIo } from './commands/cli-command';
import { CliUsageError } from './commands/cli-usage.error';
import { COMMANDS } from './commands/command-table';

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readInput(path, maxBytes = 16 * 1024 * 1024) {
    // a regular file is measured before it is read: a huge input is refused, not buffered
    if (path !== '-' && statSync(path).size > maxBytes) throw new CliUsageError(`${path} is larger than ${maxBytes} bytes`);
    const data = readFileSync(path === '-' ? 0 : path);
    if (data.length > maxBytes) throw new CliUsageError(`${path === '-' ? 'standard input' : path} is larger than ${maxBytes} bytes`);
    return data;
  },
  env: process.env,
};

runCli(process.argv.slice(2), io, COMMANDS).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`waken: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
