/**
 * Fault handling of the fetch layer and the crawl loop against a small local server: 404 (not
 * retried), 500 and timeouts (retried with backoff, then failed), redirect loops, oversized
 * responses (declared and streamed), robots.txt (forbidden path never requested; unreachable robots
 * means no crawling), wrong URLs and unknown hosts — each a typed error and a line in the run summary.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet, retryAfterMs } from '../../crawler/src/fetch/http.js';
import { FetchError, BadUrlError, checkUrl } from '../../crawler/src/fetch/errors.js';
import { crawl } from '../../crawler/src/crawl/run.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { closeLocalSites, localSite, removeTempDirs, tempDir } from './helpers.js';

let server: Server;
let base: string;
const hits = new Map<string, number>();
let robotsStatus = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const html = (body: string) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); };
    switch (path) {
      case '/robots.txt':
        res.writeHead(robotsStatus, { 'content-type': 'text/plain' });
        return void res.end('User-agent: *\nDisallow: /private/\n');
      case '/': return html(`<html><head><meta name="SiteName" content="测试县人民政府"></head><body><div class="main">
        <a href="/zwgk/zfxxgk/">政府信息公开</a></div></body></html>`);
      case '/zwgk/zfxxgk/': return html(`<html><body><div class="xxgk-nav"><ul>
        <li><a href="/zwgk/zfxxgk/zfxxgkzn/">政府信息公开指南</a></li>
        <li><a href="/zwgk/zfxxgk/zfxxgknb/">政府信息公开年报</a></li>
        <li><a href="/gone/">政策文件</a></li><li><a href="/boom/">通知公告</a></li><li><a href="/slow/">工作动态</a></li>
        <li><a href="/loop/a/">机构职能</a></li><li><a href="/private/">人事信息</a></li><li><a href="/busy/">统计信息</a></li></ul></div></body></html>`);
      case '/zwgk/zfxxgk/zfxxgkzn/': return html('<ul class="list"><li><a href="./202401/t20240102_1.htm">指南</a><span>2024-01-02</span></li></ul>');
      case '/zwgk/zfxxgk/zfxxgknb/': return html(`<ul class="list">
        <li><a href="./202403/P020240301000001.pdf">测试县人民政府2023年政府信息公开工作年度报告</a><span>2024-03-01</span></li>
        <li><a href="./202403/P020240301000002.pdf">测试县人民政府2022年政府信息公开工作年度报告</a><span>2023-03-01</span></li></ul>`);
      case '/zwgk/zfxxgk/zfxxgknb/202403/P020240301000001.pdf':
        // No Content-Length: the limit must hold while streaming.
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.write(Buffer.alloc(300_000, 0x20));
        res.write(Buffer.alloc(300_000, 0x20));
        return void res.end();
      case '/zwgk/zfxxgk/zfxxgknb/202403/P020240301000002.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(50 * 1024 * 1024) });
        return void res.end();
      case '/boom/': res.writeHead(500); return void res.end('error');
      case '/busy/': // rate-limited once: 429 with Retry-After, then the page
        if (hits.get(path) === 1) { res.writeHead(429, { 'retry-after': '1' }); return void res.end('too many requests'); }
        return html('<ul><li><a href="./202401/t20240105_9.htm">统计公报</a><span>2024-01-05</span></li></ul>');
      case '/slow/': return void setTimeout(() => html('<p>late</p>'), 20_000).unref();
      case '/loop/a/': res.writeHead(302, { location: '/loop/b/' }); return void res.end();
      case '/loop/b/': res.writeHead(301, { location: '/loop/a/' }); return void res.end();
      case '/private/': return html('<p>secret</p>');
      default: res.writeHead(404); return void res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  removeTempDirs();
  await closeLocalSites();
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

const opts = { timeoutMs: 2000, maxBytes: 500_000 };
const failure = async (url: string, o: Parameters<typeof httpGet>[1] = opts): Promise<FetchError> => {
  try {
    await httpGet(url, o);
  } catch (err) {
    return err as FetchError;
  }
  throw new Error(`expected ${url} to fail`);
};

describe('httpGet', () => {
  it('types each failure and says whether a retry can help', async () => {
    expect(await failure(`${base}/gone/`)).toMatchObject({ kind: 'http-status', status: 404, retryable: false, label: 'http-404' });
    expect(await failure(`${base}/boom/`)).toMatchObject({ kind: 'http-status', status: 500, retryable: true });
    expect(await failure(`${base}/slow/`)).toMatchObject({ kind: 'timeout', retryable: true });
    const loop = await failure(`${base}/loop/a/`);
    expect(loop).toMatchObject({ kind: 'redirect-loop', retryable: false });
    expect(loop.message).toContain('/loop/b/');
    expect(await failure(`${base}/zwgk/zfxxgk/zfxxgknb/202403/P020240301000002.pdf`)).toMatchObject({ kind: 'too-large', retryable: false });
    expect(await failure(`${base}/zwgk/zfxxgk/zfxxgknb/202403/P020240301000001.pdf`)).toMatchObject({ kind: 'too-large' });
    expect(await failure('http://no-such-host.invalid/')).toMatchObject({ kind: 'dns', retryable: false });
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs('999999')).toBe(999_999_000); // what the server asked for; the crawl's cap is politeness.ts's
  });

  it('rejects what is not a crawlable URL with a clear message', () => {
    expect(() => checkUrl('www.example.gov.cn')).toThrow(BadUrlError);
    expect(() => checkUrl('ftp://example.gov.cn/')).toThrow(/scheme ftp: is not http or https/);
  });

  it('refuses a self-signed certificate unless told to accept it', async () => {
    const base = await localSite(() => '<p>镜像</p>', { tlsHost: 'mirror.example.gov.cn' });
    const resolve = new Map([['mirror.example.gov.cn', `127.0.0.1:${new URL(base).port}`]]);
    expect(await failure('https://mirror.example.gov.cn/', { ...opts, resolve })).toMatchObject({ kind: 'tls', retryable: false });
    const ok = await httpGet('https://mirror.example.gov.cn/', { ...opts, resolve, insecure: true });
    expect(ok.body.toString()).toBe('<p>镜像</p>');
  });

  it('sends an honest User-Agent and maps hosts with resolve', async () => {
    const s = createServer((req, res) => res.end(`${req.headers['user-agent']}|${req.headers.host}`));
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    const port = (s.address() as { port: number }).port;
    const r = await httpGet('http://www.example.gov.cn/x', { ...opts, resolve: new Map([['www.example.gov.cn', `127.0.0.1:${port}`]]) });
    s.close();
    expect(r.body.toString()).toMatch(/^GongkaiLens\/0\.1 \(\+https:.*research crawler.*\|www\.example\.gov\.cn$/);
  });
});

describe('crawl run summary', () => {
  it('handles every fault, retries only what can succeed, and lists each fault', async () => {
    robotsStatus = 200;
    hits.clear();
    const dir = tempDir('faults');
    const store = new SqliteStore(join(dir, 'gongkai.db'));
    const r = await crawl({ seeds: [`${base}/`], store, blobDir: join(dir, 'blobs'), now: '2025-06-30', delayMs: 0, timeoutMs: 2000,
      maxBytes: 500_000, retries: 2, backoffBaseMs: 5, browser: 'never' });
    expect(r.complete).toBe(true);
    const s = await runSummary(store, r.run.id);
    expect(s.faults.map((f) => `${f.kind}:${f.count}`)).toEqual(['http-404:1', 'http-500:1', 'redirect-loop:1', 'robots:1', 'timeout:1', 'too-large:2']);
    expect(hits.get('/gone/')).toBe(1);
    expect(hits.get('/boom/')).toBe(3);
    expect(hits.get('/slow/')).toBe(3);
    expect(hits.get('/private/')).toBeUndefined();
    const cols = Object.fromEntries(s.columns.map((c) => [c.name, c.status]));
    expect(cols).toMatchObject({ 政策文件: 'http-404', 通知公告: 'http-500', 工作动态: 'timeout', 机构职能: 'redirect-loop', 人事信息: 'robots', 政府信息公开指南: 'ok', 统计信息: 'ok' });
    expect(hits.get('/busy/')).toBe(2); // 429 honoured (Retry-After), then fetched
    expect(s.failures.find((f) => f.errorKind === 'http-500')!.attempts).toBe(3);
    store.close();
  });

  it('does not crawl a host whose robots.txt cannot be read (5xx)', async () => {
    robotsStatus = 503;
    hits.clear();
    const dir = tempDir('faults-robots');
    const store = new SqliteStore(join(dir, 'gongkai.db'));
    const r = await crawl({ seeds: [`${base}/`], store, blobDir: join(dir, 'blobs'), now: '2025-06-30', delayMs: 0, timeoutMs: 2000, retries: 0, browser: 'never' });
    const s = await runSummary(store, r.run.id);
    expect(s.faults).toEqual([{ kind: 'robots', count: 1, urls: [`${base}/`] }]);
    expect(s.failures[0]!.error).toMatch(/could not be read/);
    expect(hits.get('/')).toBeUndefined();
    store.close();
    robotsStatus = 200;
  });
});

describe('pages built by script', () => {
  it('renders a disclosure catalogue built by XHR in Chromium and walks its columns', async () => {
    const s = createServer((req, res) => {
      const html = (body: string) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); };
      switch (req.url) {
        case '/robots.txt': res.writeHead(404); return void res.end();
        case '/': return html('<html><head><meta name="SiteName" content="脚本县人民政府"></head><body><a href="/xxgk/">政府信息公开</a></body></html>');
        case '/xxgk/': return html(`<html><body><div id="tree"></div><script>
          var x = new XMLHttpRequest(); x.open('GET', '/api/tree.json');
          x.onload = function () { var t = JSON.parse(x.responseText), h = '<ul>';
            for (var i = 0; i < t.length; i++) h += '<li><a href="' + t[i].href + '">' + t[i].name + '</a></li>';
            document.getElementById('tree').innerHTML = h + '</ul>'; };
          x.send();</script></body></html>`);
        case '/api/tree.json':
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end(JSON.stringify([{ name: '政府信息公开指南', href: '/xxgk/zn/' }, { name: '政府信息公开年报', href: '/xxgk/nb/' }]));
        case '/xxgk/zn/': return html('<ul><li><a href="./202401/t20240102_1.htm">指南</a><span>2024-01-02</span></li></ul>');
        case '/xxgk/nb/': return html('<ul><li><a href="./202401/t20240110_2.htm">通知</a><span>2024-01-10</span></li><li><a href="./202301/t20230110_3.htm">通知</a><span>2023-01-10</span></li></ul>');
        default: res.writeHead(404); return void res.end();
      }
    });
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    const dir = tempDir('script-section');
    const store = new SqliteStore(join(dir, 'gongkai.db'));
    try {
      const host = `127.0.0.1:${(s.address() as { port: number }).port}`;
      const r = await crawl({ seeds: [`http://${host}/`], store, blobDir: join(dir, 'blobs'), now: '2025-06-30', delayMs: 0, timeoutMs: 5000,
        retries: 0, browser: 'auto', columnsOnly: true });
      const sum = await runSummary(store, r.run.id);
      expect(sum.columns.map((c) => `${c.name}:${c.itemCount}`).sort()).toEqual(['政府信息公开年报:2', '政府信息公开指南:1']);
      expect(sum.faults).toEqual([]);
    } finally {
      store.close();
      s.close();
    }
  }, 60_000);
});
