/**
 * Batch parse throughput (goal ≥ 200 HTML reports/s end to end on a 2-core machine): the built
 * `gongkai parse <dir> --out x.jsonl` as a whole process — start-up, folder walk, worker threads,
 * parse, check and output — over a folder of HTML reports (seed 001 as published, its GBK copy, and
 * generated reports of 60 agencies × 6 years), once per output format and once with --history auto.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { reportBody, reportTitle, ZERO7 } from '../fixtures/portal/report-html.ts';
import { documentBytes } from '../core/fixtures.ts';
import { printTable } from './stats.ts';
import { BIN as bin, buildCli } from './built-cli.ts';

/** A folder of `n` HTML reports; returns its path. */
export function reportFolder(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-batch-bench-'));
  const seed = [documentBytes('report001.html'), documentBytes('report001-gbk.html')];
  for (let i = 0; i < n; i++) {
    if (i % 10 < 2) { writeFileSync(join(dir, `seed-${i}.html`), seed[i % 10]!); continue; }
    const agency = `测试市第${Math.floor(i / 6) % 60}局`, year = 2019 + (i % 6);
    const { html } = reportBody({ agency, year, kind: 'department', carriedOver: ZERO7, publishedAt: `${year + 1}-01-20` });
    writeFileSync(join(dir, `gen-${i}.html`), `<!doctype html><html><head><meta charset="utf-8"><title>${reportTitle({ agency, year })}</title></head>` +
      `<body><h1>${reportTitle({ agency, year })}</h1><div class="content">${html}</div></body></html>`);
  }
  return dir;
}

export async function run(): Promise<void> {
  // The worker entry (crawler/dist/batch-worker.js) must be built too: the batch runs on it.
  if (!buildCli('batch-worker.js')) return;
  const n = 1200;
  const dir = reportFolder(n);
  const rows: (string | number)[][] = [];
  try {
    for (const [what, out, extra] of [['jsonl', 'out.jsonl', []], ['csv', 'out.csv', []], ['jsonl, --history auto', 'h.jsonl', ['--history', 'auto']]] as const) {
      const file = join(tmpdir(), `gongkai-batch-bench-${process.pid}-${out}`);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [bin, 'parse', dir, '--out', file, '--quiet', ...extra], { encoding: 'utf8' });
      const s = (performance.now() - t0) / 1000;
      const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
      rmSync(file, { force: true });
      // Exit 1 is a report with error findings (the seed copies have none; generated ones may): anything
      // else, or a line missing, means the run itself failed.
      if ((r.status !== 0 && r.status !== 1) || lines !== n + (out.endsWith('.csv') ? 1 : 0)) throw new Error(`gongkai parse exited ${r.status} with ${lines} of ${n} lines: ${r.stderr.slice(0, 2000)}`);
      rows.push([what, n, lines, s, n / s]); // a CSV's lines include its header
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(['output', 'HTML reports', 'lines', 'seconds (whole process)', 'reports/s (goal ≥ 200)'], rows);
}
