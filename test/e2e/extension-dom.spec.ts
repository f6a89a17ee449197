/**
 * The extension's DOM logic (page classification, column lists, finding report columns and earlier
 * reports, locating sentences and cells) run in Chromium on small hand-made pages: the helpers are
 * bundled with esbuild and called through page.evaluate. No extension needed.
 */
import { build } from 'esbuild';
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const lib = fileURLToPath(new URL('../../extension/lib/', import.meta.url));
let bundle = '';
test.beforeAll(async () => {
  const out = await build({
    stdin: {
      contents: "export { parseDom } from '@gongkai/shared/browser';\n" + ['quick-detect', 'column', 'earlier-years', 'locate', 'selectors', 'attachments', 'hanweb', 'check-page', 'dom-snapshot'].map((m) => `export * from './${m}.ts';`).join('\n'),
      resolveDir: lib, loader: 'ts',
    },
    bundle: true, format: 'iife', globalName: 'L', write: false, platform: 'browser', target: 'es2022', logLevel: 'silent',
  });
  bundle = out.outputFiles[0]!.text;
});

async function load(page: Page, body: string, title = 't'): Promise<void> {
  await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`);
  await page.addScriptTag({ content: bundle });
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Lib = any;
const call = <T>(page: Page, fn: (l: Lib) => T) => page.evaluate(`(${fn.toString()})(window.L)`) as Promise<T>;

test('quickClassify: title, table labels, attachments, dated lists, nothing', async ({ page }) => {
  const url = 'http://www.example.gov.cn/zwgk/a/t20210120_1.htm';
  await load(page, '<p>x</p>', '某局2020年政府信息公开工作年度报告');
  expect(await call(page, (L) => L.quickClassify(document, 'http://www.example.gov.cn/a/t20210120_1.htm'))).toEqual({ report: true, column: false, attachments: false });
  await load(page, '<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr></table>', '2020年度报告');
  expect(await call(page, (L) => L.quickClassify(document, 'http://www.example.gov.cn/a/t20210120_1.htm').report)).toBe(true);
  // A layout table around the whole page does not count as a report table.
  await load(page, '<table><tr><td><table><tr><td>导航</td></tr></table>一、本年新收政府信息公开申请数量</td></tr></table>', '讲话');
  expect(await call(page, (L) => L.quickClassify(document, 'http://www.example.gov.cn/a/t20210120_1.htm').report)).toBe(false);
  await load(page, '<a href="/f/P0202101.PDF">附件</a>', '通知');
  expect(await call(page, (L) => L.quickClassify(document, 'http://www.example.gov.cn/a/t1.htm').attachments)).toBe(true);
  await load(page, '<ul>' + [1, 2, 3].map((i) => `<li><a href="./${i}.htm">条目${i}</a><span>[2024-0${i}-01]</span></li>`).join('') + '</ul>', '工作动态');
  expect(await call(page, (L) => L.quickClassify(document, 'http://www.example.gov.cn/zwgk/gzdt/index.html').column)).toBe(true);
  await load(page, '<h1>联系我们</h1><p>电话</p>', '联系我们');
  expect(await call(page, (L) => L.anyKind(L.quickClassify(document, 'http://www.example.gov.cn/about.html')))).toBe(false);
  void url;
});

/**
 * The gate's question (`quickLook`) and the lens's (`quickClassify`) on the page loaded: the gate's
 * answer must be the lens's "any kind", and the attachment test that of the lens's list of them.
 */
async function kinds(page: Page, url: string): Promise<{ report: boolean; column: boolean; attachments: boolean }> {
  const got = await page.evaluate(`(() => {
    const k = window.L.quickClassify(document, ${JSON.stringify(url)});
    return { k, any: window.L.quickLook(document, ${JSON.stringify(url)}), listed: window.L.attachmentElements(document, 1).length > 0 };
  })()`) as { k: { report: boolean; column: boolean; attachments: boolean }; any: boolean; listed: boolean };
  expect(got.any).toBe(got.k.report || got.k.column || got.k.attachments);
  expect(got.k.attachments).toBe(got.listed);
  return got.k;
}

test('quick look: labels split across elements, layout pages, first heading, attachment forms', async ({ page }) => {
  const art = 'http://www.example.gov.cn/zwgk/a/t20210120_1.htm';
  // A label split across spans (Word's HTML) in a report table, one row or one cell a row.
  await load(page, '<table><tr><td><p><span>一、本年</span><span>新收</span>政府信息公开申请数量</p></td><td>3</td></tr></table>', '2020年度报告');
  expect((await kinds(page, art)).report).toBe(true);
  await load(page, '<table><tr><td>结果<b>维持</b></td></tr><tr><td>2</td></tr></table>', '2020年度报告');
  expect((await kinds(page, art)).report).toBe(true);
  // A long speech in a layout table (a menu table beside 1500 paragraphs): nothing of ours…
  const speech = Array.from({ length: 1500 }, (_, i) => `<p>第${i + 1}段：坚持精准治污、科学治污、依法治污。</p>`).join('');
  await load(page, `<table width="100%"><tr><td><table><tr><td>导航</td></tr></table></td><td>${speech}</td></tr></table>`, '在全市生态环境工作会议上的讲话');
  expect(await kinds(page, art)).toEqual({ report: false, column: false, attachments: false });
  // …but a report table inside a layout cell is read, and a link at the end of the long text found.
  await load(page, `<table><tr><td><table><tr><td>导航</td></tr></table></td><td>${speech}<table><tr><td>（三）本年<span>新收</span>申请</td><td>5</td></tr></table></td></tr></table>`, '讲话');
  expect((await kinds(page, art)).report).toBe(true);
  await load(page, `<table><tr><td><table><tr><td>导航</td></tr></table></td><td>${speech}<p><a href="/f/2020.DOCX">附件</a></p></td></tr></table>`, '讲话');
  expect(await kinds(page, art)).toEqual({ report: false, column: false, attachments: true });
  // The first of h1, h2, .title, .article-title in document order is the heading read.
  await load(page, '<div class="article-title">某局2020年政府信息公开工作年度报告</div><h1>某局网站</h1>', '某局');
  expect((await kinds(page, art)).report).toBe(true);
  await load(page, '<h2>某局网站</h2><div class="title">某局2020年政府信息公开工作年度报告</div>', '某局');
  expect((await kinds(page, art)).report).toBe(false);
  // Attachment forms, each on a page of its own; look-alikes are not attachments.
  for (const html of [
    '<a href="/pdfjs/web/viewer.html?file=%2Ff%2Fr">在线阅读</a>',
    '<a href="javascript:void(0)" onclick="window.open(\'/f/w.WPS\')">下载</a>',
    '<a href="javascript:openFile(\'/f/r.pdf\')">报告</a>',
    '<a href="/f/r.pdf?v=2">报告</a>',
    '<embed src="/f/r.pdf" type="application/pdf">',
    '<object data="/f/r.PDF" type="application/pdf"></object>',
    '<iframe src="/f/r.pdf"></iframe>',
  ]) {
    await load(page, `<p>正文</p>${html}`, '通知');
    expect((await kinds(page, art)).attachments, html).toBe(true);
  }
  await load(page, '<a href="/f/r.pdf.html">报告</a><a href="/docs/">文档</a><iframe src="/embed/video.html"></iframe>', '通知');
  expect((await kinds(page, art)).attachments).toBe(false);
});

test('quick look: dated lists behind menus or outside ul, list classes on list URLs only', async ({ page }) => {
  const dated = [1, 2, 3].map((i) => `<li><a href="./${i}.htm">条目${i}</a><span>2024-0${i}-01</span></li>`).join('');
  const menu = Array.from({ length: 5 }, (_, i) => `<li><a href="/c${i}/">栏目${i}</a><ul><li><a href="/c${i}/s/">子栏目</a></li></ul></li>`).join('');
  await load(page, `<ul class="nav">${menu}</ul><ul>${dated}</ul>`, '工作动态');
  expect((await kinds(page, 'http://www.example.gov.cn/zwgk/t1.htm')).column).toBe(true);
  await load(page, `<div class="news">${dated}</div>`, '工作动态');
  expect((await kinds(page, 'http://www.example.gov.cn/zwgk/t1.htm')).column).toBe(true);
  // Dates next to the list, none in an entry; dated entries without links.
  await load(page, `<ul>${menu}<span>2024-01-01</span></ul><ul>${[1, 2, 3].map((i) => `<li>条目${i} 2024-0${i}-01</li>`).join('')}</ul>`, '工作动态');
  expect((await kinds(page, 'http://www.example.gov.cn/zwgk/t1.htm')).column).toBe(false);
  await load(page, '<div class="zfxxgk_list"></div>', '政府信息公开');
  expect((await kinds(page, 'http://www.example.gov.cn/zwgk/index_2.html')).column).toBe(true);
  expect((await kinds(page, 'http://www.example.gov.cn/zwgk/t1.htm')).column).toBe(false);
  expect(await call(page, (L) => ['http://a.gov.cn', 'http://a.gov.cn/zwgk/', 'http://a.gov.cn/col/column-index-3.shtml', 'http://a.gov.cn/list_2.html?page=2#top', 'http://a.gov.cn/zwgk/t1.htm', 'http://a.gov.cn/index.html.bak', 'not a url'].map(L.listPageUrl)))
    .toEqual([true, true, true, true, false, false, false]);
});

test('column pages: name from meta, heading or breadcrumb; items; pager', async ({ page }) => {
  await load(page, '<meta name="ColumnName" content="通知公告"><div class="position"><a href="/">首页</a> &gt; 其他</div><ul><li><a href="1.htm">a</a> 2024年5月6日</li><li><a href="2.htm" title="B 标题">b</a> <span>2024-05-01</span></li><li>no link 2024-01-01</li></ul><script>createPageHTML(7, 0, "index", "html");</script>');
  const v = await call(page, (L) => L.checkColumnPage(document, new Date('2024-06-01T00:00:00Z')));
  expect(v).toMatchObject({ name: '通知公告', category: 'notice-policy', limitDays: 183, count: 2, pages: 7, newest: '2024-05-06', ageDays: 26, freshness: 'fresh' });
  expect(await call(page, (L) => L.columnItems(document).map((i: { title: string }) => i.title))).toEqual(['a', 'B 标题']);
  await load(page, '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 工作动态</div><ul></ul>');
  expect(await call(page, (L) => L.columnName(document))).toBe('工作动态');
  expect(await call(page, (L) => L.checkColumnPage(document, new Date()).freshness)).toBe('empty');
});

test('report columns and earlier reports: CMS URL shapes, agency filter, same origin only', async ({ page }) => {
  await load(page, '<div class="position"><a href="/">首页</a> &gt; <a href="/zwgk/zfxxgk/nb/">政府信息公开年报</a></div>');
  const c1 = await call(page, (L) => L.reportColumnCandidates(document, 'http://a.gov.cn/zwgk/zfxxgk/nb/202101/t20210120_1.htm').map((u: URL) => u.href));
  expect(c1[0]).toBe('http://a.gov.cn/zwgk/zfxxgk/nb/');
  await load(page, '<a href="http://evil.example/nb/">政府信息公开年报</a>');
  const c2 = await call(page, (L) => L.reportColumnCandidates(document, 'http://a.gov.cn/art/2021/1/28/art_1229_55.html').map((u: URL) => u.href));
  expect(c2).toContain('http://a.gov.cn/col/col1229/index.html');
  expect(c2.some((h: string) => h.includes('evil'))).toBe(false);
  const c3 = await call(page, (L) => L.reportColumnCandidates(document, 'http://a.gov.cn/zwgk/nb/content/post_9.html').map((u: URL) => u.href));
  expect(c3[0]).toBe('http://a.gov.cn/zwgk/nb/');

  await load(page, [
    '<a href="./2022.htm">某县人民政府2022年政府信息公开工作年度报告</a>',
    '<a href="./2021.htm">某县人民政府2021年政府信息公开工作年度报告</a>',
    '<a href="./2021b.htm">某县人民政府2021年政府信息公开工作年度报告（旧版）</a>',
    '<a href="./2020-dept.htm">某县交通运输局2020年政府信息公开工作年度报告</a>',
    '<a href="https://a.gov.cn/2019.htm">某县人民政府2019年政府信息公开工作年度报告</a>',
    '<a href="http://b.gov.cn/2018.htm">某县人民政府2018年政府信息公开工作年度报告</a>',
    '<a href="./2017.htm">2017年度报告</a>',
  ].join(''));
  const links = await call(page, (L) => L.earlierReportLinks(document, 'http://a.gov.cn/nb/', 2022, '某县人民政府').map((l: { year: number; url: URL }) => `${l.year} ${l.url.href}`));
  expect(links).toEqual(['2021 http://a.gov.cn/nb/2021.htm', '2017 http://a.gov.cn/nb/2017.htm']);
});

test('next page of a column list: "下一页" links (same origin) and TRS pagers', async ({ page }) => {
  await load(page, '<ul></ul><script>createPageHTML(3, 0, "index", "html");</script>');
  expect(await call(page, (L) => L.nextListPage(document, new URL('http://a.gov.cn/nb/'), 1)?.href)).toBe('http://a.gov.cn/nb/index_1.html');
  expect(await call(page, (L) => L.nextListPage(document, new URL('http://a.gov.cn/nb/'), 3))).toBeNull();
  await load(page, '<a href="http://b.gov.cn/?page=2">下一页</a><a href="?page=2">下一页</a>');
  expect(await call(page, (L) => L.nextListPage(document, new URL('http://a.gov.cn/nb/list.jsp'), 1)?.href)).toBe('http://a.gov.cn/nb/list.jsp?page=2');
});

test('Hanweb columns: inline XML records and the data-proxy request a page would make', async ({ page }) => {
  await load(page, '<div id="d"><script type="text/xml"><datastore><recordset><record><![CDATA[<li><a href="/art/2021/1/2/art_1_2.html">某局2020年政府信息公开工作年度报告</a></li>]]></record></recordset></datastore></script></div>');
  const inline = await call(page, async (L) => (await L.hanwebRecords(document, 'http://a.gov.cn/col/col1/index.html'))?.querySelectorAll('a').length ?? 0);
  expect(inline).toBe(1);
  await load(page, `<div id="d"></div><script>var x = new XMLHttpRequest(); x.open('POST', '/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=30&perpage=15', true); x.send('col=1&appid=1&webid=3&columnid=1229007&unitid=4007');</script>`);
  const req = await call(page, (L) => { const r = L.proxyRequest(document, 'http://a.gov.cn/col/col1229007/index.html'); return r && `${r.url.href} ${r.body}`; });
  expect(req).toBe('http://a.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=30&perpage=15 col=1&appid=1&webid=3&columnid=1229007&unitid=4007');
  expect(await call(page, (L) => L.recordsOf('<record><![CDATA[<li>a</li>]]></record><record> <![CDATA[<li>b</li>]]> </record>'))).toEqual(['<li>a</li>', '<li>b</li>']);
});

test('attachments: links, pdf.js viewers, window.open, embedded PDFs; other sites marked', async ({ page }) => {
  await load(page, [
    '<a href="./P0202101.pdf">报告.pdf</a>',
    '<a href="/pdfjs/web/viewer.html?file=%2Ffiles%2Fr.pdf">在线阅读</a>',
    '<a href="javascript:void(0)" onclick="window.open(\'/files/w.PDF\')">下载</a>',
    '<iframe src="/files/embedded.pdf"></iframe>',
    '<a href="http://cdn.other.example/r.docx">附件</a>',
    '<a href="javascript:void(0)" onclick="window.open(\'./P0202102.doc\', \'_blank\')">年度报告.doc</a>',
    '<a href="javascript:window.open(\'/files/2020.wps\')">年报（WPS）</a>',
    '<a href="/news/1.htm">新闻</a>',
  ].join(''));
  const got = await call(page, (L) => L.attachmentLinks(document, 'http://a.gov.cn/nb/t1.htm').map((x: { url: URL | null; ext: string; a: Element }) => `${x.a.tagName} ${x.ext} ${x.url?.href ?? 'other-site'}`));
  expect(got).toEqual([
    'A pdf http://a.gov.cn/nb/P0202101.pdf',
    'A pdf http://a.gov.cn/files/r.pdf',
    'A pdf http://a.gov.cn/files/w.PDF',
    'IFRAME pdf http://a.gov.cn/files/embedded.pdf',
    'A docx other-site',
    'A doc http://a.gov.cn/nb/P0202102.doc',
    'A wps http://a.gov.cn/files/2020.wps',
  ]);
});

test('locating evidence: from the parser\'s map of cells and lines, no search of the page', async ({ page }) => {
  await load(page, '<p>2020年，我局<b>共收到</b>依申请\n公开 28件，其中网络申请5件。</p><table><tr><td>a</td></tr></table><table><tr><td>x</td><td>y</td></tr><tr><td colspan="2">z</td><td>29</td></tr></table>');
  const got = await call(page, (L) => {
    // The map as parseDom's collector hands it over: line 0 is the paragraph's text nodes, cell 1:1:1 the "29".
    const p = document.querySelector('p')!;
    const texts = [p.childNodes[0], p.querySelector('b')!.firstChild, p.childNodes[2]];
    const anchors = { cells: new Map([['1:1:1', document.querySelectorAll('table')[1]!.rows[1]!.cells[1]!]]), lines: new Map([[0, texts]]) };
    const sentence = L.mappedSentence(document, anchors, '我局共收到依申请公开28件', { kind: 'text', line: 0, start: 5, end: 18 })?.toString() ?? null;
    const cell = L.mappedCell(anchors, { kind: 'grid', table: 1, row: 1, cell: 1, col: 2 })?.textContent ?? null;
    const other = L.mappedCell(anchors, { kind: 'grid', table: 5, row: 0, cell: 0, col: 0 });
    const elsewhere = L.mappedSentence(document, anchors, '完全不存在的句子内容在这里', { kind: 'text', line: 0, start: 0, end: 10 });
    // A node that left the page is not a place any more.
    const detached = { cells: new Map([['0:0:0', document.createElement('td')]]), lines: new Map() };
    return { sentence, cell, other, elsewhere, gone: L.mappedCell(detached, { kind: 'grid', table: 0, row: 0, cell: 0, col: 0 }) };
  });
  expect(got.sentence?.replace(/\s+/g, '')).toBe('我局共收到依申请公开28件');
  expect(got).toMatchObject({ cell: '29', other: null, elsewhere: null, gone: null });
  // A sentence without a source (the title) is looked up in the page's text.
  expect(await call(page, (L) => L.sentenceRange(document, L.buildTextIndex(document), '其中网络申请5件')?.toString() ?? null)).toBe('其中网络申请5件');
});

test('selectors (quote + position) find a place again after the page changed, and say when it is gone', async ({ page }) => {
  const body = '<div id="a"><p>一、本年新收申请28件。</p><table><tr><td>一、本年新收</td><td>29</td></tr><tr><td>二、上年结转</td><td>29</td></tr></table></div>';
  await load(page, body);
  const got = await call(page, (L) => {
    const cell = document.querySelectorAll('td')[1]!; // the first "29" (row 一)
    const sel = L.describeElement(L.buildTextIndex(document), cell);
    const again = () => {
      const idx = L.buildTextIndex(document);
      const span = L.anchorSpan(idx, sel);
      const r = span && L.spanRange(document, idx, span);
      const el = r && (r.commonAncestorContainer.nodeType === 1 ? r.commonAncestorContainer : r.commonAncestorContainer.parentElement).closest('td');
      return el ? el.previousElementSibling.textContent : null;
    };
    const a = document.getElementById('a')!;
    const same = again();
    // Re-rendered with a paragraph before it: the position is off, the quote and its context still fit row 一 (not row 二's "29").
    a.innerHTML = '<p>（字号已调整）</p>' + a.innerHTML;
    const shifted = again();
    // Whitespace and markup changes do not matter either.
    a.innerHTML = a.innerHTML.replace(/<td>29<\/td>/, '<td>\n <b>29</b> </td>');
    const reformatted = again();
    a.innerHTML = '<p>图解版</p>';
    return { sel, same, shifted, reformatted, gone: again() };
  });
  expect(got.sel[0]).toMatchObject({ type: 'TextQuoteSelector', exact: '29', prefix: '一、本年新收申请28件。一、本年新收', suffix: '二、上年结转29' });
  expect(got.sel[1]).toMatchObject({ type: 'TextPositionSelector' });
  expect(got.sel[1].end - got.sel[1].start).toBe(2);
  expect(got).toMatchObject({ same: '一、本年新收', shifted: '一、本年新收', reformatted: '一、本年新收', gone: null });
});

test('the page read in slices parses exactly as parseDom reads the page; over the limits it is not checked', async ({ page }) => {
  const { readFileSync } = await import('node:fs');
  const html = readFileSync(new URL('../../../shared/fixtures/documents/report001.html', import.meta.url), 'utf8');
  await page.setContent(html);
  await page.addScriptTag({ content: bundle });
  const got = await page.evaluate(`(async (L) => {
    const url = 'http://www.example.gov.cn/zwgk/t20210120_1.htm';
    const direct = L.parseDom(document, { url });
    // A clock that moves 1 ms per reading and slices of 0 ms: the copy yields at every check (each 64 nodes).
    let t = 0;
    const snap = await L.snapshotDom(document.body, { sliceMs: 0, maxCells: 3000, maxNodes: 60000 }, () => t++);
    const sliced = await L.checkDocument(document, url, [], { sliceMs: 0, maxCells: 3000, maxNodes: 60000 });
    const small = await L.checkDocument(document, url, [], { sliceMs: 8, maxCells: 100, maxNodes: 60000 });
    return { same: direct.ok && sliced.ok && JSON.stringify(direct.report) === JSON.stringify(sliced.report), slices: snap.slices, cells: snap.cells, nodes: snap.nodes,
      anchored: sliced.ok ? sliced.anchors.cells.size : 0, small: small.ok ? 'checked' : small.reason + ' ' + small.message.zh };
  })(window.L)`) as { same: boolean; slices: number; cells: number; nodes: number; anchored: number; small: string };
  expect(got.same).toBe(true);
  expect(got.nodes).toBeGreaterThan(300);
  expect(got.slices).toBe(Math.floor(got.nodes / 64) + 1);
  expect(got.cells).toBeGreaterThan(100);
  expect(got.anchored).toBe(got.cells);
  expect(got.small).toBe('too-big 页面过大，未检查（表格超过 100 个单元格）');
});
