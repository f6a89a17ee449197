/** The command registry: one module per command. */
import type { Command } from '../command.js';
import { parseCommand } from './parse.js';
import { crawlCommand } from './crawl.js';
import { columnsCommand } from './columns.js';
import { exportCommand } from './export.js';
import { summaryCommand } from './summary.js';
import { demoCommand } from './demo.js';
import { reparseCommand } from './reparse.js';
import { watchCommand } from './watch.js';
import { serveCommand } from './serve.js';

export const COMMANDS: Command[] = [parseCommand, crawlCommand, columnsCommand, exportCommand, summaryCommand, reparseCommand, watchCommand, serveCommand, demoCommand];
