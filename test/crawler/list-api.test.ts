/**
 * CMS XHR list APIs (discover/list-api.ts, api-records.ts) and what the crawl makes of a column that
 * states more records than it reached (columns/snapshot.ts: `incomplete`, judged unknown).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { listApi, literalParams } from '../../crawler/src/discover/list-api.js';
import { apiRecords, datastoreRecords } from '../../crawler/src/discover/api-records.js';
import { buildSnapshots, statusText } from '../../crawler/src/columns/snapshot.js';
import { freshness } from '../../crawler/src/columns/verdict.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import type { ColumnRow, ColumnTaskStatus, ItemRow } from '../../crawler/src/store/types.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const B = 'http://yjglj.example.gov.cn/col/col1229002/index.html';
const rec = (n: number, day: number) => `<record><![CDATA[<li><a href="/art/2025/6/${day}/art_1229_${n}.html" target="_blank" title="关于通知公告的信息（第${n}号）">关于通知公告的信息（第${n}号）</a><span class="bt-data-time">2025-06-${String(day).padStart(2, '0')}</span></li>]]></record>`;
/** A Hanweb jpage column page as the CMS prints it: first group inline, jpage call naming proxy and parameters. */
const jpagePage = (total: number, inline: string) => `<html><body><div class="sidebar"><ul><li><a href="/col/col1/">机构概况</a></li></ul></div>
<script type="text/javascript">
var param_5229 = {col:1,appid:1,webid:3,path:'/',columnid:1229002,sourceContentType:1,unitid:'5229',webname:'杭州市应急管理局',permissiontype:0};
</script>
<div id="5229"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="javascript:void(0)">下一组</a>]]></nextgroup><recordset>${inline}</recordset></datastore></script></div>
<script language="javascript" src="/module/web/jpage/jpage.js"></script>
<script type="text/javascript">$(document).ready(function(){ $('#5229').jpage({ totalRecord: ${total}, perPage: 5, groupSize: 2, proxyUrl: '/module/web/jpage/dataproxy.jsp', ajaxParam: param_5229 }); });</script>
</body></html>`;

describe('list APIs named by the page', () => {
  it('plans the Hanweb jpage groups after the inline one, with the parameters the page names', () => {
    const plan = listApi(jpagePage(25, rec(1, 25) + rec(2, 24)), B, 500)!;
    expect(plan).toMatchObject({ family: 'hanweb-jpage', endpoint: 'http://yjglj.example.gov.cn/module/web/jpage/dataproxy.jsp', total: { records: 25, evidence: 'totalRecord: 25' }, reason: null, capped: false });
    const params = '&col=1&appid=1&webid=3&path=%2F&columnid=1229002&sourceContentType=1&unitid=5229&webname=%E6%9D%AD%E5%B7%9E%E5%B8%82%E5%BA%94%E6%80%A5%E7%AE%A1%E7%90%86%E5%B1%80&permissiontype=0';
    expect(plan.requests).toEqual([
      `http://yjglj.example.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=11&endrecord=20&perpage=5${params}`,
      `http://yjglj.example.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=21&endrecord=30&perpage=5${params}`,
    ]);
    expect(plan.first).toEqual([
      { url: 'http://yjglj.example.gov.cn/art/2025/6/25/art_1229_1.html', title: '关于通知公告的信息（第1号）', date: '2025-06-25', dateSource: 'printed' },
      { url: 'http://yjglj.example.gov.cn/art/2025/6/24/art_1229_2.html', title: '关于通知公告的信息（第2号）', date: '2025-06-24', dateSource: 'printed' },
    ]);
  });

  it('caps what a configuration claims before building anything', () => {
    const plan = listApi(jpagePage(10_000_000, rec(1, 25)), B, 50)!;
    expect(plan.requests).toHaveLength(49);
    expect(plan.capped).toBe(true);
  });

  it('does not call an API whose parameters the page does not name, and says why', () => {
    const scripted = `<div id="div1229003"></div><script>var x = new XMLHttpRequest(); x.open('POST', '/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=30&perpage=15', true); x.send(build());</script>`;
    expect(listApi(scripted, B, 500)).toMatchObject({ family: 'hanweb-jpage', requests: [], first: [], total: null,
      reason: 'later records come only from the Hanweb jpage XHR list API, and the page does not name its totalRecord' });
    const unit = `<script src="/AuthorizedRead/unitbuild.js" url="/api-gateway/jpaas-publish-server/front/page/build/unit" queryData="{'webId':'52','pageId':'1638','tagId':'列表新闻'}"></script>`;
    expect(listApi(unit, 'https://hyj.yantai.gov.cn/col/col1638/index.html', 500)).toMatchObject({ family: 'jpaas-unit', requests: [],
      endpoint: 'https://hyj.yantai.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit', reason: expect.stringContaining('paging parameters the page does not name') });
    expect(listApi(`<script src="/js/list.js"></script><script>var url = '/EpointWebBuilder/rest/frontAppCustomAction/getPageInfoListNew';</script>`, 'http://ggzy.example.gov.cn/jyxx/', 500))
      .toMatchObject({ family: 'epoint', endpoint: 'http://ggzy.example.gov.cn/EpointWebBuilder/rest/frontAppCustomAction/getPageInfoListNew', requests: [] });
    expect(listApi('<ul class="list"><li><a href="./t1.htm">plain</a></li></ul>', B, 500)).toBeNull();
  });

  it('plans TRS listModel pages only where the configuration names its url (a variant no real page has shown); else it says where the endpoint is', () => {
    const page = (url: string) => `<ul class="list"></ul><script>var listModel = new ListModel({ ${url} params: { channelId: 3427, siteId: 1 }, pagebar: { el: 'pagebar', prepage: 5, recordCount: 12, curpage: 1 } });</script>`;
    const plan = listApi(page("url: '/trsapi/cms/channel/documents',"), 'http://www.example.gov.cn/zwgk/zcjd/', 500)!;
    expect(plan).toMatchObject({ family: 'trs-listmodel', total: { records: 12 }, reason: null });
    expect(plan.requests).toEqual([2, 3].map((n) => `http://www.example.gov.cn/trsapi/cms/channel/documents?channelId=3427&siteId=1&curpage=${n}&prepage=5`));
    expect(listApi(page(''), 'http://www.example.gov.cn/zwgk/zcjd/', 500)).toMatchObject({ requests: [], endpoint: null, total: { records: 12 },
      reason: "TRS listModel: the page's configuration names no endpoint" });
    // The real form (福建 平潭): require(["list2.trsapi"]), listArgs and pagebar — no endpoint, nothing planned.
    const real = `<script>require(["list2.trsapi", "tools"], function(listModel, tools) { listModel({ quickMode: "动静结合", maxStaticIndex: 1,
      listArgs: { channelid: SiteInfo.searchId, classsql: "" || "chnlid=1813", sortfield: "-docorderpri,-docreltime" },
      pagebar: { prepage: 10, recordCount: '20', pgTemp: "pgBar_xxgk.html", pgCountMode: "recordCount", displayNum: 2 } }); });</script>`;
    expect(listApi(real, 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/', 500)).toEqual({ family: 'trs-listmodel', endpoint: null, requests: [], first: [],
      total: { records: 20, evidence: "recordCount: '20" }, capped: false,
      reason: "TRS listModel: the page's configuration names no endpoint (listArgs and pagebar only); it is in the CMS script list2.trsapi" });
  });

  it('reads object literals of scalars as parameters', () => {
    expect([...literalParams("{col:1, webid:'3', path:\"/\", ok:true}")!]).toEqual([['col', '1'], ['webid', '3'], ['path', '/'], ['ok', 'true']]);
    expect(literalParams('{ nothing here }')).toBeNull();
  });
});

describe('list API answers', () => {
  it('reads the Hanweb datastore XML, with its total', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><datastore><totalrecord>25</totalrecord><totalpage>5</totalpage><recordset>${rec(11, 10)}${rec(12, 3)}</recordset></datastore>`;
    expect(apiRecords(xml, B)).toEqual({ total: 25, evidence: '<totalrecord>25</totalrecord>', records: [
      { url: 'http://yjglj.example.gov.cn/art/2025/6/10/art_1229_11.html', title: '关于通知公告的信息（第11号）', date: '2025-06-10', dateSource: 'printed' },
      { url: 'http://yjglj.example.gov.cn/art/2025/6/3/art_1229_12.html', title: '关于通知公告的信息（第12号）', date: '2025-06-03', dateSource: 'printed' },
    ] });
    expect(datastoreRecords('<ul><li>no datastore</li></ul>', B)).toBeNull();
  });

  it('reads JSON rows (TRS datas, Epoint infodata) and JSON-wrapped HTML (JPaaS data.html)', () => {
    const trs = JSON.stringify({ code: 0, pagebar: { curpage: 2, prepage: 5, recordCount: 20 },
      datas: [{ docId: 7, title: '关于政策解读的信息（第6号）', url: 'http://www.example.gov.cn/zwgk/zcjd/202505/t20250527_10006.htm', time: '2025-05-27 09:30:00' }] });
    expect(apiRecords(trs, 'http://www.example.gov.cn/zwgk/zcjd/')).toEqual({ total: 20, evidence: '"recordCount": 20', records: [
      { url: 'http://www.example.gov.cn/zwgk/zcjd/202505/t20250527_10006.htm', title: '关于政策解读的信息（第6号）', date: '2025-05-27', dateSource: 'printed' }] });
    const epoint = JSON.stringify({ custom: { count: 41, infodata: [{ infoid: 'a1', title: '<em>政府</em>信息公开指南', infourl: '/xxgk/002/20250101/a1.html', infodate: '2025-01-01' }] } });
    expect(apiRecords(epoint, 'http://ggzy.example.gov.cn/xxgk/')).toMatchObject({ total: 41, records: [{ url: 'http://ggzy.example.gov.cn/xxgk/002/20250101/a1.html', title: '政府信息公开指南', date: '2025-01-01' }] });
    const unit = JSON.stringify({ success: true, data: { html: '<ul><li><a href="/art/2025/6/1/art_1638_9.html" title="海洋预报">海洋预报</a><span>2025-06-01</span></li><li><a href="/art/2025/5/30/art_1638_8.html">海洋预报二</a><span>2025-05-30</span></li></ul>' } });
    expect(apiRecords(unit, 'https://hyj.yantai.gov.cn/col/col1638/')!.records.map((r) => `${r.date} ${r.url}`)).toEqual([
      '2025-06-01 https://hyj.yantai.gov.cn/art/2025/6/1/art_1638_9.html', '2025-05-30 https://hyj.yantai.gov.cn/art/2025/5/30/art_1638_8.html']);
  });

  it('says an answer that is neither XML records nor JSON is no answer (never an empty list)', () => {
    expect(apiRecords('<html><body>系统繁忙，请稍后再试</body></html>', B)).toBeNull();
    expect(apiRecords('{"ok": true}', B)).toBeNull();
  });
});

describe('incomplete columns', () => {
  const col = (extra: Partial<ColumnRow> = {}): ColumnRow => ({ key: 'http://x.gov.cn/zcjd/', host: 'x.gov.cn', name: '政策解读', url: 'http://x.gov.cn/zcjd/',
    parentKey: null, isReports: false, isParent: false, category: 'notice-policy', stated: null, unreached: null, ...extra });
  const items = (n: number): ItemRow[] => Array.from({ length: n }, (_, i) => ({ columnKey: 'http://x.gov.cn/zcjd/', url: `http://x.gov.cn/zcjd/${i}.html`, title: `第${i}条`, date: '2025-06-20', dateSource: 'printed' as const }));
  const st = (extra: Partial<ColumnTaskStatus> = {}) => new Map([['http://x.gov.cn/zcjd/', { pages: 1, failed: null, needsBrowser: false, unreached: null, ...extra }]]);
  const snap = (c: ColumnRow, n: number, s = st()) => buildSnapshots(1, [c], items(n), s)[0]!;

  it('is incomplete when found < stated, with both numbers and the reason, and judged unknown', () => {
    const s = snap(col({ stated: { total: 20, exact: true, evidence: 'recordCount: 20' } }), 15);
    expect(s).toMatchObject({ status: 'incomplete', itemCount: 15, error: 'the column states 20 records (recordCount: 20), the crawl reached 15' });
    expect(statusText(s)).toBe('incomplete 15/20 (the column states 20 records (recordCount: 20), the crawl reached 15)');
    expect(freshness(s, '2025-06-30')).toBe('unknown');
    expect(snap(col({ stated: { total: 20, exact: true, evidence: 'recordCount: 20' } }), 20)).toMatchObject({ status: 'ok', error: null });
  });

  it('reads a page count as a minimum, and an unreached XHR page as the reason', () => {
    const min = { total: 41, exact: false, evidence: '6 pages of 8' };
    expect(snap(col({ stated: min }), 41).status).toBe('ok');
    expect(statusText(snap(col({ stated: min }), 40))).toBe('incomplete 40/≥41 (the column states at least 41 records (6 pages of 8), the crawl reached 40)');
    const gone = snap(col({ stated: { total: 20, exact: true, evidence: 'recordCount: 20' } }), 5, st({ unreached: 'XHR pages not reachable: http-404 at http://x.gov.cn/trsapi/l?curpage=2' }));
    expect(statusText(gone)).toBe('incomplete 5/20 (XHR pages not reachable: http-404 at http://x.gov.cn/trsapi/l?curpage=2)');
    const unnamed = snap(col({ stated: { total: 20, exact: true, evidence: 'recordCount: 20' }, unreached: '列表接口未在页面配置中给出，浏览器模式未启用' }), 5);
    expect(unnamed.error).toBe('列表接口未在页面配置中给出，浏览器模式未启用 (the column states 20, the crawl reached 5)');
    // The reason alone, with every stated record found, is no reason to doubt the column.
    expect(snap(col({ unreached: 'later pages come only from …' }), 5).status).toBe('ok');
  });

  it('leaves a column that did not load as its fault, and a parent column alone', () => {
    const stated = { total: 20, exact: true, evidence: 'recordCount: 20' };
    expect(snap(col({ stated }), 0, st({ pages: 0, failed: { kind: 'http-500', error: 'HTTP 500' } })).status).toBe('http-500');
    expect(snap(col({ stated, isParent: true }), 0).status).toBe('ok');
  });

  it('keeps the stated total and the reason in the store (schema v3), first statement first', async () => {
    const dir = tempDir('list-api');
    const store = new SqliteStore(join(dir, 'g.db'));
    try {
      const seed = { url: 'http://x.gov.cn/zcjd/', mode: 'http' as const, kind: 'column' as const, priority: 2, depth: 0,
        meta: { portal: 'x.gov.cn', column: { key: 'http://x.gov.cn/zcjd/', name: '政策解读', parentKey: null, page: 0, isReports: false } } };
      const { run } = await store.openRun(['http://x.gov.cn/zcjd/'], {}, '2025-06-30', true, [seed]);
      const [task] = await store.nextTasks(run.id, 1, Date.now(), new Set());
      const c = col();
      store.complete({ task: task!, state: 'done', columns: [{ ...c, stated: undefined, unreached: undefined }], items: items(5),
        columnTotal: { key: c.key, stated: { total: 20, exact: true, evidence: 'recordCount: 20' }, unreached: null } });
      expect(store.columnRows(run.id)[0]).toMatchObject({ stated: { total: 20, exact: true, evidence: 'recordCount: 20' }, unreached: null });
    } finally {
      store.close();
    }
  });
});
