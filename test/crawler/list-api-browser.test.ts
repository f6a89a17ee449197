/**
 * TRS 海云 listModel columns whose list API the page's configuration does not name (the endpoint is in
 * the CMS script list2.trsapi): nothing is invented over HTTP; in the browser the page's own script
 * loads the later pages (its pager driven, every request scope-checked); otherwise the column is
 * `incomplete` with found/stated and the reason.
 * - the real 平潭 page (test/fixtures/real-portals/fujian-pingtan-trs-listmodel) replayed under its
 *   real host name over HTTPS: exactly its 10 static records, `incomplete 10/20`, in both modes (its
 *   CMS scripts are not in the archive, so the browser finds no pager to drive);
 * - the demo portal's imitation (test/fixtures/portal/list-shapes.ts, trs-scripts.ts): read completely
 *   in the browser, `incomplete 5/20` over HTTP only, and `incomplete 5/20` in the browser when its
 *   list API answers 404.
 * A column's `pages` is the list pages read (the page, plus those its script pager showed in the
 * browser, as the row's walk note says), not the fetches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPortal, type Portal } from '../fixtures/portal/server.js';
import { crawl } from '../../crawler/src/crawl/run.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { statusText } from '../../crawler/src/columns/snapshot.js';
import { listApi } from '../../crawler/src/discover/list-api.js';
import { BrowserRenderer } from '../../crawler/src/fetch/browser.js';
import { listItems, parse } from '../../crawler/src/discover/html.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { WALK_NOTE } from '../../crawler/src/fetch/pager-walk.js';
import { closeLocalSites, LOCAL, localSite, removeTempDirs, resolveOf, tempDir } from './helpers.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real-portals', 'fujian-pingtan-trs-listmodel');
const REAL_HTML = readFileSync(join(fixture, 'page.html'), 'utf8');
const want = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as { base: string; records: { title: string; url: string; date: string }[] };
const REAL_COLUMN = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/';

let portal: Portal;
let realPort = 0;
const realHits: string[] = [];
const stores: SqliteStore[] = [];

beforeAll(async () => {
  portal = await startPortal({ port: 0 });
  // The archived page at its own address; everything else (its scripts, styles, articles) is not in the archive: 404.
  const base = await localSite((req, url) => {
    realHits.push(`${req.headers.host} ${req.method} ${req.url}`);
    return url.pathname === '/zwgk/zfxxgk/zfxxgknb/' ? REAL_HTML : undefined;
  }, { tlsHost: 'www.pingtan.gov.cn' });
  realPort = Number(new URL(base).port);
}, 60_000);

afterAll(async () => {
  for (const s of stores) s.close();
  removeTempDirs();
  await closeLocalSites();
  await portal?.close();
});

async function crawlColumn(seed: string, resolve: Map<string, string>, browser: 'never' | 'auto', extra: { insecure?: boolean; maxPagesPerColumn?: number } = {}) {
  const dir = tempDir('trs-col');
  const store = new SqliteStore(join(dir, 'g.db'));
  stores.push(store);
  await crawl({ seeds: [seed], store, blobDir: join(dir, 'blobs'), now: '2026-06-30', resolve, ...LOCAL, timeoutMs: 15_000, browser, columnsOnly: true, ...extra });
  const s = await runSummary(store);
  const items = store.columnItems(s.run.id).map((i) => ({ url: i.url, title: i.title, date: i.date })).sort((a, b) => a.url.localeCompare(b.url));
  // Each fetch of the column's first page: how, and what its row notes.
  const fetches = store.select('SELECT mode, error_kind, error FROM frontier WHERE run_id = ? AND url = ? ORDER BY seq', [s.run.id, seed])
    .map((r) => `${r.mode} ${r.error_kind ?? ''} ${r.error ?? ''}`.trim());
  return { col: s.columns.find((c) => c.url === seed)!, items, fetches };
}

const sorted = <T extends { url: string }>(xs: T[]) => [...xs].sort((a, b) => a.url.localeCompare(b.url));

describe('the real 平潭 listModel page', () => {
  it('names no endpoint: no request is planned, and the plan says where the endpoint is', () => {
    expect(listApi(REAL_HTML, want.base, 500)).toEqual({ family: 'trs-listmodel', endpoint: null, requests: [], first: [], capped: false,
      total: { records: 20, evidence: "recordCount: '20" },
      reason: "TRS listModel: the page's configuration names no endpoint (listArgs and pagebar only); it is in the CMS script list2.trsapi" });
  });

  it('over HTTP only: exactly its 10 records, incomplete 10/20 with the reason, and no invented request', async () => {
    realHits.length = 0;
    const { col, items } = await crawlColumn(REAL_COLUMN, new Map([['www.pingtan.gov.cn', `127.0.0.1:${realPort}`]]), 'never', { insecure: true });
    expect(items).toEqual(sorted(want.records.map(({ url, title, date }) => ({ url, title, date }))));
    expect(col).toMatchObject({ status: 'incomplete', itemCount: 10, pages: 1, stated: { total: 20, exact: true }, newest: '2026-03-10', oldest: '2017-01-18' });
    expect(statusText(col)).toBe("incomplete 10/20 (列表接口未在页面配置中给出，浏览器模式未启用 (TRS listModel: the page's configuration names no endpoint (listArgs and pagebar only); it is in the CMS script list2.trsapi) (the column states 20, the crawl reached 10))");
    expect(realHits.filter((h) => !h.endsWith(' /robots.txt'))).toEqual(['www.pingtan.gov.cn GET /zwgk/zfxxgk/zfxxgknb/']);
  }, 60_000);

  it('in the browser: the CMS scripts are not there, so no pager appears: still 10/20, saying so; every request stays on the host', async () => {
    realHits.length = 0;
    const { col, items, fetches } = await crawlColumn(REAL_COLUMN, new Map([['www.pingtan.gov.cn', `127.0.0.1:${realPort}`]]), 'auto', { insecure: true });
    expect(items).toEqual(sorted(want.records.map(({ url, title, date }) => ({ url, title, date }))));
    // Fetched twice (over HTTP, then rendered to drive its pager), one list page read.
    expect(col).toMatchObject({ status: 'incomplete', itemCount: 10, pages: 1, stated: { total: 20, exact: true } });
    expect(fetches).toEqual(['http', `browser ${WALK_NOTE} 0 later list pages read in the browser through the page's script pager (stopped: the rendered page has no script pager (下一页) to drive)`]);
    expect(col.error).toBe("浏览器中未能读到后续页：the rendered page has no script pager (下一页) to drive (TRS listModel: the page's configuration names no endpoint (listArgs and pagebar only); it is in the CMS script list2.trsapi) (the column states 20, the crawl reached 10)");
    // The page loaded its own scripts in Chromium (404 here), all on its own host.
    expect(realHits.some((h) => h.includes('GET /images/model.min.js'))).toBe(true);
    expect(realHits.every((h) => h.startsWith('www.pingtan.gov.cn '))).toBe(true);
  }, 90_000);
});

describe("the demo portal's listModel column (the real page's shape, our CMS scripts)", () => {
  const seed = (slug: string) => `http://www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/${slug}/`;
  const apiHits = () => [...portal.hits].filter(([k]) => k.includes('/fjdzapp/search')).reduce((n, [, v]) => n + v, 0);

  it('over HTTP only: the 5 static records, incomplete 5/20, and the list API is never called', async () => {
    const before = apiHits();
    const { col, items } = await crawlColumn(seed('xwfb'), resolveOf(portal), 'never');
    expect(items).toHaveLength(5);
    expect(col).toMatchObject({ status: 'incomplete', itemCount: 5, stated: { total: 20, exact: true, evidence: "recordCount: '20" } });
    expect(col.error).toMatch(/^列表接口未在页面配置中给出，浏览器模式未启用 \(TRS listModel: .*list2\.trsapi\) \(the column states 20, the crawl reached 5\)$/);
    expect(apiHits()).toBe(before);
  }, 60_000);

  it('in the browser: the page\'s script loads pages 2–4 through its list API; all 20 records with their printed dates', async () => {
    const before = apiHits();
    const { col, items, fetches } = await crawlColumn(seed('xwfb'), resolveOf(portal), 'auto');
    // Two fetches of the first page (HTTP, then Chromium), four list pages read: pages counts the latter, and the browser's row says so.
    expect(col).toMatchObject({ status: 'ok', itemCount: 20, pages: 4, stated: { total: 20, exact: true }, newest: '2025-06-30', oldest: '2025-05-23', error: null });
    expect(fetches).toEqual(['http', `browser ${WALK_NOTE} 3 later list pages read in the browser through the page's script pager`]);
    expect(items.every((i) => /^http:\/\/www\.example\.gov\.cn\/zwgk\/zfxxgk\/fdzdgknr\/xwfb\/\d{6}\/t\d{8}_\d+\.htm$/.test(i.url) && i.date === `${i.url.match(/t(\d{4})(\d{2})(\d{2})_/)!.slice(1).join('-')}`)).toBe(true);
    expect(new Set(items.map((i) => i.title)).size).toBe(20);
    expect(apiHits() - before).toBe(3);
  }, 90_000);

  it('in the browser, with the list API answering 404: incomplete 5/20 and the failed request as the reason', async () => {
    const { col } = await crawlColumn(seed('zcjd'), resolveOf(portal), 'auto');
    expect(col).toMatchObject({ status: 'incomplete', itemCount: 5, pages: 1, stated: { total: 20, exact: true } });
    expect(col.error).toMatch(/^浏览器中未能读到后续页：XHR pages not reachable in the browser: http-404 at http:\/\/www\.example\.gov\.cn\/fjdzapp\/search \(page 2\) \(TRS listModel: .*\) \(the column states 20, the crawl reached 5\)$/);
  }, 90_000);
});

describe('the driven pager stays inside the portal and the page cap', () => {
  it('stops at the page cap and says so', async () => {
    const { col, items } = await crawlColumn('http://www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/xwfb/', resolveOf(portal), 'auto', { maxPagesPerColumn: 3 });
    expect(items).toHaveLength(15);
    expect(col).toMatchObject({ status: 'incomplete', itemCount: 15, pages: 3 });
    expect(col.error).toMatch(/^浏览器中未能读到后续页：the page cap was reached after 2 later list pages \(TRS listModel: .*\) \(the column states 20, the crawl reached 15\)$/);
  }, 90_000);

  it('refuses a later page the script asks of another host: never sent, and the reason names it', async () => {
    const offHits: string[] = [];
    const row = (n: number) => `<li><a href="/col/202506/t2025060${n}_${n}.htm" title="关于开展第${n}批专项检查工作的通知">关于开展第${n}批专项检查工作的通知</a><span>2025-06-0${n}</span></li>`;
    const base = await localSite((req, url) => {
      if (url.pathname !== '/col/') { offHits.push(`${req.headers.host} ${url.pathname}`); return undefined; }
      return `<html><head><title>通知公告</title></head><body><div class="main"><ul class="list">${row(1)}${row(2)}</ul>
<div class="pagebar"><a href="javascript:;" id="next">下一页</a></div></div>
<script>
function listModel(cfg) {
  document.getElementById('next').onclick = function () {
    var x = new XMLHttpRequest();
    x.open('POST', 'http://list.other-cms.example.net/fjdzapp/search', true);
    x.send('page=2&prepage=' + cfg.pagebar.prepage);
  };
}
listModel({ listArgs: { channelid: 1, classsql: "chnlid=2" }, pagebar: { prepage: 2, recordCount: '4' } });
</script></body></html>`;
    });
    // The other host resolves to the same local server: had the request left the scope, offHits would show it.
    const { col, items } = await crawlColumn(`${base}col/`, new Map([['list.other-cms.example.net', new URL(base).host]]), 'auto');
    expect(items.map((i) => i.title)).toEqual(['关于开展第1批专项检查工作的通知', '关于开展第2批专项检查工作的通知']);
    expect(col).toMatchObject({ status: 'incomplete', itemCount: 2, stated: { total: 4 } });
    expect(col.error).toBe("浏览器中未能读到后续页：XHR pages not reachable in the browser: off-portal at http://list.other-cms.example.net/fjdzapp/search (page 2) (TRS listModel: the page's configuration names no endpoint (listArgs and pagebar only)) (the column states 4, the crawl reached 2)");
    expect(offHits.filter((h) => !h.endsWith('/robots.txt'))).toEqual([]);
  }, 90_000);

  it('a listModel column stating no total is also read in the browser, through its own script', async () => {
    const row = (n: number) => `<li><a href="/col2/202506/t2025060${n}_${n}.htm" title="关于开展第${n}批专项检查工作的通知">关于开展第${n}批专项检查工作的通知</a><span>2025-06-0${n}</span></li>`;
    const base = await localSite((_req, url) => {
      if (url.pathname === '/col2/more') return `<ul class="list">${row(3)}${row(4)}</ul>`;
      if (url.pathname !== '/col2/') return undefined;
      return `<html><head><title>通知公告</title></head><body><div class="main"><div id="box"><ul class="list">${row(1)}${row(2)}</ul></div>
<div class="pagebar"><a href="javascript:;" id="next">下一页</a></div></div>
<script>
function listModel(cfg) {
  document.getElementById('next').onclick = function () {
    var x = new XMLHttpRequest();
    x.open('GET', '/col2/more', true);
    x.onload = function () { document.getElementById('box').innerHTML = x.responseText; document.getElementById('next').style.display = 'none'; };
    x.send();
  };
}
listModel({ listArgs: { channelid: 1 }, pagebar: { prepage: 2 } });
</script></body></html>`;
    });
    const { col, items } = await crawlColumn(`${base}col2/`, new Map(), 'auto');
    expect(items.map((i) => `${i.date} ${i.title}`)).toEqual([1, 2, 3, 4].map((n) => `2025-06-0${n} 关于开展第${n}批专项检查工作的通知`));
    expect(col).toMatchObject({ status: 'ok', itemCount: 4, pages: 2, stated: null });
  }, 90_000);
});

describe('the pager walk itself', () => {
  it('keeps each later page as shown: the static first page the script hid is not in it', async () => {
    const renderer = new BrowserRenderer({ timeoutMs: 15_000, resolve: resolveOf(portal) });
    try {
      const url = 'http://www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/xwfb/';
      const r = await renderer.render(url, undefined, 10);
      expect(r.walked).toMatchObject({ stop: null, capped: false });
      const pages = [r.html, ...r.walked!.pages].map((h) => listItems(parse(h), url).map((i) => i.url));
      expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5]);
      expect(new Set(pages.flat()).size).toBe(20);
    } finally {
      await renderer.close();
    }
  }, 90_000);
});
