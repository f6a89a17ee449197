/**
 * The built `gongkai` for benchmarks of whole processes. The bin runs the TypeScript sources when the
 * build is older than them, so a bench builds first to measure what users run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'crawler', 'bin', 'gongkai.js');

/** Builds the CLI; false (with the reason printed) when the build fails or `entry` is not in crawler/dist. */
export function buildCli(entry = 'cli.js'): boolean {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
  if (build.status === 0 && existsSync(join(ROOT, 'crawler', 'dist', entry))) return true;
  process.stdout.write(`build failed, nothing measured: ${build.stderr}\n`);
  return false;
}

/**
 * Node arguments that run the build itself with `args`. The bin falls back to the TypeScript sources
 * when any source file is newer than the build — another engineer's edit during a long bench would
 * switch processes started later to tsx; a bench that compares processes started minutes apart uses this.
 */
export function builtCliArgs(args: string[]): string[] {
  const entry = pathToFileURL(join(ROOT, 'crawler', 'dist', 'cli.js')).href;
  return ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(entry)}); process.exitCode = await main(process.argv.slice(1));`, '--', ...args];
}
