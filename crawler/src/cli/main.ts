/** `gongkai` entry: dispatches to a command, prints generated help, maps failures to documented exit codes. */
import { COMMANDS } from './commands/index.js';
import { closeOcr } from '@gongkai/shared/node';
import { EXIT, UsageError, type Command } from './command.js';
import { commandHelp, toolHelp } from './help.js';
import { parseOptions } from './option-table.js';
import { didYouMean } from './suggest.js';
import { isStoreWriteFailure } from '../store/write-error.js';
import { StoreVersionError } from '../store/migrate.js';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const out = toolHelp(COMMANDS);
    if (name) process.stdout.write(out);
    else process.stderr.write(out);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write('gongkai 0.1.0\n');
    return EXIT.ok;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    const guess = didYouMean(name, COMMANDS.map((c) => c.name));
    process.stderr.write(`gongkai: unknown command '${name}'${guess ? ` — did you mean '${guess}'?` : ''} (gongkai --help lists the commands)\n`);
    return EXIT.usage;
  }
  const dashDash = rest.indexOf('--');
  const flags = dashDash < 0 ? rest : rest.slice(0, dashDash);
  if (flags.includes('--help') || flags.includes('-h')) {
    process.stdout.write(commandHelp(cmd));
    return EXIT.ok;
  }
  try {
    return await runCommand(cmd, rest);
  } finally {
    // The OCR worker is shared and long-lived: stop it so the process can exit.
    await closeOcr().catch(() => undefined);
  }
}

async function runCommand(cmd: Command, rest: string[]): Promise<number> {
  try {
    const { values, positionals } = parseOptions(cmd.options, rest, cmd.positionals);
    return await cmd.run(values, positionals);
  } catch (err) {
    if (err instanceof UsageError) {
      const msg = err.message.replace(/\s*\n\s*/g, ' ');
      process.stderr.write(`gongkai ${cmd.name}: ${msg}${err.help ? ` (see gongkai ${cmd.name} --help)` : ''}\n`);
      return EXIT.usage;
    }
    if (err instanceof StoreVersionError) {
      // A store written by a newer gongkai: nothing was changed; this version cannot open it.
      process.stderr.write(`gongkai ${cmd.name}: ${err.message}\n`);
      return EXIT.usage;
    }
    if (isStoreWriteFailure(err)) {
      process.stderr.write(`gongkai ${cmd.name}: ${(err as Error).message}\nThe run stopped; nothing is lost. Free some space and run the same command again to resume.\n`);
      return EXIT.store;
    }
    process.stderr.write(`gongkai ${cmd.name}: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.internal;
  }
}
