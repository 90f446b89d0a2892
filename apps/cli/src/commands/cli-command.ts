/** What a command may touch: output streams and input files (tests pass fakes). */
export interface CliIo {
  out(data: string | Uint8Array): void;
  err(text: string): void;
  /** Reads a file, or standard input for `-`; at most `maxBytes`. */
  readInput(path: string, maxBytes?: number): Buffer;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * One `waken <name>` subcommand. `run` returns the exit code; it throws CliUsageError (or a
 * DecodeError/EncapsulationError) for bad input, which the dispatcher turns into exit code 2.
 */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
