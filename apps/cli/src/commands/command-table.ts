import type { CliCommand } from './cli-command';
import { decodeCommand } from './decode.command';
import { demoCommand } from './demo.command';
import { startCommand } from './start.command';
import { encodeCommand } from './encode.command';

/**
 * Every `waken <command>`. Add a command by adding its module here.
 */
export const COMMANDS: readonly CliCommand[] = [startCommand, demoCommand, encodeCommand, decodeCommand];
