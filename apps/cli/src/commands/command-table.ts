import type { CliCommand } from './cli-command';
import { decodeCommand } from './decode.command';
import { encodeCommand } from './encode.command';

/**
 * Every `waken <command>`. Add a command by adding its module here (start, demo and migrate
 * belong to the engineers who own the embedded mode and the migrations).
 */
export const COMMANDS: readonly CliCommand[] = [encodeCommand, decodeCommand];
