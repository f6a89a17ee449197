/**
 * Pager counts of any length (crawler/src/discover/pagination.ts): a count of up to 15 digits is read
 * exactly; one of more — a hostile or broken pager, `createPageHTML(12345678901234567890, …)` — is read
 * as huge, never skipped: at least 10^15 (the least such a number can be), the walk capped, the stated
 * total a lower bound with a note in its evidence, and the column not called complete against it.
 */
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { HUGE_COUNT, paginate, statedTotals } from '../../crawler/src/discover/pagination.js';
import { crawl } from '../../crawler/src/crawl/run.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { PostgresStore } from '../../crawler/src/store/postgres.js';
import type { Store } from '../../crawler/src/store/types.js';
import { SKIP_PG_REASON, startTestPostgres } from './pg-helpers.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { closeLocalSites, localSite, removeTempDirs, tempDir } from './helpers.js';

const B = 'http://www.px.gov.cn/col/';
const pager = (html: string, max = 50) => paginate(load(html), B, html, max);
const NOTE = /\(\d+ digits, more than 15 read exactly: at least 1000000000000000, not an exact total\)/;

afterAll(async () => { await closeLocalSites(); removeTempDirs(); });

describe('pager counts of more than 15 digits', () => {
  it('createPageHTML and countPage: capped walk, a huge page count with its note', () => {
    for (const html of ['<script>createPageHTML(12345678901234567890, 0, "index", "html");</script>', '<script>var countPage = 1000000000000000;</script>']) {
      const p = pager(html);
      expect(p, html).toMatchObject({ capped: true, serial: false, stated: { pages: HUGE_COUNT, huge: true } });
      expect(p.pages).toHaveLength(49);
      expect(p.pages[0]).toBe(`${B}index_1.html`);
      expect(p.stated.evidence.join(' ')).toMatch(NOTE);
    }
    expect(pager('<script>createPageHTML(12345678901234567890, 0, "index", "html");</script>').stated.evidence[0]).toContain('20 digits');
  });

  it('the component pager counts down from the stated number exactly', () => {
    const html = '<script>var purl="./index_7"; document.cookie="maxPageNum7=99999999999999999999"; maxPageNum = 99999999999999999999;</script>';
    const p = pager(html, 4);
    expect(p).toMatchObject({ capped: true, stated: { pages: HUGE_COUNT, huge: true } });
    expect(p.pages).toEqual(['99999999999999999998', '99999999999999999997', '99999999999999999996'].map((n) => `${B}index_7_${n}.html`));
  });

  it('recordCount, countnum, 共N条 and 共N页: huge, with the note', () => {
    for (const [html, text] of [['<script>var pagebar = { recordCount: 98765432109876543210 };</script>', ''], ['<script>var countnum = 1234567890123456;</script>', ''], ['', '共 123456789012345678901234567890 条']] as const) {
      const s = statedTotals(html, text);
      expect(s, html || text).toMatchObject({ records: HUGE_COUNT, huge: true });
      expect(s.evidence.join(' ')).toMatch(NOTE);
    }
    expect(statedTotals('', '共12345678901234567页')).toMatchObject({ pages: HUGE_COUNT, huge: true });
  });

  it('reads 15 digits and leading zeros exactly, without a note', () => {
    expect(statedTotals('<script>recordCount: 999999999999999</script>', '')).toEqual({ records: 999_999_999_999_999, pages: null, evidence: ['recordCount: 999999999999999'] });
    expect(statedTotals('', '共 0000000000000000042 条')).toEqual({ records: 42, pages: null, evidence: ['共 0000000000000000042 条'] });
    expect(pager('<script>createPageHTML(00000000000000000003, 0, "index", "html");</script>')).toMatchObject({ capped: false, pages: [`${B}index_1.html`, `${B}index_2.html`], stated: { pages: 3 } });
  });
});

const column = (count: string) => (_req: unknown, u: URL) => {
  if (u.pathname !== '/col/') return undefined;
  const rows = [1, 2, 3].map((i) => `<li><a href="./202401/t2024010${i}_${i}.html">第${i}号通知</a><span>2024-01-0${i}</span></li>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body><ul class="list">${rows}</ul><div class="page">共 ${count} 条</div></body></html>`;
};

/** Crawls a one-column site whose pager states `count` records; the column as the run summary shows it. */
async function crawlColumn(store: Store, count: string) {
  const base = await localSite(column(count));
  const r = await crawl({ seeds: [`${base}col/`], store, blobDir: join(tempDir('pager-blobs'), 'blobs'), now: '2025-06-30', delayMs: 0, retries: 0, timeoutMs: 5000, browser: 'never', columnsOnly: true });
  const s = await runSummary(store, r.run.id);
  return { col: s.columns[0], failures: s.failures };
}

describe('a column that states a huge total', () => {
  it('is incomplete against a lower bound, not an exact one (SQLite)', async () => {
    const store = new SqliteStore(join(tempDir('pager-counts'), 'gongkai.db'));
    try {
      const { col } = await crawlColumn(store, '98765432109876543210');
      expect(col).toMatchObject({ status: 'incomplete', itemCount: 3, stated: { total: HUGE_COUNT, exact: false } });
      expect(col!.stated!.evidence).toMatch(NOTE);
    } finally {
      store.close();
    }
  }, 30_000);

  it('is stored by PostgreSQL too (a 64-bit stated total), exact or not', async (ctx) => {
    const pg = await startTestPostgres();
    if (!pg) return ctx.skip(SKIP_PG_REASON);
    try {
      for (const [count, total, exact] of [['12345678901', 12_345_678_901, true], ['98765432109876543210', HUGE_COUNT, false]] as const) {
        const store = await new PostgresStore(await pg.createDb()).opened();
        try {
          const { col, failures } = await crawlColumn(store, count);
          expect(failures, count).toEqual([]);
          expect(col, count).toMatchObject({ status: 'incomplete', itemCount: 3, stated: { total, exact } });
        } finally {
          await store.close();
        }
      }
    } finally {
      pg.stop();
    }
  }, 90_000);
});
