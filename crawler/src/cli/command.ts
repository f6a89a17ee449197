/** What a CLI command is: a name, its option table, help prose, and a run function returning the exit code. */
import type { OptionTable, Values } from './option-table.js';

export interface CommandSpec<T extends OptionTable> {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis after `gongkai <name>`, e.g. `<url...> | --portals <file> [options]`. */
  usage: string;
  /** Paragraphs printed between the synopsis and the options. */
  description: string;
  /** Every option the command takes: parsing, defaults and the help's option list come from here. */
  options: T;
  /** Whether positional arguments are taken (their count is checked by run). */
  positionals: boolean;
  /** Printed after the options (exit codes, examples). */
  epilog?: string;
  run(values: Values<T>, positionals: string[]): Promise<number>;
}

/** A command with its option types erased, as the registry holds it. */
export type Command = CommandSpec<OptionTable> & { run(values: Record<string, unknown>, positionals: string[]): Promise<number> };

/** Declares a command; its run gets values typed from its own option table. */
export const defineCommand = <const T extends OptionTable>(spec: CommandSpec<T>): Command => spec as unknown as Command;

/**
 * Exit codes (documented in the README):
 * 0 ok (report parsed, no error-severity findings) · 1 the report has error findings ·
 * 2 usage error · 3 input unreadable or not a report · 4 network/fetch failure (retryable) ·
 * 5 internal failure · 6 a store write failed (disk full?): the run stopped, nothing lost; run it again.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, unparseable: 3, fetch: 4, internal: 5, store: 6 } as const;

/**
 * A mistake in how the command was called (a bad flag, a missing or wrong path): exit 2, one line
 * on stderr. `help: true` adds a pointer to the command's --help (for option mistakes).
 */
export class UsageError extends Error {
  readonly help: boolean;
  constructor(message: string, opts: { help?: boolean } = {}) {
    super(message);
    this.help = opts.help ?? false;
  }
}
