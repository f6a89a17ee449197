/** The command registry: one module per command. */
import type { Command } from '../command.js';
import { parseCommand } from './parse.js';

export const COMMANDS: Command[] = [parseCommand];
