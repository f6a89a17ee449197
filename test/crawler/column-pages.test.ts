/**
 * A column's later pages: planned once on its first page (not rebuilt on each later page), honest at
 * the page cap (incomplete, with the pages read and the pages the pager names), and polite after
 * failures (after 404/410 in a row on later pages the rest are not requested, and the column says so).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crawl } from '../../crawler/src/crawl/run.js';
import { columnRoute, pagerStats } from '../../crawler/src/crawl/routes/column.js';
import { seedTask } from '../../crawler/src/crawl/tasks.js';
import { CRAWL_DEFAULTS } from '../../crawler/src/crawl/config.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import type { ColumnTask } from '../../crawler/src/store/types.js';
import { closeLocalSites, localSite, removeTempDirs, tempDir } from './helpers.js';

afterAll(async () => { await closeLocalSites(); removeTempDirs(); });

/** A TRS list page: 20 dated rows of page `k`, the pager script naming `pages` pages. */
const listPage = (k: number, pages: number) => {
  const rows = Array.from({ length: 20 }, (_, i) =>
    `<li><a href="./202401/t20240110_${k * 100 + i}.html">关于第${k}页第${i}条信息的公告通知</a><span>2024-01-10</span></li>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body><div class="main"><ul class="list">${rows}</ul>
    <script>createPageHTML(${pages}, ${k}, "index", "html");</script></div></body></html>`;
};
const pageOf = (url: string, html: string) => ({ url, bytes: Buffer.from(html), contentType: 'text/html; charset=utf-8', sha256: 'x', rendered: false });
const cfg = { browser: 'never' as const, maxPagesPerColumn: 500, ocr: false, columnsOnly: true, maxSectionDepth: 3 };

describe('planning a column\'s later pages', () => {
  it('plans a 500-page column once: 499 URLs built over all its pages, not one plan per page', () => {
    const base = 'http://www.a.gov.cn/tzgg/index.html';
    const first = { ...seedTask(base), runId: 1, attempts: 0 } as ColumnTask;
    const before = { ...pagerStats };
    const r0 = columnRoute(first, pageOf(base, listPage(0, 500)), cfg) as ReturnType<typeof columnRoute> & { discovered: ColumnTask[] };
    const later = r0.discovered.filter((t) => t.kind === 'column');
    expect(later).toHaveLength(499);
    expect(later.at(-1)!.url).toBe('http://www.a.gov.cn/tzgg/index_499.html');
    let more = 0, items = r0.items!.length;
    for (const [k, t] of later.entries()) {
      const r = columnRoute({ ...t, runId: 1, attempts: 0 } as ColumnTask, pageOf(t.url, listPage(k + 1, 500)), cfg);
      more += r.discovered!.filter((d) => d.kind === 'column').length;
      items += r.items!.length;
    }
    expect(items).toBe(500 * 20);
    expect(more).toBe(0);
    // Linear: the first page's plan is the only one (before: every page rebuilt up to 499 URLs, 249,500 in all).
    expect(pagerStats.urlsBuilt - before.urlsBuilt).toBe(499);
    expect(pagerStats.plans - before.plans).toBe(1);
  });

  it('a 下一页 walk plans one next page per page', () => {
    const base = 'http://www.a.gov.cn/gsgg/index.html';
    const walk = (k: number) => `<html><body><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="./t20240110_${k}${i}.html">第${k}页公告第${i}条的标题文字</a><span>2024-01-10</span></li>`).join('')}</ul>
      <a href="index_${k + 1}.html">下一页</a></body></html>`;
    const t0 = { ...seedTask(base), runId: 1, attempts: 0 } as ColumnTask;
    const before = pagerStats.urlsBuilt;
    let t = t0, k = 0;
    for (; k < 6; k++) {
      const r = columnRoute(t, pageOf(t.url, walk(k)), cfg);
      const next = r.discovered!.filter((d) => d.kind === 'column');
      expect(next.map((d) => d.url)).toEqual([`http://www.a.gov.cn/gsgg/index_${k + 1}.html`]);
      t = { ...next[0]!, runId: 1, attempts: 0 } as ColumnTask;
    }
    expect(pagerStats.urlsBuilt - before).toBe(6);
  });
});

async function crawlColumn(name: string, serve: (path: string) => string | undefined, maxPagesPerColumn: number) {
  const hits: string[] = [];
  const base = await localSite((_req, url) => { hits.push(url.pathname); return serve(url.pathname); });
  const dir = tempDir(name);
  const store = new SqliteStore(join(dir, 'gongkai.db'));
  const r = await crawl({ seeds: [`${base}tzgg/index.html`], store, blobDir: join(dir, 'blobs'), now: '2025-06-30', delayMs: 0, perHost: 1,
    timeoutMs: 5000, retries: 0, browser: 'never', columnsOnly: true, maxPagesPerColumn });
  const s = await runSummary(store, r.run.id);
  store.close();
  return { r, s, hits, base };
}

const served = (max: number, pages: number) => (path: string) => {
  const m = path.match(/^\/tzgg\/index(?:_(\d+))?\.html$/);
  const k = m ? Number(m[1] ?? 0) : -1;
  return m && k <= max ? listPage(k, pages) : undefined;
};

describe('where a column\'s pages end', () => {
  it('a column cut at the page cap is incomplete with the pages read and the pages its pager names', async () => {
    const { r, s } = await crawlColumn('cap', served(49, 50), 5);
    expect(r.complete).toBe(true);
    const [col] = s.columns;
    expect(col).toMatchObject({ status: 'incomplete', pages: 5, itemCount: 100 });
    expect(col!.error).toBe('stopped at the page cap (5 of 50 pages) (the column states at least 981, the crawl reached 100)');
  });

  it(`stops requesting a column's later pages after ${CRAWL_DEFAULTS.maxGonePagesInRow} 404s in a row; the rest are not fetched and the column says why`, async () => {
    // createPageHTML(10000000, …) with pages 0–2 served and every later page gone.
    const { r, s, hits, base } = await crawlColumn('gone', served(2, 10_000_000), 40);
    expect(r.complete).toBe(true);
    const gone = hits.filter((h) => /index_\d+\.html$/.test(h) && Number(h.match(/_(\d+)/)![1]) > 2);
    expect(gone).toEqual(['/tzgg/index_3.html', '/tzgg/index_4.html', '/tzgg/index_5.html']);
    expect(s.faults.find((f) => f.kind === 'http-404')?.count).toBe(3);
    expect(s.faults.find((f) => f.kind === 'not-fetched')?.count).toBe(39 - 5);
    const [col] = s.columns;
    expect(col).toMatchObject({ status: 'incomplete', pages: 3, itemCount: 60 });
    expect(col!.error).toBe(`stopped requesting later list pages: 34 pages not requested: 3 later list pages of the column in a row answered 404/410 (the last ${base}tzgg/index_5.html); list pages not reachable: http-404 at ${base}tzgg/index_3.html`);
  });

  it('a page that loads between 404s starts the count again', async () => {
    const { hits } = await crawlColumn('gap', (p) => (/index_(4|8)\.html$/.test(p) || /index(_[12])?\.html$/.test(p) ? served(99, 12)(p) : undefined), 40);
    // 3 gone, 4 loads, 5–7 gone (three in a row): 9–11 are not requested.
    expect(hits.filter((h) => /index_\d+/.test(h))).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => `/tzgg/index_${k}.html`));
  });
});
