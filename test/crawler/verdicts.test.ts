/**
 * Watchdog verdicts that are true, against small local sites crawled for real:
 * - a home page with no 政府信息公开 section is the fault `no-disclosure-section`, not `FAIL home-stale`
 *   with 0 columns;
 * - a refused connection is `network`, not `robots`;
 * - a self-reported count the crawl cannot check (the columns hold no dated item of that year) is
 *   `cannot compare`, not "differs".
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crawl } from '../../crawler/src/crawl/run.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { summaryText } from '../../crawler/src/report/text.js';
import { reportBody, reportTitle, ZERO7 } from '../fixtures/portal/report-html.js';
import { closeLocalSites, localSite, removeTempDirs, tempDir } from './helpers.js';

afterAll(async () => {
  removeTempDirs();
  await closeLocalSites();
});

type Pages = Record<string, string>;
const site = (pages: Pages): Promise<string> => localSite((req) => pages[req.url ?? '/']);

async function crawlOnce(seed: string, name: string, extra: { retries?: number } = {}) {
  const dir = tempDir(name);
  const store = new SqliteStore(join(dir, 'gongkai.db'));
  const r = await crawl({ seeds: [seed], store, blobDir: join(dir, 'blobs'), now: '2025-06-30', delayMs: 0, timeoutMs: 5000,
    retries: extra.retries ?? 0, backoffBaseMs: 5, browser: 'never' });
  const s = await runSummary(store, r.run.id);
  store.close();
  return { r, s };
}

const page = (body: string, title = '某县人民政府') => `<html><head><meta name="SiteName" content="${title}"><title>${title}</title></head><body>${body}</body></html>`;
const news = (dates: string[]) => `<ul class="news">${dates.map((d, i) => `<li><a href="/xwzx/${d.slice(0, 7).replace('-', '')}/t${d.replace(/-/g, '')}_${i}.htm">县政府召开第${i + 1}次常务会议</a><span>${d}</span></li>`).join('')}</ul>`;

describe('portal verdicts', () => {
  it('a home page without a 政府信息公开 section is the fault no-disclosure-section, not a failing portal', async () => {
    const home = await site({
      '/robots.txt': '',
      '/': page(`<div class="nav"><a href="/">首页</a><a href="/about/">走进本县</a></div>${news(['2025-06-28', '2025-06-20'])}
        <div class="links"><a href="/about/">走进本县</a><a href="/zwfw/">办事服务</a></div>`),
      '/about/': page('<p>本县位于浙江省西部。</p>'),
      '/zwfw/': page('<p>办事指南请前往政务服务网。</p>'),
    });
    const { r, s } = await crawlOnce(home, 'no-section');
    expect(s.faults).toEqual([{ kind: 'no-disclosure-section', count: 1, urls: [home] }]);
    expect(s.portals).toHaveLength(1);
    expect(s.portals[0]).toMatchObject({ judged: false, passed: false, fault: 'no-disclosure-section', rules: [], columns: 0 });
    expect(r.analysis).toMatchObject({ portals: 1, failedPortals: 0 });
    const text = summaryText(s);
    expect(text).toMatch(/FAULT\s+某县人民政府.*not judged: no-disclosure-section/);
    expect(text).not.toMatch(/FAIL|home-stale/);
  }, 60_000);

  it('a home page with a section is judged as before (the same site with a 政府信息公开 link)', async () => {
    const home = await site({
      '/robots.txt': '',
      '/': page(`${news(['2025-06-28'])}<div class="entry"><a href="/zwgk/">政府信息公开</a></div>`),
      '/zwgk/': page(`<div class="xxgk-nav"><ul><li><a href="/zwgk/zn/">政府信息公开指南</a></li><li><a href="/zwgk/nb/">政府信息公开年报</a></li>
        <li><a href="/zwgk/gzdt/">工作动态</a></li></ul></div>`),
      '/zwgk/zn/': page('<ul class="list"><li><a href="./202401/t20240102_1.htm">政府信息公开指南（2024年版）</a><span>2024-01-02</span></li></ul>'),
      '/zwgk/nb/': page('<ul class="list"></ul>'),
      '/zwgk/gzdt/': page(news(['2025-06-25', '2025-06-01'])),
    });
    const { s } = await crawlOnce(home, 'with-section');
    expect(s.faults).toEqual([]);
    expect(s.portals[0]).toMatchObject({ judged: true, passed: true, fault: null, columns: 3 });
    expect(s.portals[0]!.rules.find((x) => x.id === 'home-stale')).toMatchObject({ judged: true, failed: false, count: 2 });
  }, 60_000);
});

describe('fetch faults', () => {
  it('a refused connection is a network fault, not robots', async () => {
    // A port that was just free: nothing listens on it.
    const s = createServer();
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    const port = (s.address() as { port: number }).port;
    await new Promise((ok) => s.close(ok));
    const seed = `http://127.0.0.1:${port}/`;
    const { s: sum } = await crawlOnce(seed, 'refused', { retries: 1 });
    expect(sum.faults.map((f) => `${f.kind} ${f.urls.join(' ')}`)).toEqual([`network ${seed}`]);
    expect(sum.failures[0]).toMatchObject({ errorKind: 'network', attempts: 2 }); // retried like any dropped connection
    expect(sum.failures[0]!.error).toMatch(/robots\.txt of 127\.0\.0\.1:\d+ could not be fetched: .*ECONNREFUSED/);
  }, 60_000);
});

describe('self-reported counts', () => {
  it('a count the crawl cannot check (no dated items of that year) is cannot-compare; one it can check is compared', async () => {
    const spec = { agency: '某县人民政府', year: 2024, carriedOver: ZERO7, kind: 'government' as const, publishedAt: '2025-03-20',
      published: { total: 2260, columns: { 工作动态: 35, 通知公告: 4 } } };
    const title = reportTitle(spec);
    const home = await site({
      '/robots.txt': '',
      '/': page(`${news(['2025-06-28'])}<a href="/zwgk/">政府信息公开</a>`),
      '/zwgk/': page(`<div class="xxgk-nav"><ul><li><a href="/zwgk/zn/">政府信息公开指南</a></li><li><a href="/zwgk/nb/">政府信息公开年报</a></li>
        <li><a href="/zwgk/gzdt/">工作动态</a></li><li><a href="/zwgk/tzgg/">通知公告</a></li></ul></div>`),
      '/zwgk/zn/': page('<ul class="list"><li><a href="./202501/t20250102_1.htm">政府信息公开指南（2025年版）</a><span>2025-01-02</span></li></ul>'),
      // The list shows only this year's items: it says nothing about 2024.
      '/zwgk/gzdt/': page(news(['2025-06-25', '2025-05-01', '2025-02-03'])),
      // Items on both sides of 2024 and none in it: 0 is a real count.
      '/zwgk/tzgg/': page(news(['2025-01-10', '2023-11-02'])),
      '/zwgk/nb/': page(`<ul class="list"><li><a href="/zwgk/nb/202503/t20250320_9.htm">${title}</a><span>2025-03-20</span></li></ul>`),
      '/zwgk/nb/202503/t20250320_9.htm': page(`<h1>${title}</h1><div class="xxgk-meta">发布日期：2025-03-20</div><div class="content">${reportBody(spec).html}</div>`),
    });
    const { s } = await crawlOnce(home, 'claims');
    const stated = (label: string) => s.statedCounts.find((c) => c.agency === '某县人民政府' && c.year === 2024 && c.label === label);
    expect(stated('共发布信息')).toMatchObject({ stated: 2260, found: null });
    expect(stated('工作动态')).toMatchObject({ stated: 35, found: null });
    expect(stated('通知公告')).toMatchObject({ stated: 4, found: 0 });
    const text = summaryText(s);
    expect(text).toContain('3 claims, 1 differ, 2 cannot be compared');
    expect(text).toMatch(/“通知公告” report says 4, crawl found 0/);
    expect(text).not.toMatch(/report says (2260|35)/);
  }, 60_000);
});
