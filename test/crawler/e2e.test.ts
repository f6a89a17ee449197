/**
 * End to end: crawl the demo portal (seven agency sites, five CMS styles, XHR list APIs, a site search, faults) and check exact numbers:
 * reports per agency and year, documents and attachments parsed, the findings the seeds must produce,
 * the planted carry-over break, column counts, freshness verdicts and the faults in the run summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../fixtures/portal/server.js';
import { join } from 'node:path';
import { crawlPortal, LOCAL, resolveOf, SLOW_MS, tempDir, removeTempDirs } from './helpers.js';
import { crawl } from '../../crawler/src/crawl/run.js';
import { runSummary, type RunSummary } from '../../crawler/src/report/summary.js';
import { summaryText } from '../../crawler/src/report/text.js';
import { statusText } from '../../crawler/src/columns/snapshot.js';
import type { SqliteStore } from '../../crawler/src/store/sqlite.js';
import type { FindingRow } from '../../crawler/src/store/types.js';

let portal: Portal;
let store: SqliteStore;
let s: RunSummary;
let findings: FindingRow[];
let dir: string;

beforeAll(async () => {
  portal = await startPortal({ port: 0, slowMs: SLOW_MS });
  dir = tempDir('e2e');
  ({ store } = await crawlPortal(portal, dir));
  s = await runSummary(store);
  findings = store.findings(s.run.id);
}, 120_000);

afterAll(async () => {
  removeTempDirs();
  store?.close();
  await portal?.close();
});

const doc = (agency: string, year: number) => s.reports.find((r) => r.primary && r.agency === agency && r.year === year)!;
const ids = (url: string) => findings.filter((f) => f.docUrl === url).map((f) => f.checkId);

describe('reports', () => {
  it('finds every agency and year, across sites and in the city column listing department reports', () => {
    expect(s.agencies).toEqual([
      { agency: '嘉兴市生态环境局', years: [2020] },
      { agency: '建德市人民政府', years: [2023, 2024] },
      { agency: '杭州市人民政府', years: [2019, 2020, 2021, 2022, 2023, 2024] },
      { agency: '杭州市应急管理局', years: [2020, 2021, 2022, 2023, 2024] }, // 2024 found by the site search
      { agency: '杭州市生态环境局', years: [2019, 2020, 2021, 2022, 2023, 2024] },
      { agency: '杭州市生态环境局淳安分局', years: [2019] },
      { agency: '淳安县人民政府', years: [2019, 2020, 2021, 2022, 2023] },
      { agency: '温州市生态环境局', years: [2019] },
    ]);
    expect(s.reports.filter((r) => r.primary)).toHaveLength(27);
  });

  it('stores and parses every document: HTML, GBK HTML, PDF, DOCX and DOC attachments', () => {
    expect(s.documents).toEqual({ total: 34, parsed: 32, attachments: 5, attachmentsParsed: 4,
      notParsed: [{ reason: 'scanned-needs-ocr', count: 1 }, { reason: 'attachment-wrapper', count: 1 }] });
    const jx = s.reports.filter((r) => r.agency === '嘉兴市生态环境局').map((r) => `${r.kind}:${r.parseOk ? 'ok' : r.parseReason}`).sort();
    expect(jx).toEqual(['doc:ok', 'docx:ok', 'html:attachment-wrapper', 'html:ok', 'html:ok', 'pdf:ok', 'pdf:ok', 'pdf:scanned-needs-ocr']);
  });

  it("finds seed 001's prose 28 ≠ table 29 in every format of the report", () => {
    const flagged = s.reports.filter((r) => ids(r.url).includes('prose.received'));
    // HTML, GBK HTML, PDF, DOCX, DOC — not the table-only CMap PDF, which has no prose.
    expect(flagged.map((r) => `${r.kind} ${r.url.split('/').pop()}`).sort()).toEqual([
      'doc P020210121384763.doc', 'docx P020210121384746.docx', 'html t20210120_2101.htm', 'html t20210120_2102.htm', 'pdf P020210121384729.pdf']);
    const f = findings.find((x) => x.docUrl === flagged[0]!.url && x.checkId === 'prose.received')!;
    expect(JSON.parse(f.evidence!)).toMatchObject({ left: 28, right: 29 });
  });

  it('reports the missing tables of seeds 003 and 004', () => {
    expect(ids(doc('杭州市应急管理局', 2020).url)).toContain('structure.table3.missing');
    expect(ids(doc('杭州市应急管理局', 2020).url)).not.toContain('structure.table4.missing');
    expect(ids(doc('杭州市生态环境局淳安分局', 2019).url)).toEqual(expect.arrayContaining(['structure.table2.missing', 'structure.table3.missing', 'structure.table4.missing']));
  });

  it('finds the planted carry-over break (2023 二 ≠ 2022 四) and no other', () => {
    const breaks = findings.filter((f) => f.checkId === 'history.carry-over');
    expect(new Set(breaks.map((f) => f.docUrl))).toEqual(new Set([doc('杭州市生态环境局', 2023).url]));
    expect(breaks).toHaveLength(2); // 自然人 and 总计
    expect(JSON.parse(breaks[0]!.evidence!).otherYear).toBe(2022);
  });

  it('flags the late report and the years missing from the columns', () => {
    expect(findings.filter((f) => f.checkId === 'timeliness.deadline').map((f) => f.docUrl)).toEqual([doc('杭州市应急管理局', 2021).url]);
    const missing = findings.filter((f) => f.checkId === 'crawl.report-missing').map((f) => f.messageEn).join('\n');
    expect(missing).toContain('No 2024 report of 淳安县人民政府');
    // 应急管理局's column stops at 2023, but its site search finds the 2024 report: not missing.
    expect(missing).not.toContain('of 杭州市应急管理局');
    expect(missing).not.toContain('of 杭州市人民政府');
  });

  it("finds a year its 年报 column misses through the portal's own site search, and searches only there", () => {
    const found = doc('杭州市应急管理局', 2024);
    expect(portal.unlisted.map((r) => r.url)).toEqual([found.url]);
    const query = '杭州市应急管理局2024年政府信息公开工作年度报告';
    // Found by search: the result page (the form's hidden fields and the query) is where it came from.
    expect(found.viaUrl).toBe(`http://yjglj.example.gov.cn/jrobotfront/search.action?webid=3&pg=12&p=1&q=${encodeURIComponent(query)}`);
    expect(found).toMatchObject({ title: query, score: 100 });
    expect(ids(found.url)).not.toContain('timeliness.deadline');
    const searched = [...portal.hits].filter(([k]) => /\/jrobotfront\/|\/was5\//.test(k));
    // One query: the city's TRS search is never used (its column has every year due), nor the notice about reports followed.
    expect(searched.map(([k, n]) => `${k.split('?')[0]} ${n}`)).toEqual(['yjglj.example.gov.cn/jrobotfront/search.action 1']);
    expect([...portal.hits.keys()].filter((k) => k.includes('/xwzx/tzgg/'))).toEqual([]);
  });

  it('finds every report the portal lists (its own inventory)', () => {
    const listed = portal.reports.filter((r) => r.kind !== 'broken' && r.kind !== 'oversized').map((r) => r.url).sort();
    const found = new Set(s.reports.map((r) => r.url));
    expect(listed.filter((u) => !found.has(u))).toEqual([]);
    expect(listed).toHaveLength(28);
    expect(portal.unlisted).toHaveLength(1);
  });

  it('gives clean generated reports a full score', () => {
    for (const y of [2019, 2020, 2021, 2022, 2023, 2024]) expect(doc('杭州市人民政府', y).score).toBe(100);
  });
});

describe('columns', () => {
  const col = (host: string, name: string) => s.columns.find((c) => c.host === host && c.name === name)!;

  it('counts items through every pagination style (TRS script, anchors, ?page=N, GBK .shtml, XHR in a browser)', () => {
    expect(col('www.example.gov.cn', '工作动态')).toMatchObject({ itemCount: 65, pages: 9, newest: '2025-06-30', status: 'ok' });
    expect(col('www.example.gov.cn', '政策文件')).toMatchObject({ itemCount: 47, pages: 6 });
    expect(col('www.example.gov.cn', '政府信息公开年报')).toMatchObject({ itemCount: 10, pages: 2 });
    expect(col('sthjj.example.gov.cn', '环境质量')).toMatchObject({ itemCount: 120, pages: 8, newest: '2025-06-28' });
    expect(col('www.ca.example.gov.cn', '工作动态')).toMatchObject({ itemCount: 12, pages: 2, newest: '2025-05-31' });
    expect(col('yjglj.example.gov.cn', '工作动态')).toMatchObject({ itemCount: 30, newest: '2025-06-28', status: 'ok' });
    expect(col('yjglj.example.gov.cn', '政府信息公开年报').itemCount).toBe(4);
    expect(col('www.example.gov.cn', '政策文件').perYear).toEqual({ 2024: 27, 2025: 20 });
  });

  it('reads the real shapes: <dl> rows dated in a sibling cell, one list over three <ul>, EmpireCMS URLs', () => {
    const jd = (name: string) => col('www.jiande.example.gov.cn', name);
    // 23 rows of <dl><dd><a>…</a></dd><dd>date</dd></dl> on index.html, index_2.html, index_3.html.
    expect(jd('工作动态')).toMatchObject({ itemCount: 23, pages: 3, newest: '2025-06-29', oldest: '2025-04-24', status: 'ok',
      stated: { total: 21, exact: false } });
    expect(jd('通知公告')).toMatchObject({ itemCount: 15, pages: 1, newest: '2025-06-24', oldest: '2025-01-21', status: 'ok' });
    const dated = s.reports.filter((r) => r.agency === '建德市人民政府').map((r) => `${r.year} ${new URL(r.url).pathname}`).sort();
    expect(dated).toEqual(['2023 /zfxxgknb/2024-03-10/7470.html', '2024 /zfxxgknb/2025-03-11/7471.html']);
  });

  // The shapes of three real pages (test/fixtures/portal/real-shapes.ts), every later page served: each record once,
  // with the date printed in its row. `items` gives the column's records as `第N号 date path`, newest first.
  const items = (host: string, name: string) => store.columnItems(s.run.id).filter((i) => i.columnKey === col(host, name).key)
    .map((i) => ({ n: Number((i.title ?? '').match(/第(\d+)号/)?.[1]), date: i.date, path: new URL(i.url).pathname }))
    .sort((a, b) => a.n - b.n).map((i) => `${i.n} ${i.date} ${i.path}`);
  /** Record n (1-based) of a demo column is dated `newest + (n − 1) × spacing` days before 2025-06-30. */
  const dated = (count: number, newest: number, spacing: number, path: (n: number, date: string) => string) => Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.parse('2025-06-30') - (newest + i * spacing) * 86_400_000).toISOString().slice(0, 10);
    return `${i + 1} ${date} ${path(i + 1, date)}`;
  });

  it('reads the real 邯郸 TRS WCM shape: <tr> rows dated in the 发布日期 cell, countnum/countPage pages, a footer site map that is no list', () => {
    const jq = col('www.example.gov.cn', '近期信息公开');
    expect(jq).toMatchObject({ itemCount: 26, pages: 3, newest: '2025-06-30', oldest: '2025-04-16', status: 'ok',
      stated: { total: 26, exact: true, evidence: 'var countnum= 26; var countPage=3' } });
    // Articles in another department's folder, t<printed date>_N.html; the 40-odd site-map links are not records.
    expect(items('www.example.gov.cn', '近期信息公开')).toEqual(dated(26, 0, 3, (n, d) => `/gszbm/auto23701/${d.replace(/-/g, '').slice(0, 6)}/t${d.replace(/-/g, '')}_${1354000 + n - 1}.html`));
    const base = 'www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/jqxxgk/';
    expect(['', 'index_1.html', 'index_2.html', 'index_3.html'].map((p) => portal.hits.get(base + p) ?? 0)).toEqual([1, 1, 1, 0]);
  });

  it('says incomplete with both numbers where the TRS WCM column\'s later pages are not served', () => {
    const zfwj = col('www.example.gov.cn', '政府文件');
    expect(zfwj).toMatchObject({ itemCount: 10, pages: 1, newest: '2025-06-28', oldest: '2025-05-14', status: 'incomplete',
      stated: { total: 24, exact: true, evidence: 'var countnum= 24; var countPage=3' } });
    expect(statusText(zfwj)).toBe('incomplete 10/24 (list pages not reachable: http-404 at http://www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/zfwj/index_1.html)');
    expect(s.portals.find((p) => p.host === 'www.example.gov.cn')!.freshness['政府文件']).toBe('unknown');
  });

  it('reads the real 丰城 component CMS shape: <li><span>[date]</span><a>, purl + maxPageNum pages counting down', () => {
    const xw = col('www.jiande.example.gov.cn', '建德新闻');
    expect(xw).toMatchObject({ url: 'http://www.jiande.example.gov.cn/n4/n14/index.html', itemCount: 20, pages: 3, newest: '2025-06-30', oldest: '2025-05-23',
      status: 'ok', stated: { total: 17, exact: false } });
    expect(items('www.jiande.example.gov.cn', '建德新闻')).toEqual(dated(20, 0, 2, (n) => `/n4/n14/c${673020 - n + 1}/content.html`));
    // Page 2 is index_959_2.html, the last page index_959_1.html; _3 is the first page again and is not asked for.
    const base = 'www.jiande.example.gov.cn/n4/n14/';
    expect(['index.html', 'index_959_2.html', 'index_959_1.html', 'index_959_3.html'].map((p) => portal.hits.get(base + p) ?? 0)).toEqual([1, 1, 1, 0]);
  });

  // paginate plans news-list-jdyw-2.html and -3.html from 下一页 … 末页; they are pages of the column's own list file
  // (discover/urls.ts isPageOf), so all 45 records are read.
  it('reads the real 万载 维网科技 shape: <div> rows dated in a sibling <p>, 共N条记录 and 末页 news-list-<col>-N.html pages', () => {
    const yw = col('www.jiande.example.gov.cn', '建德要闻');
    expect(yw).toMatchObject({ url: 'http://www.jiande.example.gov.cn/news-list-jdyw.html', itemCount: 45, pages: 3, newest: '2025-06-29', oldest: '2025-04-02',
      status: 'ok', stated: { total: 45, exact: true } });
    expect(items('www.jiande.example.gov.cn', '建德要闻')).toEqual(dated(45, 1, 2, (n) => `/news-show-${10045 - n + 1}.html`));
    expect(['news-list-jdyw.html', 'news-list-jdyw-2.html', 'news-list-jdyw-3.html'].map((p) => portal.hits.get(`www.jiande.example.gov.cn/${p}`) ?? 0)).toEqual([1, 1, 1]);
  });

  it('fetches later pages from the CMS XHR list APIs, and says incomplete where they cannot be reached', () => {
    // TRS 海云 listModel as the real page has it (listArgs, no endpoint in the page): page 1 static over HTTP,
    // pages 2–4 loaded by the page's own script in Chromium (its pager driven); recordCount '20'.
    // pages: list pages read (page 1 over HTTP + pages 2–4 in the browser), not fetches (its re-render is no new page).
    expect(col('www.example.gov.cn', '新闻发布')).toMatchObject({ itemCount: 20, pages: 4, newest: '2025-06-30', oldest: '2025-05-23',
      status: 'ok', stated: { total: 20, exact: true, evidence: "recordCount: '20" } });
    expect(portal.hits.get('www.example.gov.cn/fjdzapp/search')).toBe(3 + 1); // 3 pages of 新闻发布, page 2 of 政策解读 (404)
    // Hanweb jpage: 10 inline, records 11–20 and 21–25 from dataproxy.jsp; totalRecord 25.
    expect(col('yjglj.example.gov.cn', '通知公告')).toMatchObject({ itemCount: 25, pages: 3, newest: '2025-06-25', status: 'ok', stated: { total: 25, exact: true } });
    expect(col('yjglj.example.gov.cn', '安全生产')).toMatchObject({ itemCount: 10, pages: 1, status: 'ok' });
    // Its list API answers 404 in the browser: 5 of 20, incomplete with both numbers and the reason, judged unknown.
    const zcjd = col('www.example.gov.cn', '政策解读');
    expect(zcjd).toMatchObject({ itemCount: 5, pages: 1, status: 'incomplete', stated: { total: 20, exact: true } });
    expect(zcjd.error).toMatch(/^浏览器中未能读到后续页：XHR pages not reachable in the browser: http-404 at http:\/\/www\.example\.gov\.cn\/fjdzapp\/search \(page 2\) \(TRS listModel: .*list2\.trsapi\) \(the column states 20, the crawl reached 5\)$/);
    expect(statusText(zcjd)).toBe(`incomplete 5/20 (${zcjd.error})`);
    const hz = s.portals.find((p) => p.host === 'www.example.gov.cn')!;
    expect([hz.freshness['政策解读'], hz.freshness['新闻发布']]).toEqual(['unknown', 'fresh']);
    expect(summaryText(s)).toMatch(/政策解读 +incomplete 5\/20 \(浏览器中未能读到后续页：XHR pages not reachable in the browser: http-404 at /);
  });

  it('keeps the failing columns distinct from empty ones', () => {
    expect(col('www.example.gov.cn', '财政信息').status).toBe('http-500');
    expect(col('www.example.gov.cn', '机构职能').status).toBe('redirect-loop');
    expect(col('www.example.gov.cn', '历史档案').status).toBe('robots');
    expect(col('www.example.gov.cn', '统计信息').status).toBe('timeout');
    expect(col('www.example.gov.cn', '专题专栏').status).toBe('maintenance');
    expect(col('www.example.gov.cn', '规划信息')).toMatchObject({ status: 'ok', itemCount: 0 });
  });

  it('judges each portal against the national thresholds', () => {
    const v = Object.fromEntries(s.portals.map((p) => [p.host, Object.fromEntries(p.rules.map((r) => [r.id, `${r.count}${r.failed ? '!' : ''}`]))]));
    expect(s.portals.map((p) => `${p.host}:${p.passed}`)).toEqual([
      'sthjj.example.gov.cn:false', 'sthjj.jiaxing.example.gov.cn:true', 'sthjj.wenzhou.example.gov.cn:true',
      'www.ca.example.gov.cn:false', 'www.example.gov.cn:true', 'www.jiande.example.gov.cn:true', 'yjglj.example.gov.cn:true']);
    expect(v['sthjj.example.gov.cn']).toEqual({ 'home-stale': '20!', 'stale-dynamic-notice': '3', 'long-stale': '0', 'empty-columns': '2' });
    expect(v['www.ca.example.gov.cn']).toEqual({ 'home-stale': '5', 'stale-dynamic-notice': '2', 'long-stale': '0', 'empty-columns': '5!' });
    expect(v['www.example.gov.cn']).toEqual({ 'home-stale': '1', 'stale-dynamic-notice': '0', 'long-stale': '1', 'empty-columns': '1' });
    const ca = s.portals.find((p) => p.host === 'www.ca.example.gov.cn')!;
    expect(ca.rules.find((r) => r.id === 'empty-columns')!.columns.sort()).toEqual(['政府信息公开制度', '统计信息', '规划信息', '财政信息', '通知公告'].sort());
  });

  it("compares a report's self-reported counts with the crawl", () => {
    const c = (label: string) => s.statedCounts.find((x) => x.agency === '杭州市人民政府' && x.year === 2024 && x.label === label)!;
    expect(c('政策文件')).toMatchObject({ stated: 35, found: 27 });
    expect(c('人事信息')).toMatchObject({ stated: 12, found: 12 });
    expect(s.statedCounts.find((x) => x.agency === '杭州市生态环境局' && x.year === 2024 && x.label === '环境质量')).toMatchObject({ stated: 60, found: 60 });
  });
});

describe('faults and politeness', () => {
  it('handles and reports each fault once', () => {
    // (The TRS list API's 404 is inside the browser, the column's reason.)
    // The 404s: the report the list links but the site no longer serves, and the two later pages of 政府文件 (not served).
    expect(s.faults.map((f) => `${f.kind} ${f.count}`)).toEqual(['http-404 3', 'http-500 1', 'maintenance 1', 'redirect-loop 1', 'robots 1', 'timeout 1', 'too-large 1']);
    expect(s.faults.find((f) => f.kind === 'http-404')!.urls.sort()).toEqual(['http://www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/zfwj/index_1.html',
      'http://www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/zfwj/index_2.html', 'http://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/201903/t20190328_80592.htm']);
    expect(s.faults.find((f) => f.kind === 'too-large')!.urls[0]).toMatch(/\.pdf$/);
  });

  it('retries 5xx and timeouts but not 404, and never requests a robots-forbidden path', () => {
    const hits = (path: string) => portal.hits.get(`www.example.gov.cn${path}`) ?? 0;
    expect(hits('/zwgk/zfxxgk/zfxxgknb/201903/t20190328_80592.htm')).toBe(1);
    expect(hits('/zwgk/zfxxgk/fdzdgknr/czxx/')).toBe(2);
    expect(hits('/zwgk/zfxxgk/fdzdgknr/tjxx/')).toBe(2);
    expect(hits('/zwgk/zfxxgk/fdzdgknr/lsda/')).toBe(0);
    expect(hits('/robots.txt')).toBe(1);
  });

  it('reparses the stored documents from the blobs, without the network, to the same results', async () => {
    const requests = [...portal.hits.values()].reduce((a, b) => a + b, 0);
    const { analyze } = await import('../../crawler/src/crawl/analyze.js');
    const { BlobStore } = await import('../../crawler/src/store/blobs.js');
    const a = await analyze(store, s.run, { reparse: new BlobStore(join(dir, 'blobs')) });
    expect(a).toMatchObject({ documents: 34, parsed: 32, reports: 27 });
    const again = await runSummary(store, s.run.id);
    expect(again.documents).toEqual(s.documents);
    expect(again.findings).toEqual(s.findings);
    expect(again.reports.map((r) => `${r.url} ${r.score}`)).toEqual(s.reports.map((r) => `${r.url} ${r.score}`));
    expect([...portal.hits.values()].reduce((x, y) => x + y, 0)).toBe(requests);
  }, 120_000);

  it('recrawls with conditional requests: unchanged pages answer 304 and nothing is lost', async () => {
    const before = portal.statuses.get(304) ?? 0;
    const again = await crawl({ seeds: portal.homes, store, blobDir: join(dir, 'blobs'), now: portal.now, resolve: resolveOf(portal), ...LOCAL, fresh: true });
    expect(again.run.id).toBe(s.run.id + 1);
    expect((portal.statuses.get(304) ?? 0) - before).toBeGreaterThan(100);
    const s2 = await runSummary(store, again.run.id);
    expect(s2.agencies).toEqual(s.agencies);
    expect(s2.documents).toEqual(s.documents);
  }, 120_000);

  it('keeps one snapshot per run, so a column that stopped being updated shows over time', async () => {
    const past = await startPortal({ port: 0, now: portal.now, asOf: '2025-06-02', slowMs: SLOW_MS });
    try {
      const r = await crawl({ seeds: past.homes, store, blobDir: join(dir, 'blobs'), now: past.now, resolve: resolveOf(past), ...LOCAL, fresh: true, columnsOnly: true });
      const then = await runSummary(store, r.run.id);
      const gzdt = (x: RunSummary) => x.columns.find((c) => c.host === 'sthjj.example.gov.cn' && c.name === '工作动态')!;
      expect(gzdt(then)).toMatchObject({ itemCount: 38, newest: '2025-05-29' });
      expect(gzdt(s)).toMatchObject({ itemCount: 40, newest: '2025-06-10' });
      const passed = (x: RunSummary) => x.portals.find((p) => p.host === 'sthjj.example.gov.cn')!.passed;
      expect([passed(then), passed(s)]).toEqual([true, false]);
      expect(new Set(store.snapshots().map((c) => c.runId))).toEqual(new Set([s.run.id, s.run.id + 1, r.run.id]));
    } finally {
      await past.close();
    }
  }, 120_000);
});
