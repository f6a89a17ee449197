/** `gongkai` entry: dispatches to a command, prints help, maps failures to documented exit codes. */
import { COMMANDS } from './commands/index.js';
import { closeOcr } from '@gongkai/shared/node';
import { EXIT, UsageError } from './command.js';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'gongkai — read and check government information disclosure annual reports (公开镜)',
    '',
    'Usage: gongkai <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `gongkai <command> --help` for a command\'s options.',
    'Exit codes: 0 ok · 1 report has errors · 2 usage · 3 unreadable/not a report · 4 fetch failed · 5 internal',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write('gongkai 0.1.0\n');
    return EXIT.ok;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    process.stderr.write(`gongkai: unknown command '${name}'\n\n${usage()}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(cmd.help.trimEnd() + '\n');
    return EXIT.ok;
  }
  try {
    return await runCommand(cmd, name, rest);
  } finally {
    // The OCR worker is shared and long-lived: stop it so the process can exit.
    await closeOcr().catch(() => undefined);
  }
}

async function runCommand(cmd: (typeof COMMANDS)[number], name: string, rest: string[]): Promise<number> {
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gongkai ${name}: ${(err as Error).message}\n(see gongkai ${name} --help)\n`);
      return EXIT.usage;
    }
    process.stderr.write(`gongkai ${name}: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.internal;
  }
}
