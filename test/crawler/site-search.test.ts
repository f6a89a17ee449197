/**
 * The portal's own site search as a second way to find missing 年报 years: which searches a page names
 * (forms and script literals of TRS WAS5, Hanweb jrobot, IGS; POST forms and pages without one give
 * none), which result links are that year's report, and a crawl of a small local site whose column
 * misses a year — the search finds it, an off-site result stays an `off-portal` fault, a search on
 * another host is never requested, and a column with every year due is never searched.
 */
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { reportQuery, searchHits, searchUrl, siteSearches } from '../../crawler/src/discover/site-search.js';
import { crawl } from '../../crawler/src/crawl/run.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { searchPage, type SearchEntry } from '../fixtures/portal/search.js';
import { reportBody, reportTitle, ZERO7 } from '../fixtures/portal/report-html.js';
import type { SiteDef } from '../fixtures/portal/sites.js';
import { closeLocalSites, localSite, removeTempDirs, tempDir } from './helpers.js';

const BASE = 'http://www.xx.gov.cn/';

describe('site searches a page names', () => {
  it('reads GET forms (hidden fields kept) and script literals of the known engines', () => {
    const $ = load(`<div class="header">
      <form action="/jrobotfront/search.action" method="get"><input type="hidden" name="webid" value="3"><input type="text" name="q"><input type="submit" value="搜索"></form>
      <form action="/login" method="post"><input type="text" name="user"></form></div>
      <script>function go(){ window.open('/igs/front/search.html?siteId=12&amp;searchWord=' + encodeURIComponent(v)); }</script>`);
    const found = siteSearches($, BASE);
    expect(found.map((s) => `${s.family} ${s.action} ${s.field} ${JSON.stringify(s.params)}`)).toEqual([
      'hanweb-jrobot http://www.xx.gov.cn/jrobotfront/search.action q [["webid","3"]]',
      'igs http://www.xx.gov.cn/igs/front/search.html searchWord [["siteId","12"]]',
    ]);
    expect(searchUrl(found[0]!, reportQuery('某县人民政府', 2024))).toBe(`http://www.xx.gov.cn/jrobotfront/search.action?webid=3&q=${encodeURIComponent('某县人民政府2024年政府信息公开工作年度报告')}`);
    const was5 = siteSearches(load(`<form name="searchform" action="http://www.xx.gov.cn/was5/web/search"><input type="hidden" name="channelid" value="229105"><input name="searchword"></form>`), BASE);
    expect(was5).toMatchObject([{ family: 'trs-was5', field: 'searchword', params: [['channelid', '229105']] }]);
    // A generic GET search form; a POST-only search and a page without any give nothing.
    expect(siteSearches(load('<form action="/search/index.jsp" id="search"><input name="keyword"></form>'), BASE)).toMatchObject([{ family: 'form', field: 'keyword' }]);
    expect(siteSearches(load('<form action="/was5/web/search" method="post"><input name="searchword"></form>'), BASE)).toEqual([]);
    expect(siteSearches(load('<div><a href="/zwgk/">政府信息公开</a></div>'), BASE)).toEqual([]);
  });

  it("keeps the result links that are the agency's report of that year, with the printed date", () => {
    const entries: SearchEntry[] = [
      { title: '某县人民政府2023年政府信息公开工作年度报告', url: 'http://www.xx.gov.cn/art/2024/3/20/art_1_7.html', date: '2024-03-20', abstract: '…' },
      { title: '某县人民政府2024年政府信息公开工作年度报告', url: 'http://www.xx.gov.cn/art/2025/3/21/art_1_9.html', date: '2025-03-21', abstract: '…' },
      { title: '关于做好2024年度政府信息公开工作年度报告编制发布工作的通知', url: 'http://www.xx.gov.cn/art/2024/12/2/art_1_8.html', date: '2024-12-02', abstract: '…' },
      { title: '某市人民政府2024年政府信息公开工作年度报告', url: 'http://www.other.gov.cn/art/2025/3/1/art_2_1.html', date: '2025-03-01', abstract: '…' },
    ];
    const site = { name: '某县人民政府', search: 'hanweb-jrobot' } as SiteDef;
    const page = searchPage(site, new URLSearchParams({ q: reportQuery('某县人民政府', 2024) }), entries);
    expect(page).toContain('<em>2024</em>'); // the engine marks the term inside the title link
    expect(searchHits(load(page), 'http://www.xx.gov.cn/jrobotfront/search.action?q=x', { agency: '某县人民政府', year: 2024 }))
      .toEqual([{ url: 'http://www.xx.gov.cn/art/2025/3/21/art_1_9.html', title: '某县人民政府2024年政府信息公开工作年度报告', date: '2025-03-21' }]);
  });
});

// ——— a crawl of a small local site ———

afterAll(async () => {
  removeTempDirs();
  await closeLocalSites();
});

type Handler = (req: IncomingMessage, url: URL) => string | undefined;
const requests: string[] = [];
/** A local site that records every request (path and query). */
const serve = (handler: Handler): Promise<string> => localSite((req, url) => {
  requests.push(url.pathname + url.search);
  return handler(req, url);
});

const AGENCY = '某县人民政府';
const report = (year: number) => {
  const spec = { agency: AGENCY, year, carriedOver: ZERO7, kind: 'government' as const, publishedAt: `${year + 1}-03-20` };
  return { title: reportTitle(spec), html: `<h1>${reportTitle(spec)}</h1><div class="content">${reportBody(spec).html}</div>` };
};
const page = (body: string) => `<html><head><meta name="SiteName" content="${AGENCY}"><title>${AGENCY}</title></head><body>${body}</body></html>`;

/** A county site: its 年报 column lists `listed`; the search (at `searchAt`) finds `hidden` and an off-site copy. */
function county(listed: number[], hidden: number[], searchAt: string): Handler {
  const art = (y: number) => `/zwgk/nb/${y + 1}03/t${y + 1}0320_${y}.htm`;
  return (_req, url) => {
    const p = url.pathname;
    if (p === '/robots.txt') return '';
    if (p === '/') {
      return page(`<div class="header"><form action="${searchAt}" method="get"><input type="hidden" name="channelid" value="7"><input name="searchword"></form></div>
        <ul class="news"><li><a href="/xwzx/202506/t20250628_1.htm">县政府召开常务会议</a><span>2025-06-28</span></li></ul><a href="/zwgk/">政府信息公开</a>`);
    }
    if (p === '/zwgk/') return page('<div class="xxgk-nav"><ul><li><a href="/zwgk/zn/">政府信息公开指南</a></li><li><a href="/zwgk/nb/">政府信息公开年报</a></li></ul></div>');
    if (p === '/zwgk/zn/') return page('<ul class="list"><li><a href="./202501/t20250102_1.htm">政府信息公开指南（2025年版）</a><span>2025-01-02</span></li></ul>');
    if (p === '/zwgk/nb/') return page(`<ul class="list">${listed.map((y) => `<li><a href="${art(y)}">${report(y).title}</a><span>${y + 1}-03-20</span></li>`).join('')}</ul>`);
    const y = [...listed, ...hidden].find((x) => p === art(x));
    if (y !== undefined) return page(report(y).html);
    if (p === '/was5/web/search') {
      const q = url.searchParams.get('searchword') ?? '';
      const rows = hidden.filter((h) => q.includes(String(h))).flatMap((h) => [
        `<div class="outline"><a href="${art(h)}">${report(h).title}</a><div class="url">${h + 1}-03-20</div></div>`,
        `<div class="outline"><a href="http://mirror.elsewhere.cn/nb/${h}.htm">${report(h).title}（转载）</a><div class="url">${h + 1}-03-22</div></div>`]);
      return page(`<div class="count">共找到${rows.length}条记录</div>${rows.join('')}`);
    }
    return undefined;
  };
}

async function crawlOnce(seed: string, name: string) {
  const dir = tempDir(name);
  const store = new SqliteStore(join(dir, 'gongkai.db'));
  const r = await crawl({ seeds: [seed], store, blobDir: join(dir, 'blobs'), now: '2025-06-30', delayMs: 0, timeoutMs: 5000, retries: 0, backoffBaseMs: 5, browser: 'never' });
  const s = await runSummary(store, r.run.id);
  const findings = store.findings(r.run.id);
  store.close();
  return { r, s, findings };
}

describe('site search in a crawl', () => {
  it('finds the year the column misses, keeps an off-site result off the portal, and the year is no longer missing', async () => {
    requests.length = 0;
    const seed = await serve(county([2022, 2023], [2024], '/was5/web/search'));
    const { s, findings } = await crawlOnce(seed, 'search-finds');
    expect(s.agencies).toEqual([{ agency: AGENCY, years: [2022, 2023, 2024] }]);
    const found = s.reports.find((r) => r.year === 2024)!;
    expect(found.viaUrl).toBe(`${seed}was5/web/search?channelid=7&searchword=${encodeURIComponent(reportQuery(AGENCY, 2024))}`);
    expect(findings.filter((f) => f.checkId === 'crawl.report-missing')).toEqual([]);
    expect(s.faults.map((f) => `${f.kind} ${f.urls.join(' ')}`)).toEqual(['off-portal http://mirror.elsewhere.cn/nb/2024.htm']);
    expect(requests.filter((u) => u.startsWith('/was5/'))).toHaveLength(1);
  }, 60_000);

  it('never requests a search outside the portal, and never searches a column that has every year due', async () => {
    requests.length = 0;
    const off = await serve(county([2022, 2023], [2024], 'http://search.elsewhere.cn/was5/web/search'));
    const a = await crawlOnce(off, 'search-off');
    expect(a.s.faults.map((f) => f.kind)).toEqual(['off-portal']);
    expect(a.s.faults[0]!.urls[0]).toMatch(/^http:\/\/search\.elsewhere\.cn\/was5\/web\/search\?channelid=7&searchword=/);
    expect(a.findings.filter((f) => f.checkId === 'crawl.report-missing').map((f) => f.messageEn)).toEqual([
      `No 2024 report of ${AGENCY} in the annual-report column although the deadline has passed (the latest: 2025-03-31)`]);
    const complete = await serve(county([2023, 2024], [], '/was5/web/search'));
    const b = await crawlOnce(complete, 'search-none');
    expect(b.s.agencies).toEqual([{ agency: AGENCY, years: [2023, 2024] }]);
    expect(requests.filter((u) => u.includes('/was5/'))).toEqual([]);
  }, 60_000);
});
