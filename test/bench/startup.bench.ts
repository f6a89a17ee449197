/**
 * Start-up: `gongkai parse samples/report001.html --json` as a whole process beside `node -e 0`,
 * interleaved run by run so machine load hits both alike; the ratio of medians is the measure
 * (goal ≤ 8×). Also the same command from the TypeScript sources (tsx), for comparison.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile, printTable } from './stats.ts';
import { BIN as bin, buildCli, ROOT as root } from './built-cli.ts';
const sample = join(root, 'samples', 'report001.html');

function timeProcess(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0 && args[0] === bin) throw new Error(`gongkai exited ${r.status}: ${r.stderr}`);
  return ms;
}

export async function run(): Promise<void> {
  if (!buildCli()) return;
  const runs = 15;
  const parse = [bin, 'parse', sample, '--json'];
  const base: number[] = [], built: number[] = [], source: number[] = [];
  timeProcess(parse); // warm the file cache
  for (let i = 0; i < runs; i++) {
    base.push(timeProcess(['-e', '0']));
    built.push(timeProcess(parse));
    if (i < 5) source.push(timeProcess(parse, { GONGKAI_FROM_SOURCE: '1' }));
  }
  for (const a of [base, built, source]) a.sort((x, y) => x - y);
  const b = percentile(base, 50);
  printTable(['process', 'runs', 'median ms', 'p95 ms', '× node -e 0'], [
    ['node -e 0', runs, b, percentile(base, 95), '1.0'],
    ['gongkai parse report001.html --json (built JS)', runs, percentile(built, 50), percentile(built, 95), (percentile(built, 50) / b).toFixed(1)],
    ['same, from TypeScript sources (tsx)', source.length, percentile(source, 50), percentile(source, 95), (percentile(source, 50) / b).toFixed(1)],
  ]);
  process.stdout.write(`start-up ratio: ${(percentile(built, 50) / b).toFixed(1)}× node -e 0 (goal ≤ 8×)\n`);
}
