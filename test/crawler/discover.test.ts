/** Units of discovery: URL kinds, dates, report titles, pagination forms, robots rules, column verdicts. */
import { describe, expect, it } from 'vitest';
import { columnKey, dateFromUrl, findDate, titleFacts, urlKind } from '../../crawler/src/discover/urls.js';
import { attachments, listItems, parse, siteName } from '../../crawler/src/discover/html.js';
import { paginate, statedTotals, xhrList } from '../../crawler/src/discover/pagination.js';
import { columnLinks, isSection, pageAddress, sectionCandidates } from '../../crawler/src/discover/section.js';
import { parseRobots } from '../../crawler/src/fetch/robots.js';
import { backoffMs, HostGate } from '../../crawler/src/fetch/politeness.js';
import { classifyColumn } from '@gongkai/shared';
import { extractStatedCounts } from '../../crawler/src/columns/stated-counts.js';
import { freshness, judgePortal } from '../../crawler/src/columns/verdict.js';
import type { ColumnSnapshot } from '../../crawler/src/store/types.js';

const B = 'http://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/';

describe('urls', () => {
  it('tells articles, attachments and pages apart', () => {
    expect(urlKind(new URL('./202001/t20200120_80576.htm', B))).toBe('article');
    expect(urlKind(new URL('/art/2021/1/28/art_1229_123456.html', B))).toBe('article');
    expect(urlKind(new URL('/content/post_123456.html', B))).toBe('article');
    expect(urlKind(new URL('/module/detail.jsp?id=88', B))).toBe('article');
    expect(urlKind(new URL('./P020210121384729.PDF', B))).toBe('attachment');
    expect(urlKind(new URL('./x.wps', B))).toBe('attachment');
    expect(urlKind(new URL('./index_2.html', B))).toBe('page');
  });

  it('reads dates as lists print them and as URLs encode them', () => {
    expect(findDate('[2020-01-20]')).toBe('2020-01-20');
    expect(findDate('2020年1月5日')).toBe('2020-01-05');
    expect(findDate('2020/01/20')).toBe('2020-01-20');
    expect(findDate('2020-13-40')).toBeNull();
    expect(dateFromUrl('http://x/202001/t20200120_80576.htm')).toBe('2020-01-20');
    expect(dateFromUrl('http://x/art/2021/1/8/art_1229_1.html')).toBe('2021-01-08');
  });

  it('keys a column by its first page', () => {
    expect(columnKey(`${B}index_3.html`)).toBe(B);
    expect(columnKey(`${B}index.shtml`)).toBe(B);
    expect(columnKey(`${B}?page=4`)).toBe(B);
    expect(columnKey('http://x/col/col1229/index.html?pageNum=2')).toBe('http://x/col/col1229/');
    // A component CMS's later pages (index_<comp>_N.html) are the same column.
    expect(columnKey('http://www.jxfc.gov.cn/n3/n13/index_958_198.html')).toBe(columnKey('http://www.jxfc.gov.cn/n3/n13/index.html'));
    expect(columnKey('http://x/n3/n13/list_958_198.html')).toBe('http://x/n3/n13/list_958_198.html');
  });

  it('takes agency and year from a report title', () => {
    expect(titleFacts('杭州市生态环境局淳安分局2019年度政府信息公开年度报告')).toEqual({ agency: '杭州市生态环境局淳安分局', year: 2019 });
    expect(titleFacts('2020年政府信息公开工作年度报告')).toEqual({ agency: null, year: 2020 });
    expect(titleFacts('关于印发办法的通知')).toEqual({ agency: null, year: null });
  });
});

describe('html', () => {
  it('finds list items with their printed dates, ignoring page chrome and short sidebars', () => {
    const $ = parse(`<div class="nav"><a href="/art/2020/1/1/art_1_1.html">导航</a></div>
      <ul><li><a href="./202001/t20200120_1.htm">一号文件的标题</a><span>2020-01-20</span></li><li><a href="./202002/t20200221_2.htm">二号文件的标题</a>2020年2月21日</li></ul>
      <ul class="side"><li><a href="./202003/t20200301_3.htm">侧栏</a></li></ul>`);
    expect(listItems($, B)).toEqual([
      { url: `${B}202001/t20200120_1.htm`, title: '一号文件的标题', date: '2020-01-20', dateSource: 'printed' },
      { url: `${B}202002/t20200221_2.htm`, title: '二号文件的标题', date: '2020-02-21', dateSource: 'printed' },
    ]);
  });

  it('finds records however rows are wrapped: one <dl> per row, a list split over three <ul>, <div> rows', () => {
    const dl = Array.from({ length: 4 }, (_, i) => `<dl><dd><a href="./2025${i}/t2025012${i}_${i}.html">第${i}份政府信息公开年报</a></dd><dd>2025-01-1${i}</dd></dl>`).join('');
    expect(listItems(parse(`<div class="list">${dl}</div>`), B).map((r) => `${r.date} ${r.dateSource}`))
      .toEqual(['2025-01-10 printed', '2025-01-11 printed', '2025-01-12 printed', '2025-01-13 printed']);
    const ul = (k: number) => `<ul class="list">${Array.from({ length: 5 }, (_, i) => `<li><a href="/c/${k * 5 + i}.html">第${k * 5 + i}条通知公告标题</a><span>2024-0${k + 1}-1${i}</span></li>`).join('')}</ul>`;
    const split = parse(`<div class="main">${ul(0)}${ul(1)}${ul(2)}</div><div class="side"><ul class="hot"><li><a href="/h/1.html">热点一条新闻</a><span>2024-09-01</span></li></ul></div>`);
    expect(listItems(split, B).map((r) => r.url.split('/').pop())).toEqual(Array.from({ length: 15 }, (_, i) => `${i}.html`));
    const div = parse(`<div class="lst">${[1, 2, 3].map((i) => `<div class="row"><a href="/x/${i}.html">第${i}个工作动态标题</a><span class="t">2023-05-0${i}</span></div>`).join('')}</div>`);
    expect(listItems(div, B).map((r) => r.date)).toEqual(['2023-05-01', '2023-05-02', '2023-05-03']);
  });

  it('keeps rows of any URL shape (EmpireCMS /<column>/2018-07-12/7477.html), URL date only as fallback', () => {
    const $ = parse(`<ul class="news">
      <li><a href="/xwzx/2018-07-12/7477.html">县政府召开常务会议研究部署工作</a></li>
      <li><a href="/xwzx/2018-07-10/7466.html">县长主持召开专题会议</a><em>2018-07-11</em></li></ul>`);
    expect(listItems($, 'http://www.county.gov.cn/xwzx/')).toEqual([
      { url: 'http://www.county.gov.cn/xwzx/2018-07-12/7477.html', title: '县政府召开常务会议研究部署工作', date: '2018-07-12', dateSource: 'url' },
      { url: 'http://www.county.gov.cn/xwzx/2018-07-10/7466.html', title: '县长主持召开专题会议', date: '2018-07-11', dateSource: 'printed' },
    ]);
  });

  it('expands every pagination form to all pages, and caps what a pager claims before building anything', () => {
    const trs = '<script>createPageHTML(4, 0, "index", "html");</script>';
    expect(paginate(parse(trs), B, trs)).toMatchObject({ pages: [`${B}index_1.html`, `${B}index_2.html`, `${B}index_3.html`], serial: false, capped: false, stated: { pages: 4 } });
    const q = '<div><span>共4页 共58条</span><a href="?page=2">下一页</a><a href="?page=4">尾页</a></div>';
    expect(paginate(parse(q), B, q)).toMatchObject({ pages: [`${B}?page=2`, `${B}?page=3`, `${B}?page=4`], stated: { pages: 4, records: 58 } });
    const sh = '<a href="index_2.shtml">下一页</a> <a href="index_3.shtml">末页</a>';
    expect(paginate(parse(sh), B, sh).pages).toEqual([`${B}index_2.shtml`, `${B}index_3.shtml`]);
    const next = '<a href="list_2.html">下一页</a>';
    expect(paginate(parse(next), B, next)).toMatchObject({ pages: [`${B}list_2.html`], serial: true });
    const cp = '<script>var countPage = 3;</script>';
    expect(paginate(parse(cp), B, cp).pages).toEqual([`${B}index_1.html`, `${B}index_2.html`]);
    const cn = '<script>var countnum= 25;\nvar currentPage=0;\nvar countPage=3</script>';
    expect(paginate(parse(cn), B, cn)).toMatchObject({ pages: [`${B}index_1.html`, `${B}index_2.html`], stated: { records: 25, pages: 3, evidence: ['var countnum= 25', 'var countPage=3'] } });
    const notCount = '<script>var countnumber = 7; var accountnum = 9;</script>';
    expect(paginate(parse(notCount), B, notCount).stated.records).toBeNull();
    const comp = '<script>var purl="../n13/index_958"; var maxPageNum=0; maxPageNum = 4;</script>';
    expect(paginate(parse(comp), `${B}index.html`, comp)).toMatchObject({ pages: [3, 2, 1].map((n) => `${B.replace(/[^/]+\/$/, '')}n13/index_958_${n}.html`), stated: { pages: 4 } });
    const huge = '<script>createPageHTML(10000000, 0, "index", "html");</script>';
    expect(paginate(parse(huge), B, huge, 50)).toMatchObject({ capped: true, stated: { pages: 10000000 } });
    expect(paginate(parse(huge), B, huge, 50).pages).toHaveLength(49);
    const over = '<script>var countPage = 99999999999;</script>';
    expect(paginate(parse(over), B, over, 50)).toMatchObject({ capped: true, stated: { pages: 99999999999 } });
    const last = '<a href="?page=2">下一页</a><a href="?page=900000000">尾页</a>';
    expect(paginate(parse(last), B, last, 10)).toMatchObject({ capped: true, stated: { pages: 900000000 } });
  });

  it('recognises CMS list APIs and the endpoint the page names', () => {
    expect(xhrList('<script>var listModel = new ListModel({ pagebar: { prepage: 15, recordCount: 20 } });</script>')).toEqual({ family: 'trs-listmodel', endpoint: null });
    expect(xhrList("<script>$.post('/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=45&perpage=15', {})</script>"))
      .toEqual({ family: 'hanweb-jpage', endpoint: '/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=45&perpage=15' });
    expect(xhrList('<ul><li>plain</li></ul>')).toBeNull();
    expect(statedTotals('<script>pagebar: {prepage: 15, recordCount: 20}</script>', '')).toMatchObject({ records: 20 });
  });

  it('finds attachments however they are embedded', () => {
    const $ = parse(`<a href="./P1.pdf">pdf</a><a href="javascript:void(0)" onclick="window.open('./P2.doc')">doc</a>
      <iframe src="/pdfjs/web/viewer.html?file=%2Fa%2FP3.pdf"></iframe><embed src="./P4.docx"><object data="./P5.wps"></object><a href="./P1.pdf">again</a>`);
    expect(attachments($, B).map((a) => a.url)).toEqual([`${B}P1.pdf`, `${B}P2.doc`, 'http://www.example.gov.cn/a/P3.pdf', `${B}P4.docx`, `${B}P5.wps`]);
  });

  it('finds the disclosure section and its columns with their parents', () => {
    const home = parse('<title>首页 - 示例市人民政府</title><a href="/zwgk/">政务公开</a><a href="/col/col9/index.html">政府信息公开</a><a href="/bsfw/">办事服务</a>');
    expect(siteName(home)).toBe('示例市人民政府');
    expect(sectionCandidates(home, 'http://h/')).toEqual(['http://h/col/col9/index.html', 'http://h/zwgk/']);
    const sec = parse(`<div class="header"><a href="/">首页</a><a href="/hdjl/">互动交流</a></div><div class="left"><ul>
      <li><a href="zn/">政府信息公开指南</a></li><li><a href="fd/">法定主动公开内容</a><ul><li><a href="fd/zcwj/">政策文件</a></li></ul></li>
      <li><a href="nb/">政府信息公开年报</a></li></ul></div><div class="right"><a href="/other/">其他链接</a></div>`);
    const base = 'http://h/zwgk/zfxxgk/';
    expect(isSection(sec, base)).toBe(true);
    expect(columnLinks(sec, base, new Set())).toEqual([
      { url: `${base}zn/`, name: '政府信息公开指南', parentUrl: null },
      { url: `${base}fd/`, name: '法定主动公开内容', parentUrl: null },
      { url: `${base}fd/zcwj/`, name: '政策文件', parentUrl: `${base}fd/` },
      { url: `${base}nb/`, name: '政府信息公开年报', parentUrl: null },
    ]);
  });
});

describe('section columns', () => {
  // A section page as county portals (EmpireCMS and others) build it: per column a box with the column's
  // link as heading and its newest articles, dated, in rows of some shape. Article URLs here match no
  // known CMS shape (no date, no t2020…_N, no post_N): only the page's structure tells them apart.
  const S = 'http://www.county.gov.cn/zfxxgk/';
  const cols: [string, string][] = [['gkzn', '政府信息公开指南'], ['gkzd', '政府信息公开制度'], ['nb', '政府信息公开年报'], ['tzgg', '通知公告'], ['zcwj', '政策文件']];
  const title = (c: string, i: number) => c === 'nb' ? `本县${2024 - i}年政府信息公开工作年度报告` : `关于做好第${i + 1}批重点工作的通知`;
  const rows: Record<string, (c: string, n: number) => string> = {
    li: (c, n) => `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="/${c}/${741 + i}.html">${title(c, i)}</a><span>2024-0${i + 1}-12</span></li>`).join('')}</ul>`,
    tr: (c, n) => `<table>${Array.from({ length: n }, (_, i) => `<tr><td><a href="/${c}/${741 + i}.html">${title(c, i)}</a></td><td>2024年${i + 1}月12日</td></tr>`).join('')}</table>`,
    dl: (c, n) => Array.from({ length: n }, (_, i) => `<dl><dd><a href="/${c}/${741 + i}.html">${title(c, i)}</a></dd><dd>[2024-0${i + 1}-12]</dd></dl>`).join(''),
    div: (c, n) => Array.from({ length: n }, (_, i) => `<div class="row"><a href="/${c}/${741 + i}.html">${title(c, i)}</a><i>2024/0${i + 1}/12</i></div>`).join(''),
  };
  const page = (shape: string) => `<div class="header"><a href="/">首页</a></div><div class="main">${cols.map(([c, name], k) =>
    `<div class="box"><h3><a href="/${c}/">${name}</a></h3>${rows[shape]!(c, 1 + (k % 3))}</div>`).join('')}
    <div class="links"><a href="/index.php?link=1">县政府门户</a><a href="/index.php?link=2">网站首页</a><a href="/zfxxgk/?utm_source=nav">信息公开目录</a><a href="/tzgg/?spm=1.2">通知公告栏目</a></div></div>`;
  const want = cols.map(([c, name]) => ({ url: `http://www.county.gov.cn/${c}/`, name, parentUrl: null }));

  for (const shape of ['li', 'tr', 'dl', 'div']) {
    it(`takes the column headings, not the dated articles listed under them (rows as <${shape}>) nor home copies`, () => {
      const $ = parse(page(shape));
      expect(isSection($, S)).toBe(true);
      expect(columnLinks($, S, new Set([S, 'http://www.county.gov.cn/']))).toEqual(want);
    });
  }

  it('keeps columns the query selects, and query-only copies of a page out', () => {
    expect(pageAddress('http://h/index.php?link=3')).toBe('http://h/');
    expect(pageAddress('http://h/tzgg/index.html?utm_source=x&from=nav')).toBe('http://h/tzgg/');
    expect(pageAddress('http://h/index.php?m=content&c=index&a=lists&catid=5')).toBe('http://h/index.php?m=content&c=index&a=lists&catid=5');
    const $ = parse(`<div class="xxgk"><a href="/index.php?m=content&c=index&a=lists&catid=5">政府信息公开指南</a>
      <a href="/index.php?m=content&c=index&a=lists&catid=6">政府信息公开年报</a><a href="/index.php?link=6">门户网站</a></div>`);
    expect(columnLinks($, 'http://h/', new Set(['http://h/'])).map((c) => c.name)).toEqual(['政府信息公开指南', '政府信息公开年报']);
  });

  it("does not take a home page's dated news for the way to the section", () => {
    const $ = parse(`<div class="news"><ul>${[2024, 2023].map((y, i) => `<li><a href="/xwzx/${880 + i}.html">政府信息公开工作年度报告（${y}年）</a><span>${y + 1}-01-2${i}</span></li>`).join('')}</ul></div>
      <div class="entry"><a href="/zwgk/">政务公开</a></div>`);
    expect(sectionCandidates($, 'http://www.county.gov.cn/')).toEqual(['http://www.county.gov.cn/zwgk/']);
  });

  it('keeps columns a catalogue dates with their last update (directory addresses)', () => {
    const $ = parse(`<table class="gkml">${cols.map(([c, name], k) => `<tr><td><a href="/${c}/">${name}</a></td><td>更新时间：2025-06-1${k}</td></tr>`).join('')}</table>`);
    expect(columnLinks($, S, new Set([S]))).toEqual(want);
  });

  it('keeps a section whose columns are plain undated links, the URL shape list only a hint', () => {
    const $ = parse(`<ul class="xxgk-list">${cols.map(([c, name]) => `<li><a href="/${c}/">${name}</a></li>`).join('')}
      <li><a href="/nb/2024-03-10/7470.html">本县2023年政府信息公开工作年度报告</a></li></ul>`);
    // The last link is a lone undated row: its dated URL (EmpireCMS /Y-M-D/N.html) still marks it an article.
    expect(columnLinks($, S, new Set([S])).map((c) => c.url)).toEqual(want.map((w) => w.url));
  });
});

describe('robots.txt', () => {
  const r = parseRobots(`User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nAllow: /private/open/\nDisallow: /*.pdf$\nCrawl-delay: 2\n`);
  it('applies the * group: longest match wins, Allow wins ties, $ anchors', () => {
    expect(r.allowed('/zwgk/')).toBe(true);
    expect(r.allowed('/private/x')).toBe(false);
    expect(r.allowed('/private/open/x')).toBe(true);
    expect(r.allowed('/a/b.pdf')).toBe(false);
    expect(r.allowed('/a/b.pdf?x=1')).toBe(true);
    expect(r.crawlDelayMs).toBe(2000);
  });
  it('prefers a group naming us', () => {
    expect(parseRobots('User-agent: GongkaiLens\nDisallow: /x/\n\nUser-agent: *\nDisallow: /\n').allowed('/y/')).toBe(true);
  });
});

describe('politeness', () => {
  it('limits requests in flight per host and spaces their starts', () => {
    const g = new HostGate(2, 100);
    expect(g.waitFor('a', 1000)).toBe(0);
    g.acquire('a', 1000);
    expect(g.waitFor('a', 1050)).toBe(50);
    expect(g.waitFor('b', 1050)).toBe(0);
    g.acquire('a', 1100);
    expect(g.waitFor('a', 1300)).toBe(Infinity); // two in flight
    g.release('a');
    expect(g.waitFor('a', 1300)).toBe(0);
    g.setDelay('a', 2000); // robots Crawl-delay
    g.acquire('a', 1300);
    g.release('a');
    expect(g.waitFor('a', 1400)).toBe(1900);
  });

  it('backs off exponentially, with jitter, up to a cap', () => {
    for (let i = 0; i < 20; i++) {
      expect(backoffMs(0, 1000)).toBeGreaterThanOrEqual(500);
      expect(backoffMs(0, 1000)).toBeLessThanOrEqual(1000);
      expect(backoffMs(3, 1000)).toBeGreaterThanOrEqual(4000);
      expect(backoffMs(20, 1000, 60_000)).toBeLessThanOrEqual(60_000);
    }
  });
});

describe('columns', () => {
  const col = (name: string, itemCount: number, newest: string | null, status = 'ok'): ColumnSnapshot => ({
    runId: 1, key: name, host: 'h', name, url: `http://h/${name}/`, parentKey: null, isReports: false, isParent: false,
    category: classifyColumn(name), status, error: null, pages: 1, itemCount, newest, oldest: newest, perYear: {}, perMonth: {}, datesPrinted: null, datesFromUrl: null,
  });

  it('classifies columns for the check-list', () => {
    expect(['工作动态', '通知公告', '政策文件', '政府信息公开指南', '政府信息公开年报', '环境质量'].map((n) => classifyColumn(n)))
      .toEqual(['dynamic', 'notice-policy', 'notice-policy', 'static', 'reports', 'other']);
  });

  it('judges freshness by category on the given day', () => {
    expect(freshness(col('工作动态', 3, '2025-06-16'), '2025-06-30')).toBe('fresh');
    expect(freshness(col('工作动态', 3, '2025-06-15'), '2025-06-30')).toBe('stale');
    expect(freshness(col('通知公告', 3, '2025-01-01'), '2025-06-30')).toBe('fresh');
    expect(freshness(col('通知公告', 3, '2024-12-28'), '2025-06-30')).toBe('stale');
    expect(freshness(col('规划信息', 0, null), '2025-06-30')).toBe('empty');
    expect(freshness(col('规划信息', 0, null, 'http-500'), '2025-06-30')).toBe('unknown');
  });

  it('fails a portal at the national thresholds and not below them', () => {
    const portal = { host: 'h', name: 'x', homeUrl: 'http://h/', sectionUrl: null, homeNewest: '2025-06-20', homeItems: 5 };
    const empties = (n: number) => Array.from({ length: n }, (_, i) => col(`空栏目${i}`, 0, null));
    expect(judgePortal(portal, empties(4), '2025-06-30').passed).toBe(true);
    expect(judgePortal(portal, empties(5), '2025-06-30').rules.find((r) => r.id === 'empty-columns')!.failed).toBe(true);
    const stale = (n: number) => Array.from({ length: n }, (_, i) => col(`动态${i}`, 2, '2025-01-01'));
    expect(judgePortal(portal, stale(4), '2025-06-30').passed).toBe(true);
    expect(judgePortal(portal, stale(5), '2025-06-30').passed).toBe(false);
    const long = (n: number) => Array.from({ length: n }, (_, i) => col(`业务${i}`, 2, '2024-01-01'));
    expect(judgePortal(portal, long(9), '2025-06-30').passed).toBe(true);
    expect(judgePortal(portal, long(10), '2025-06-30').passed).toBe(false);
    expect(judgePortal({ ...portal, homeNewest: '2025-06-15' }, [], '2025-06-30').passed).toBe(false);
  });

  it("reads a report's self-reported counts", () => {
    expect(extractStatedCounts('全年共发布信息2260条，其中“建设项目环境影响评价公示”570条、"辐\n射安全许可"162条。')).toEqual([
      { label: '共发布信息', stated: 2260 }, { label: '建设项目环境影响评价公示', stated: 570 }, { label: '辐射安全许可', stated: 162 }]);
  });
});
