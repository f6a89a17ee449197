/**
 * A list item's date and where it came from, end to end: the real 平潭 TRS page
 * (test/fixtures/real-portals/fujian-pingtan-trs-listmodel) replayed over HTTPS under its own host name
 * and crawled; its row for t20260313_105587 prints 2026-03-10, so the stored item says 2026-03-10,
 * `printed` (its URL says 2026-03-13). A copy of the page with that row's date cell taken out gives the
 * URL's date, `url`. The store, the column's counts, the summary text and the CSV export all say which.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../../crawler/src/crawl/run.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { dateSourceText } from '../../crawler/src/columns/snapshot.js';
import { exportOptionsOf } from '../../crawler/src/export/from-store.js';
import { writeExport } from '../../crawler/src/export/write.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { readCsv } from './csv.js';
import { closeLocalSites, LOCAL, localSite, removeTempDirs, tempDir } from './helpers.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real-portals', 'fujian-pingtan-trs-listmodel');
const REAL_HTML = readFileSync(join(fixture, 'page.html'), 'utf8');
const want = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as { records: { title: string; url: string; date: string; dateSource: string }[] };
const COLUMN = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/';
const ROW = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202603/t20260313_105587.htm';

/** The real page with the printed date cell of the 105587 row removed (the row keeps its title cell). */
const DATE_CELL = /(<a href="\.\/202603\/t20260313_105587\.htm"[^>]*>[^<]*<\/a>\s*<\/dd>)\s*<dd[^>]*>\s*2026-03-10\s*<\/dd>/;
const WITHOUT_DATE = REAL_HTML.replace(DATE_CELL, '$1');

let served = REAL_HTML;
let port = 0;

beforeAll(async () => {
  const base = await localSite((_req, url) => (url.pathname === '/zwgk/zfxxgk/zfxxgknb/' ? served : undefined), { tlsHost: 'www.pingtan.gov.cn' });
  port = Number(new URL(base).port);
}, 60_000);

afterAll(async () => {
  removeTempDirs();
  await closeLocalSites();
});

async function crawlReplayed(html: string, name: string) {
  served = html;
  const dir = tempDir(name);
  const store = new SqliteStore(join(dir, 'g.db'));
  try {
    await crawl({ seeds: [COLUMN], store, blobDir: join(dir, 'blobs'), now: '2026-06-30', resolve: new Map([['www.pingtan.gov.cn', `127.0.0.1:${port}`]]),
      ...LOCAL, timeoutMs: 15_000, browser: 'never', columnsOnly: true, insecure: true });
    const s = await runSummary(store);
    const items = store.columnItems(s.run.id);
    const csv = join(dir, 'csv');
    await writeExport('csv', csv, s, store.documents(s.run.id), store.findings(s.run.id), await exportOptionsOf(store, s, store.documents(s.run.id), 'json'));
    const read = (t: string) => readCsv(readFileSync(join(csv, `${t}.csv`), 'utf8'));
    return { col: s.columns.find((c) => c.url === COLUMN)!, items, exported: { items: read('items'), columns: read('columns') } };
  } finally {
    store.close();
  }
}

describe('where a list item\'s date came from', () => {
  it('the real page: every item dated from its own row, the one whose URL says otherwise included', async () => {
    const { col, items, exported } = await crawlReplayed(REAL_HTML, 'item-dates-real');
    const stored = items.map((i) => ({ url: i.url, title: i.title, date: i.date, dateSource: i.dateSource })).sort((a, b) => a.url.localeCompare(b.url));
    expect(stored).toEqual(want.records.map(({ url, title, date, dateSource }) => ({ url, title, date, dateSource })).sort((a, b) => a.url.localeCompare(b.url)));
    expect(items.find((i) => i.url === ROW)).toMatchObject({ date: '2026-03-10', dateSource: 'printed' });
    expect(col).toMatchObject({ itemCount: 10, datesPrinted: 10, datesFromUrl: 0 });
    expect(dateSourceText(col)).toBe('printed 10 · URL 0');
    expect(exported.items.find((r) => r.url === ROW)).toMatchObject({ date: '2026-03-10', date_source: 'printed', column_url: COLUMN, host: 'www.pingtan.gov.cn' });
    expect(exported.items.map((r) => r.date_source)).toEqual(Array(10).fill('printed'));
    expect(exported.columns.find((r) => r.url === COLUMN)).toMatchObject({ items: '10', dates_printed: '10', dates_from_url: '0' });
  }, 60_000);

  it('a row without a printed date: its URL\'s date, and it says so', async () => {
    expect(WITHOUT_DATE).not.toBe(REAL_HTML);
    const { col, items, exported } = await crawlReplayed(WITHOUT_DATE, 'item-dates-url');
    expect(items).toHaveLength(10);
    expect(items.find((i) => i.url === ROW)).toMatchObject({ date: '2026-03-13', dateSource: 'url' });
    expect(items.filter((i) => i.url !== ROW).every((i) => i.dateSource === 'printed')).toBe(true);
    expect(col).toMatchObject({ datesPrinted: 9, datesFromUrl: 1, newest: '2026-03-13' });
    expect(dateSourceText(col)).toBe('printed 9 · URL 1');
    expect(exported.items[0]).toMatchObject({ url: ROW, date: '2026-03-13', date_source: 'url' });
    expect(exported.columns.find((r) => r.url === COLUMN)).toMatchObject({ dates_printed: '9', dates_from_url: '1' });
  }, 60_000);
});
