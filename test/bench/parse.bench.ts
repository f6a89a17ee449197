/**
 * Parse + check time per report (median, p95) for every HTML fixture — the seed documents
 * (/work/shared/fixtures/documents/*.html) and every real report with an HTML original present
 * (test/fixtures/real/<slug>/, found as the accuracy harness finds them) — beside a baseline that
 * only loads the same text with cheerio (what any parser must pay at least). Both are timed in the
 * same run, alternating in blocks (ours ×n, cheerio ×n, …); a block's time is its mean per call.
 * A block lasts at least `BLOCK_MS` (n is set from a first timing of cheerio), so each side pays
 * for its own garbage: the young-generation collections a side's allocation triggers land in its
 * own blocks, at the cost of what that side keeps alive. With blocks of a few calls they did not —
 * cheerio's scavenges (≈6 ms each, its domhandler tree survives them) then mostly ran inside our
 * blocks, where little survives, and the medians left out the blocks that still held one: measured
 * on report001.html, cheerio.load is 0.7 ms a call in blocks of 5 and 1.1–1.2 ms in blocks of 40
 * or more, or run alone.
 * Each block is timed in wall time and in this process's CPU time (user + system: on a shared
 * machine wall time also counts waiting for a core); `ratio` = our median block / cheerio's median
 * block, for each. Goal (issue 9): ratio ≤ 2 on every fixture. The text seeds get the same row:
 * parseText + check beside cheerio.load of the same text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as cheerio from 'cheerio';
import { checkReport, decodeBytes, parseHtml, parseText } from '../../shared/src/index.ts';
import { DOCUMENTS, seedFiles, seedText } from '../core/fixtures.ts';
import { listFixtures } from '../helpers/accuracy.ts';
import { percentile, printTable } from './stats.ts';

interface Timed { wall: number[]; cpu: number[] }

/** Mean wall and CPU time per call of `fn` over `n` calls, pushed onto `into`. */
function timeBlock(fn: () => unknown, n: number, into: Timed | null): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  const t = performance.now() - t0;
  const c = process.cpuUsage(c0);
  if (into) { into.wall.push(t / n); into.cpu.push((c.user + c.system) / 1000 / n); }
}

/** A block's least duration (ms): several young-generation collections of either side. */
const BLOCK_MS = 60;

/** Calls per block, so that a block of `fn` lasts about `BLOCK_MS`. */
function callsPerBlock(fn: () => unknown): number {
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 20 || n < 2) { fn(); n++; }
  return Math.max(2, Math.ceil((BLOCK_MS * n) / (performance.now() - t0)));
}

/**
 * Times `ours` and `bare` in alternating blocks of the same number of calls (`warmup` unmeasured
 * calls of each first), until each has made about `runs` calls and at least `minBlocks` blocks;
 * sorted per-block means in ms.
 */
function timePair(ours: () => unknown, bare: () => unknown, runs: number, warmup: number, minBlocks = 15): [Timed, Timed] {
  const a: Timed = { wall: [], cpu: [] };
  const b: Timed = { wall: [], cpu: [] };
  timeBlock(ours, warmup, null);
  timeBlock(bare, warmup, null);
  const n = callsPerBlock(bare);
  const blocks = Math.max(minBlocks, Math.ceil(runs / n));
  for (let i = 0; i < blocks; i++) {
    timeBlock(ours, n, a);
    timeBlock(bare, n, b);
  }
  for (const t of [a, b]) { t.wall.sort((x, y) => x - y); t.cpu.sort((x, y) => x - y); }
  return [a, b];
}

const med = (t: number[]) => percentile(t, 50);

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
  const worst = { html: { name: '', wall: 0, cpu: 0 }, text: { name: '', wall: 0, cpu: 0 } };
  const row = (name: string, what: string, kind: 'html' | 'text', size: number, ours: Timed, bare: Timed): void => {
    const wall = med(ours.wall) / med(bare.wall);
    const cpu = med(ours.cpu) / med(bare.cpu);
    const w = worst[kind];
    if (wall > w.wall) w.wall = wall;
    if (cpu > w.cpu) { w.cpu = cpu; w.name = name; }
    rows.push([name, what, `${Math.round(size / 1024)} KB`, med(ours.wall), percentile(ours.wall, 95), med(bare.wall), wall.toFixed(2),
      med(ours.cpu), med(bare.cpu), cpu.toFixed(2)]);
  };
  const oursHtml = (bytes: Uint8Array) => (): void => {
    const d = decodeBytes(bytes);
    const r = parseHtml(d.text, {}, d.encoding);
    if (r.ok) checkReport(r.report);
  };
  const oursText = (text: string) => (): void => { const r = parseText(text); if (r.ok) checkReport(r.report); };
  // One pass over everything first, so no fixture is measured while the shared code is still being compiled.
  for (let i = 0; i < 10; i++) for (const { bytes } of html) { oursHtml(bytes)(); bareLoad(decodeBytes(bytes).text)(); }
  for (let i = 0; i < 10; i++) for (const file of seedFiles()) { const text = seedText(file); oursText(text)(); bareLoad(text)(); }
  for (const { name, bytes } of html) {
    const { text } = decodeBytes(bytes);
    const [ours, bare] = timePair(oursHtml(bytes), bareLoad(text), runsFor(text.length), 20);
    row(name, 'decode+parse+check', 'html', bytes.length, ours, bare);
  }
  for (const file of seedFiles()) {
    const text = seedText(file);
    const [ours, bare] = timePair(oursText(text), bareLoad(text), 200, 20);
    row(`seed/${file}`, 'parse+check (text)', 'text', Buffer.byteLength(text), ours, bare);
  }
  printTable(['fixture', 'what', 'size', 'median ms', 'p95 (block) ms', 'cheerio.load ms', 'ratio', 'CPU ms', 'cheerio CPU ms', 'CPU ratio'], rows);
  for (const s of skipped) process.stdout.write(`skipped ${s}\n`);
  const w = worst;
  process.stdout.write(`worst ratio (HTML): ${w.html.wall.toFixed(2)}× cheerio.load in wall time, ${w.html.cpu.toFixed(2)}× in CPU time (${w.html.name})\n`);
  process.stdout.write(`worst ratio (text): ${w.text.wall.toFixed(2)}× cheerio.load of the same text in wall time, ${w.text.cpu.toFixed(2)}× in CPU time (${w.text.name})\n`);
}
