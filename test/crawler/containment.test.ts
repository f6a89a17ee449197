/**
 * Staying inside the portal, against hostile servers on 127.0.0.1. The portal's hosts and an
 * "elsewhere" server (another port, reached under other host names) are mapped with --resolve; the
 * elsewhere server counts every request it gets, and every test ends with that count at zero.
 * Private addresses (10.0.0.1, 169.254.169.254, localhost) are refused by the crawler before it
 * connects: asserted by the fault, never by connecting.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlOptions } from '../../crawler/src/crawl/run.js';
import { httpGet } from '../../crawler/src/fetch/http.js';
import { BrowserRenderer } from '../../crawler/src/fetch/browser.js';
import { agencyDomain, Scope } from '../../crawler/src/fetch/scope.js';
import { isPrivateAddress } from '../../crawler/src/fetch/address.js';
import { FetchError } from '../../crawler/src/fetch/errors.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { removeTempDirs, tempDir } from './helpers.js';

let portal: Server, elsewhere: Server;
let portalAddr = '', elsewherePort = 0;
/** Requests the portal got, as `host path`. */
const hits: string[] = [];
/** Requests that left the portal. */
const leaks: string[] = [];

const PORTAL_HOSTS = ['www.jx.gov.cn', 'xxgk.jx.gov.cn', 'www.hn.gov.cn', 'www.cd.gov.cn', 'www.ra.gov.cn', 'www.ra2.gov.cn', 'www.waf.gov.cn'];
const ELSEWHERE_HOSTS = ['evil.example.com', 'www.nc.jx.gov.cn', 'cdn.example.net'];

const page = (res: ServerResponse, body: string, status = 200, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
};
const redirect = (res: ServerResponse, to: string) => { res.writeHead(302, { location: to }); res.end(); };
const layout = (title: string, main: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>
  <meta name="SiteName" content="${title}"></head><body><div class="header"><a href="/">首页</a></div><div class="main">${main}</div></body></html>`;
const home = (name: string) => layout(name, '<ul class="nav"><li><a href="/zwgk/zfxxgk/">政府信息公开</a></li></ul>');
const section = (cols: [string, string][]) => layout('政府信息公开', `<div class="xxgk-nav"><ul>${cols.map(([n, h]) => `<li><a href="${h}">${n}</a></li>`).join('')}</ul></div>`);
const list = (items: [string, string, string][]) => layout('列表', `<ul class="list">${items.map(([h, t, d]) => `<li><a href="${h}">${t}</a><span>${d}</span></li>`).join('')}</ul>`);
/** A WAF's JavaScript challenge: a cookie set by script, then a reload (no vendor's exact markup). */
const CHALLENGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body>
  <noscript>请开启JavaScript并刷新该页</noscript>
  <script>var t = (function () { return 'a7f3' + (1 + 2); })(); document.cookie = "__wc=" + t + "; path=/"; setTimeout(function () { location.reload(); }, 1000);</script>
  </body></html>`;

function portalRoute(req: IncomingMessage, res: ServerResponse): void {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const path = req.url ?? '/';
  hits.push(`${host} ${path}`);
  if (host === 'www.hn.gov.cn' && path === '/robots.txt') return redirect(res, 'http://evil.example.com/robots.txt');
  if (host === 'www.cd.gov.cn' && path === '/robots.txt') return page(res, 'User-agent: *\nCrawl-delay: 3600\nDisallow:\n', 200, { 'content-type': 'text/plain' });
  if (path === '/robots.txt') return page(res, 'User-agent: *\nDisallow:\n', 200, { 'content-type': 'text/plain' });
  if (host === 'www.ra.gov.cn') return page(res, layout('忙', '<p>服务器繁忙</p>'), 503, { 'retry-after': '3600' });
  if (host === 'www.ra2.gov.cn') return page(res, layout('忙', '<p>请求过多</p>'), 429, { 'retry-after': '7200' });
  if (host === 'www.waf.gov.cn') {
    if (path === '/') return page(res, home('防火墙市人民政府'));
    if (path === '/zwgk/zfxxgk/') return page(res, section([['通知公告', '/tzgg/'], ['政策文件', '/zcwj/'], ['政府信息公开指南', '/gkzn/'], ['政府信息公开制度', '/gkzd/'], ['工作动态', '/gzdt/']]));
    if (path === '/gkzn/' || path === '/gkzd/' || path === '/gzdt/') return page(res, list([[`.${path}202401/t20240102_1.html`, '通知', '2024-01-02']]));
    // The list answers only with a challenge: 412 first, then a 200 challenge page.
    if (path === '/tzgg/') return page(res, CHALLENGE, 412);
    if (path === '/zcwj/') return page(res, CHALLENGE, 200);
  }
  if (host === 'xxgk.jx.gov.cn' && path === '/nb/t20230301_2.html') return page(res, layout('江西省2022年政府信息公开工作年度报告', '<p>一、总体情况</p>'));
  if (host !== 'www.jx.gov.cn') return page(res, home('某市人民政府'));
  switch (path) {
    case '/': return page(res, home('江西省人民政府'));
    case '/zwgk/zfxxgk/': return page(res, section([
      ['政府信息公开指南', '/zwgk/zfxxgk/gkzn/'], ['政府信息公开年报', '/zwgk/zfxxgk/zfxxgknb/'], ['政策文件', '/zcwj/'], ['通知公告', '/tzgg/'], ['工作动态', '/gzdt/'], ['统计信息', '/tjxx/'], ['人事信息', '/rsxx/'],
    ]));
    case '/zwgk/zfxxgk/gkzn/': return page(res, list([['./202401/t20240102_1.html', '江西省人民政府信息公开指南', '2024-01-02']]));
    case '/zwgk/zfxxgk/zfxxgknb/': return page(res, list([
      ['./202403/t20240301_1.html', '江西省2023年政府信息公开工作年度报告', '2024-03-01'],
      ['http://xxgk.jx.gov.cn/nb/t20230301_2.html', '江西省2022年政府信息公开工作年度报告', '2023-03-01'],
      ['http://evil.example.com/nb/t20220301_3.html', '江西省2021年政府信息公开工作年度报告', '2022-03-01'],
      ['http://www.nc.jx.gov.cn/nb/t20210301_4.html', '南昌市2020年政府信息公开工作年度报告', '2021-03-01'],
      ['http://10.0.0.1/nb/t20200301_5.html', '江西省2019年政府信息公开工作年度报告', '2020-03-01'],
    ]));
    case '/zwgk/zfxxgk/zfxxgknb/202403/t20240301_1.html':
      return page(res, layout('江西省2023年政府信息公开工作年度报告', '<p>见附件。</p><a href="http://cdn.example.net/files/P020240301.pdf">附件：年度报告.pdf</a>'));
    case '/zcwj/': return redirect(res, 'http://evil.example.com/zcwj/');
    case '/tzgg/': return redirect(res, 'http://10.0.0.1/tzgg/');
    case '/gzdt/': return redirect(res, 'http://169.254.169.254/latest/meta-data/');
    case '/tjxx/': return redirect(res, `http://localhost:${elsewherePort}/tjxx/`);
    case '/rsxx/': return redirect(res, 'http://xxgk.jx.gov.cn/rsxx/'); // a sibling host: in scope
    case '/js/': return page(res, `<html><body><div id="list"></div>
      <script src="http://cdn.example.net/jquery.js"></script>
      <script>fetch('http://evil.example.com/api/list').catch(function () {});
        var x = new XMLHttpRequest(); x.open('GET', '/api/list.json'); x.onload = function () { var t = JSON.parse(x.responseText);
        document.getElementById('list').innerHTML = t.map(function (i) { return '<a href="' + i.href + '">' + i.title + '</a>'; }).join(''); }; x.send();</script>
      <img src="http://10.0.0.1/pixel.gif"></body></html>`);
    case '/api/list.json': res.writeHead(200, { 'content-type': 'application/json' }); return void res.end(JSON.stringify([{ href: '/a/1.html', title: '通知一' }]));
    case '/js-redirect/': return redirect(res, 'http://evil.example.com/landing/');
    default: return page(res, 'not found', 404);
  }
}

/**
 * Safety net, not a stand-in: should the crawler's own refusal ever regress, a socket to an address
 * other than loopback 127.0.0.1/::1 fails here instead of sending traffic (the test then sees a
 * network fault, not the off-portal fault it asserts, and fails).
 */
const connect = net.Socket.prototype.connect;
beforeAll(() => {
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect hands over its normalised arguments as one array.
    const o = (Array.isArray(args[0]) ? args[0][0] : args[0]) as { host?: string } | number;
    const host = typeof o === 'object' && o ? o.host : typeof args[1] === 'string' ? args[1] : undefined;
    if (host && net.isIP(host) && host !== '127.0.0.1' && host !== '::1') throw new Error(`test safety net: no connection to ${host}`);
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
});
afterAll(() => { net.Socket.prototype.connect = connect; });

beforeAll(async () => {
  portal = createServer(portalRoute);
  elsewhere = createServer((req, res) => { leaks.push(`${req.headers.host} ${req.url}`); page(res, list([['/x.html', '别处', '2024-01-01']])); });
  await Promise.all([portal, elsewhere].map((s) => new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))));
  portalAddr = `127.0.0.1:${(portal.address() as { port: number }).port}`;
  elsewherePort = (elsewhere.address() as { port: number }).port;
});
afterEach(() => {
  const left = leaks.splice(0);
  expect(left, 'requests that left the portal').toEqual([]);
});
afterAll(async () => {
  removeTempDirs();
  for (const s of [portal, elsewhere]) { s.closeAllConnections(); await new Promise((ok) => s.close(ok)); }
});

const resolve = () => new Map([...PORTAL_HOSTS.map((h) => [h, portalAddr] as const), ...ELSEWHERE_HOSTS.map((h) => [h, `127.0.0.1:${elsewherePort}`] as const)]);

async function crawlOf(seed: string, extra: Partial<CrawlOptions> = {}) {
  const dir = tempDir('contain');
  const store = new SqliteStore(join(dir, 'gongkai.db'));
  const started = Date.now();
  const r = await crawl({ seeds: [seed], store, blobDir: join(dir, 'blobs'), now: '2025-06-30', resolve: resolve(), delayMs: 0, perHost: 4,
    timeoutMs: 5000, retries: 1, backoffBaseMs: 10, browser: 'never', ...extra });
  const s = await runSummary(store, r.run.id);
  const docs = store.documents(r.run.id).map((d) => d.url).sort();
  store.close();
  return { r, s, docs, elapsedMs: Date.now() - started, fault: (url: string) => s.failures.find((f) => f.url === url) };
}

describe('the scope rule', () => {
  it('groups a host with its agency domain’s siblings, not with the agencies below it', () => {
    expect(agencyDomain('www.jx.gov.cn')).toBe('jx.gov.cn');
    expect(agencyDomain('xxgk.jx.gov.cn')).toBe('jx.gov.cn');
    expect(agencyDomain('jx.gov.cn')).toBe('jx.gov.cn');
    expect(agencyDomain('www.nc.jx.gov.cn')).toBe('nc.jx.gov.cn');
    expect(agencyDomain('www.example.com.cn')).toBe('example.com.cn');
    const scope = new Scope(['http://www.jx.gov.cn/'], { allowHosts: ['*.cdn.example.net', 'files.example.org'] });
    const inScope = (u: string) => scope.allows(u, 'www.jx.gov.cn');
    expect(['http://xxgk.jx.gov.cn/a', 'https://jx.gov.cn/', 'http://www.jx.gov.cn:8080/', 'http://static.www.jx.gov.cn/x.js',
      'http://cdn.example.net/a.js', 'http://img.cdn.example.net/a.png', 'http://files.example.org/r.pdf'].filter(inScope)).toHaveLength(7);
    expect(['http://www.nc.jx.gov.cn/', 'http://www.gov.cn/', 'http://evil.example.com/', 'http://10.0.0.1/', 'http://sub.files.example.org/',
      'http://jx.gov.cn.evil.com/', 'http://wwwjx.gov.cn/'].filter(inScope)).toEqual([]);
  });

  it('knows private, loopback, link-local and unique-local addresses', () => {
    expect(['10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '127.0.0.1', '127.8.9.10', '169.254.169.254', '0.0.0.0', '::1',
      'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1'].filter((a) => !isPrivateAddress(a))).toEqual([]);
    expect(['8.8.8.8', '172.32.0.1', '172.15.255.255', '59.52.1.1', '2400:3200::1', '192.169.0.1'].filter(isPrivateAddress)).toEqual([]);
  });
});

describe('redirects, links and attachments stay inside the portal', () => {
  it('records every off-portal redirect, item link and attachment as a fault, and requests none of them', async () => {
    hits.length = 0;
    const { r, s, docs, elapsedMs, fault } = await crawlOf('http://www.jx.gov.cn/', { allowHosts: ['169.254.169.254', 'localhost'] });
    expect(r.complete).toBe(true);
    expect(elapsedMs).toBeLessThan(30_000);
    // Redirects: to another site, to a private IP literal (out of scope), to in-scope hosts at private addresses.
    expect(fault('http://www.jx.gov.cn/zcwj/')).toMatchObject({ errorKind: 'off-portal', error: expect.stringContaining('http://evil.example.com/zcwj/') });
    expect(fault('http://www.jx.gov.cn/tzgg/')).toMatchObject({ errorKind: 'off-portal', error: expect.stringContaining('http://10.0.0.1/tzgg/') });
    expect(fault('http://www.jx.gov.cn/gzdt/')).toMatchObject({ errorKind: 'off-portal', error: expect.stringMatching(/169\.254\.169\.254.*private/) });
    expect(fault('http://www.jx.gov.cn/tjxx/')).toMatchObject({ errorKind: 'off-portal', error: expect.stringMatching(/localhost is at (127\.0\.0\.1|::1), a private/) });
    // Item links of the 年报 column on other sites: faults with their URLs, never fetched.
    for (const u of ['http://evil.example.com/nb/t20220301_3.html', 'http://www.nc.jx.gov.cn/nb/t20210301_4.html', 'http://10.0.0.1/nb/t20200301_5.html']) {
      expect(fault(u), u).toMatchObject({ errorKind: 'off-portal', kind: 'report' });
    }
    // The attachment on a CDN nobody allowed.
    expect(fault('http://cdn.example.net/files/P020240301.pdf')).toMatchObject({ errorKind: 'off-portal', kind: 'attachment' });
    // Sibling hosts are the portal: the redirect to xxgk.jx.gov.cn and the report there were fetched.
    expect(hits).toContain('xxgk.jx.gov.cn /rsxx/');
    expect(hits).toContain('xxgk.jx.gov.cn /nb/t20230301_2.html');
    expect(docs).toEqual(['http://www.jx.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240301_1.html', 'http://xxgk.jx.gov.cn/nb/t20230301_2.html']);
    expect(s.faults.map((f) => `${f.kind}:${f.count}`)).toEqual(['off-portal:8']);
  }, 60_000);

  it('lists the hosts --allow-host names as inside the portal', async () => {
    const { fault } = await crawlOf('http://www.jx.gov.cn/zwgk/zfxxgk/zfxxgknb/', { allowHosts: ['*.example.net'] });
    expect(leaks.splice(0)).toEqual(['cdn.example.net /robots.txt', 'cdn.example.net /files/P020240301.pdf']);
    expect(fault('http://cdn.example.net/files/P020240301.pdf')?.errorKind).not.toBe('off-portal');
    expect(fault('http://evil.example.com/nb/t20220301_3.html')).toMatchObject({ errorKind: 'off-portal' });
  }, 60_000);

  it('says what lets a private address be crawled, and that advice works', async () => {
    const report = 'http://10.0.0.1/nb/t20200301_5.html';
    const seed = 'http://www.jx.gov.cn/zwgk/zfxxgk/zfxxgknb/';
    // Out of scope: both options are named (--allow-host alone would only meet a second refusal).
    const out = await crawlOf(seed);
    expect(out.fault(report)?.error).toMatch(/10\.0\.0\.1 is a private, loopback, link-local or reserved address: add --allow-host 10\.0\.0\.1 and --resolve 10\.0\.0\.1=10\.0\.0\.1:80 to crawl it/);
    // In scope but not named by --resolve: the private address is the reason given — for robots.txt too, not "off the portal".
    const allowed = await crawlOf(seed, { allowHosts: ['10.0.0.1'] });
    expect(allowed.fault(report)).toMatchObject({ errorKind: 'off-portal', error: expect.stringMatching(/^robots\.txt of 10\.0\.0\.1 is at a private address, not requested; not crawling the host: 10\.0\.0\.1 is a private.*--resolve 10\.0\.0\.1=10\.0\.0\.1:80/) });
    expect(allowed.fault(report)!.error).not.toMatch(/leads off the portal/);
    // Both, as the message says (the address here is the local portal's, so nothing leaves 127.0.0.1): fetched.
    hits.length = 0;
    const both = await crawlOf(seed, { allowHosts: ['10.0.0.1'], resolve: new Map([...resolve(), ['10.0.0.1', portalAddr]]) });
    expect(both.fault(report)).toBeUndefined();
    expect(hits).toContain('10.0.0.1 /nb/t20200301_5.html');
  }, 60_000);

  it('refuses a private address before connecting, even when the host is allowed', async () => {
    const opts = { timeoutMs: 2000, maxBytes: 100_000, guard: { check: () => undefined, privateOk: () => false } };
    for (const u of ['http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:9/', `http://localhost:${elsewherePort}/`]) {
      const e = await httpGet(u, opts).then(() => null, (err: FetchError) => err);
      expect(e, u).toMatchObject({ kind: 'off-portal', retryable: false });
    }
  });
});

describe('robots.txt and politeness', () => {
  it('does not follow a robots.txt redirect off the portal, and does not crawl the host', async () => {
    hits.length = 0;
    const { r, s } = await crawlOf('http://www.hn.gov.cn/');
    expect(r.complete).toBe(true);
    expect(s.faults).toEqual([{ kind: 'off-portal', count: 1, urls: ['http://www.hn.gov.cn/'] }]);
    expect(s.failures[0]!.error).toMatch(/robots\.txt of www\.hn\.gov\.cn leads off the portal.*evil\.example\.com\/robots\.txt/);
    expect(hits).toEqual(['www.hn.gov.cn /robots.txt']);
  });

  it('defers a host whose Crawl-delay is 3600 s instead of waiting an hour', async () => {
    hits.length = 0;
    const { r, s, elapsedMs } = await crawlOf('http://www.cd.gov.cn/');
    expect(r.complete).toBe(true);
    expect(elapsedMs).toBeLessThan(20_000);
    expect(s.faults).toEqual([{ kind: 'throttled', count: 1, urls: ['http://www.cd.gov.cn/'] }]);
    expect(s.failures[0]!.error).toMatch(/Crawl-delay: 3600 s.*over the 60 s cap/);
    expect(hits).toEqual(['www.cd.gov.cn /robots.txt']);
  });

  it('defers a host that answers Retry-After: 3600 instead of waiting an hour', async () => {
    hits.length = 0;
    const { r, s, elapsedMs } = await crawlOf('http://www.ra.gov.cn/');
    expect(r.complete).toBe(true);
    expect(elapsedMs).toBeLessThan(20_000);
    expect(s.faults).toEqual([{ kind: 'throttled', count: 1, urls: ['http://www.ra.gov.cn/'] }]);
    expect(s.failures[0]!.error).toMatch(/Retry-After 3600 s, over the 60 s cap/);
    expect(hits).toEqual(['www.ra.gov.cn /robots.txt', 'www.ra.gov.cn /']);
  });

  it('states the Retry-After the server sent and the cap applied, not a capped number', async () => {
    const { s } = await crawlOf('http://www.ra2.gov.cn/');
    expect(s.faults).toEqual([{ kind: 'throttled', count: 1, urls: ['http://www.ra2.gov.cn/'] }]);
    expect(s.failures[0]!.error).toMatch(/answered HTTP 429 with Retry-After 7200 s, over the 60 s cap.*\(Retry-After: 7200\)/);
    expect(s.failures[0]!.error).not.toMatch(/3600/);
  });

  it('records a WAF challenge as blocked, retries it one at a time, and never reads it as the column', async () => {
    hits.length = 0;
    const { r, s } = await crawlOf('http://www.waf.gov.cn/');
    expect(r.complete).toBe(true);
    const cols = Object.fromEntries(s.columns.map((c) => [c.name, c]));
    expect(cols.通知公告).toMatchObject({ status: 'blocked', itemCount: 0 });
    expect(cols.政策文件).toMatchObject({ status: 'blocked', itemCount: 0 });
    expect(s.failures.map((f) => `${f.url} ${f.errorKind} ${f.attempts}`).sort()).toEqual([
      'http://www.waf.gov.cn/tzgg/ blocked 2', 'http://www.waf.gov.cn/zcwj/ blocked 2']);
    expect(s.failures.find((f) => f.url.endsWith('/tzgg/'))!.error).toMatch(/HTTP 412 with a script that sets a cookie/);
    expect(s.failures.find((f) => f.url.endsWith('/zcwj/'))!.error).toMatch(/HTTP 200 challenge page/);
    expect(hits.filter((h) => h.endsWith('/tzgg/') || h.endsWith('/zcwj/'))).toHaveLength(4);
  }, 60_000);
});

describe('the browser stays inside the portal too', () => {
  it('renders a page without its off-portal scripts, XHR and images, and refuses an off-portal redirect', async () => {
    const scope = new Scope(['http://www.jx.gov.cn/'], { resolve: resolve() });
    const guard = { refusal: (u: string, what: string) => scope.refusal(u, 'www.jx.gov.cn', what), privateOk: (h: string) => scope.privateOk(h) };
    const browser = new BrowserRenderer({ timeoutMs: 20_000, resolve: resolve(), waitForXhr: () => true });
    try {
      const r = await browser.render('http://www.jx.gov.cn/js/', guard);
      expect(r.html).toContain('<a href="/a/1.html">通知一</a>');
      const e = await browser.render('http://www.jx.gov.cn/js-redirect/', guard).then(() => null, (err: FetchError) => err);
      expect(e).toMatchObject({ kind: 'off-portal' });
      expect(e!.message).toContain('http://evil.example.com/landing/');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
