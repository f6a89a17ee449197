/** What a CLI command is: a name, its help text, and a run function returning the exit code. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full `--help` text. */
  help: string;
  run(argv: string[]): Promise<number>;
}

/**
 * Exit codes (documented in the README):
 * 0 ok (report parsed, no error-severity findings) · 1 the report has error findings ·
 * 2 usage error · 3 input unreadable or not a report · 4 network/fetch failure (retryable) ·
 * 5 internal failure.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, unparseable: 3, fetch: 4, internal: 5 } as const;

export class UsageError extends Error {}
