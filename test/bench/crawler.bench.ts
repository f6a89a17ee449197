/**
 * Crawling the demo portal: pages per second in HTTP mode (node:http + cheerio) and in browser mode
 * (every list page rendered in Chromium), side by side on the same column walk; plus a larger HTTP
 * walk (portal scale 5) and a full crawl with report parsing. Local portal, no politeness delay; the
 * slow page answers in 20 ms so that time limits do not dominate. Goal: ≥ 100 pages/s in HTTP mode.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPortal } from '../fixtures/portal/server.js';
import { crawl, type CrawlOptions } from '../../crawler/src/crawl/run.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { printTable } from './stats.js';

async function once(scale: number, opts: Partial<CrawlOptions>): Promise<{ pages: number; ms: number }> {
  const portal = await startPortal({ port: 0, slowMs: 20, scale });
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const store = new SqliteStore(join(dir, 'gongkai.db'));
  try {
    const t0 = performance.now();
    const r = await crawl({
      seeds: portal.homes, store, blobDir: join(dir, 'blobs'), now: portal.now, resolve: new Map(portal.resolve.map((x) => x.split('=') as [string, string])),
      delayMs: 0, perHost: 8, concurrency: 16, timeoutMs: 10_000, retries: 0, ...opts,
    });
    return { pages: r.fetched, ms: performance.now() - t0 };
  } finally {
    store.close();
    await portal.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const rows: (string | number)[][] = [];
  const add = (label: string, r: { pages: number; ms: number }) => rows.push([label, r.pages, r.ms / 1000, (r.pages / r.ms) * 1000]);
  const http = await once(1, { browser: 'never', columnsOnly: true });
  const browser = await once(1, { browser: 'always', columnsOnly: true, concurrency: 4, perHost: 2 });
  add('HTTP: column walk (scale 1)', http);
  add('browser: column walk (scale 1)', browser);
  add('HTTP: column walk (scale 5)', await once(5, { browser: 'never', columnsOnly: true }));
  add('HTTP + parsing: full crawl (scale 1)', await once(1, { browser: 'auto' }));
  printTable(['mode', 'pages', 'seconds', 'pages/s'], rows);
  process.stdout.write(`HTTP is ${((http.pages / http.ms) / (browser.pages / browser.ms)).toFixed(1)}× browser mode on the same walk\n`);
}
