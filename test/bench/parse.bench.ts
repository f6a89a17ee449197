/**
 * Parse + check time per report (median, p95) for every HTML fixture — the seed documents
 * (/work/shared/fixtures/documents/*.html) and every real report with an HTML original present
 * (test/fixtures/real/<slug>/, found as the accuracy harness finds them) — beside a baseline that
 * only loads the same text with cheerio (what any parser must pay at least). Both are timed in the
 * same run, alternating, so machine load hits both alike; `ratio` = our median / cheerio's median.
 * Goal (issue 9): ratio ≤ 2 on every fixture. The text seeds get the same row: parseText + check
 * beside cheerio.load of the same text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as cheerio from 'cheerio';
import { checkReport, decodeBytes, parseHtml, parseText } from '../../shared/src/index.ts';
import { DOCUMENTS, seedFiles, seedText } from '../core/fixtures.ts';
import { listFixtures } from '../helpers/accuracy.ts';
import { percentile, printTable } from './stats.ts';

/** Times `ours` and `bare` alternately (`warmup` unmeasured rounds first); sorted durations of each in ms. */
function timePair(ours: () => unknown, bare: () => unknown, runs: number, warmup: number): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    ours();
    const t1 = performance.now();
    bare();
    const t2 = performance.now();
    if (i >= warmup) { a.push(t1 - t0); b.push(t2 - t1); }
  }
  return [a.sort((x, y) => x - y), b.sort((x, y) => x - y)];
}

/** Fewer runs for big pages, so the whole bench stays around a minute on a loaded machine. */
const runsFor = (chars: number): number => (chars > 150_000 ? 60 : chars > 60_000 ? 100 : 200);

const bareLoad = (text: string) => (): number => cheerio.load(text)('td').length;

export async function run(): Promise<void> {
  const html: { name: string; bytes: Uint8Array }[] = [];
  for (const f of readdirSync(DOCUMENTS).filter((f) => /\.html?$/i.test(f)).sort()) {
    html.push({ name: `seed/${f}`, bytes: new Uint8Array(readFileSync(join(DOCUMENTS, f))) });
  }
  const skipped: string[] = [];
  for (const f of listFixtures()) {
    if (!f.name.startsWith('real/') || !/\.html?$/i.test(f.expected.file)) continue;
    if (!f.path) { skipped.push(`${f.name}: original ${f.expected.file} not present (see its source.json), not benched`); continue; }
    html.push({ name: f.name, bytes: new Uint8Array(readFileSync(f.path)) });
  }

  const rows: (string | number)[][] = [];
  let worst = { name: '', ratio: 0 };
  for (const { name, bytes } of html) {
    const { text } = decodeBytes(bytes);
    const runs = runsFor(text.length);
    const [ours, bare] = timePair(() => {
      const d = decodeBytes(bytes);
      const r = parseHtml(d.text, {}, d.encoding);
      if (r.ok) checkReport(r.report);
    }, bareLoad(text), runs, 20);
    const ratio = percentile(ours, 50) / percentile(bare, 50);
    if (ratio > worst.ratio) worst = { name, ratio };
    rows.push([name, 'decode+parse+check', `${Math.round(bytes.length / 1024)} KB`, percentile(ours, 50), percentile(ours, 95), percentile(bare, 50), ratio.toFixed(2)]);
  }
  let worstText = { name: '', ratio: 0 };
  for (const file of seedFiles()) {
    const text = seedText(file);
    const [ours, bare] = timePair(() => { const r = parseText(text); if (r.ok) checkReport(r.report); }, bareLoad(text), 200, 20);
    const ratio = percentile(ours, 50) / percentile(bare, 50);
    if (ratio > worstText.ratio) worstText = { name: `seed/${file}`, ratio };
    rows.push([`seed/${file}`, 'parse+check (text)', `${Math.round(Buffer.byteLength(text) / 1024)} KB`, percentile(ours, 50), percentile(ours, 95), percentile(bare, 50), ratio.toFixed(2)]);
  }
  printTable(['fixture', 'what', 'size', 'median ms', 'p95 ms', 'cheerio.load median ms', 'ratio'], rows);
  for (const s of skipped) process.stdout.write(`skipped ${s}\n`);
  process.stdout.write(`worst ratio (HTML): ${worst.ratio.toFixed(2)}× cheerio.load (${worst.name})\n`);
  process.stdout.write(`worst ratio (text): ${worstText.ratio.toFixed(2)}× cheerio.load of the same text (${worstText.name})\n`);
}
