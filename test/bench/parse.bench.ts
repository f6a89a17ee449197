/**
 * Parse + check time per report (median, p95) for every fixture, beside a baseline that only loads
 * the same HTML with cheerio (what any parser must pay at least). Goal: median ≤ 2 ms for HTML.
 */
import * as cheerio from 'cheerio';
import { checkReport, decodeBytes, parseHtml, parseText } from '../../shared/src/index.ts';
import { documentBytes, seedFiles, seedText } from '../core/fixtures.ts';
import { percentile, printTable, timeRuns } from './stats.ts';

export async function run(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const file of ['report001.html', 'report001-gbk.html']) {
    const bytes = documentBytes(file);
    const full = await timeRuns(() => {
      const { text, encoding } = decodeBytes(bytes);
      const r = parseHtml(text, {}, encoding);
      if (r.ok) checkReport(r.report);
    }, 200, 20);
    const { text } = decodeBytes(bytes);
    const bare = await timeRuns(() => { const $ = cheerio.load(text); return $('td').length; }, 200, 20);
    rows.push([file, 'decode+parse+check', percentile(full, 50), percentile(full, 95)]);
    rows.push([file, 'baseline: cheerio.load only', percentile(bare, 50), percentile(bare, 95)]);
  }
  for (const file of seedFiles()) {
    const text = seedText(file);
    const t = await timeRuns(() => { const r = parseText(text); if (r.ok) checkReport(r.report); }, 200, 20);
    rows.push([file, 'parse+check (text)', percentile(t, 50), percentile(t, 95)]);
  }
  printTable(['fixture', 'what', 'median ms', 'p95 ms'], rows);
}
