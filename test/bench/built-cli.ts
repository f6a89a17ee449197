/**
 * The built `gongkai` for benchmarks of whole processes. The bin runs the TypeScript sources when the
 * build is older than them, so a bench builds first to measure what users run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'crawler', 'bin', 'gongkai.js');

/** Builds the CLI; false (with the reason printed) when the build fails or `entry` is not in crawler/dist. */
export function buildCli(entry = 'cli.js'): boolean {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
  if (build.status === 0 && existsSync(join(ROOT, 'crawler', 'dist', entry))) return true;
  process.stdout.write(`build failed, nothing measured: ${build.stderr}\n`);
  return false;
}
