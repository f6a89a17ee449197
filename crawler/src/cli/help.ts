/** The `--help` texts, generated from the commands' option tables. */
import type { Command } from './command.js';
import { optionHelp } from './option-table.js';
import { padEnd, displayWidth } from './format/width.js';

export const EXIT_LINE = 'Exit codes: 0 ok · 1 report has errors · 2 usage · 3 unreadable/not a report · 4 fetch failed · 5 internal · 6 store write failed';

/** `gongkai <name> --help`: synopsis, description, every option of the table, epilog. */
export function commandHelp(cmd: Command): string {
  const parts = [`gongkai ${cmd.name} ${cmd.usage}`.trimEnd(), cmd.description.trim(), ['Options:', ...optionHelp(cmd.options, [['-h, --help', 'this help']])].join('\n')];
  if (cmd.epilog) parts.push(cmd.epilog.trim());
  return parts.join('\n\n') + '\n';
}

/** `gongkai --help`: the command list. */
export function toolHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => displayWidth(c.name)));
  return [
    'gongkai — read and check government information disclosure annual reports (公开镜)',
    '',
    'Usage: gongkai <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${padEnd(c.name, width)}  ${c.summary}`),
    '',
    'Run `gongkai <command> --help` for a command\'s options.',
    EXIT_LINE,
  ].join('\n') + '\n';
}
