/**
 * The folder `gongkai demo --out` writes into, and the rule that keeps it from destroying data:
 * the demo only ever writes into a folder it made (marked by a `.gongkai-demo` file) — a new folder,
 * an empty one, or the output of an earlier demo. Any other folder (a real crawl's `gongkai-data`,
 * your home directory) is refused before anything is touched, and on reuse only the demo's own
 * database files are replaced.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './command.js';
import { outputDir } from './paths.js';

export const DEMO_MARKER = '.gongkai-demo';
/** The files of the demo's store that a new demo run replaces (the rest it overwrites in place). */
const DEMO_DB_FILES = ['gongkai.db', 'gongkai.db-wal', 'gongkai.db-shm'];

/**
 * Makes `out` ready for a fresh demo run or throws a UsageError (nothing changed on disk):
 * it must be new (its parent existing), empty, or an earlier demo's output.
 */
export function prepareDemoOut(out: string): string {
  const dir = resolve(out);
  outputDir(dir, '--out');
  const entries = (() => {
    try {
      return statSync(dir).isDirectory() ? readdirSync(dir) : null;
    } catch {
      return null;
    }
  })();
  if (entries && entries.length && !entries.includes(DEMO_MARKER)) {
    throw new UsageError(`--out: ${dir} is not empty and not an earlier demo's output (no ${DEMO_MARKER} file); the demo writes only into a new or empty folder or its own earlier output`);
  }
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, DEMO_MARKER), 'Written by `gongkai demo`: this folder is demo output and is replaced by the next demo run.\n');
  } catch (err) {
    throw new UsageError(`--out: cannot write in ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  for (const f of DEMO_DB_FILES) rmSync(join(dir, f), { force: true });
  return dir;
}
