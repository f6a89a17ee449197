/**
 * Site health from the store's runs, against a small local portal whose home page is down (503, the
 * whole site 503 — robots.txt too — or the connection reset) in some runs and whose disclosure section links a removed column (404), a moved
 * report (410), a page whose connection is reset and a column that answers 500 (a server error, not a
 * dead link): reachability over the last 7 days of runs (一周监测), dead links per run, the watch's
 * `unreachable` and `dead-links` conditions (fired, held, cleared), the dashboard API and `summary` text.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../../crawler/src/crawl/run.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { siteHealth } from '../../crawler/src/health/site-health.js';
import { runChanges } from '../../crawler/src/watch/changes.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { summaryText } from '../../crawler/src/report/text.js';
import { Queries } from '../../crawler/src/serve/queries.js';
import { tempDir, removeTempDirs } from './helpers.js';

let server: Server;
let base: string;
let home: 'up' | '503' | 'reset' | 'down' = 'up';
let deadColumn = true;

const html = (res: import('node:http').ServerResponse, body: string) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); };

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (home === 'down') { res.writeHead(503); return void res.end('系统维护'); } // the whole site, robots.txt too
    switch (path) {
      case '/robots.txt': res.writeHead(200, { 'content-type': 'text/plain' }); return void res.end('User-agent: *\nDisallow:\n');
      case '/':
        if (home === '503') { res.writeHead(503); return void res.end('维护中'); }
        if (home === 'reset') return void req.socket.destroy();
        return html(res, '<html><head><meta name="SiteName" content="测试县人民政府"></head><body><a href="/zwgk/zfxxgk/">政府信息公开</a></body></html>');
      case '/zwgk/zfxxgk/': return html(res, `<html><body><div class="xxgk-nav"><ul>
        <li><a href="/zwgk/zfxxgk/zfxxgkzn/">政府信息公开指南</a></li>
        <li><a href="/zwgk/zfxxgk/zfxxgknb/">政府信息公开年报</a></li>
        <li><a href="${deadColumn ? '/gone/' : '/zwgk/zfxxgk/zcwj/'}">政策文件</a></li>
        <li><a href="/reset/">人事信息</a></li><li><a href="/boom/">通知公告</a></li></ul></div></body></html>`);
      case '/zwgk/zfxxgk/zfxxgkzn/': return html(res, '<ul class="list"><li><a href="./202401/t20240102_1.htm">指南</a><span>2024-01-02</span></li></ul>');
      case '/zwgk/zfxxgk/zcwj/': return html(res, '<ul class="list"><li><a href="./202405/t20240502_3.htm">关于印发某办法的通知</a><span>2024-05-02</span></li></ul>');
      case '/zwgk/zfxxgk/zfxxgknb/': return html(res, `<ul class="list">
        <li><a href="./202403/t20240301_7.htm">测试县人民政府2023年政府信息公开工作年度报告</a><span>2024-03-01</span></li></ul>`);
      case '/zwgk/zfxxgk/zfxxgknb/202403/t20240301_7.htm': res.writeHead(410); return void res.end('gone');
      case '/reset/': return void req.socket.destroy();
      case '/boom/': res.writeHead(500); return void res.end('error');
      default: res.writeHead(404); return void res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  removeTempDirs();
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

describe('site health over runs', () => {
  it('measures reachability over 7 days of runs, counts dead links, and alerts and clears both', async () => {
    const dir = tempDir('health');
    const store = new SqliteStore(join(dir, 'g.db'));
    const host = new URL(base).host;
    const once = async (now: string, state: typeof home) => {
      home = state;
      const r = await crawl({ seeds: [`${base}/`], store, blobDir: join(dir, 'blobs'), now, delayMs: 0, timeoutMs: 3000, retries: 0, browser: 'never', quiet: true } as Parameters<typeof crawl>[0]);
      expect(r.complete).toBe(true);
      return r.run;
    };
    try {
      const r1 = await once('2025-06-01', 'up');
      const h1 = (await siteHealth(store, r1)).get(host)!;
      expect(h1.reachability).toMatchObject({ probes: 1, failed: 0, share: 0, sectionProbes: 1, sectionFailed: 0, from: '2025-06-01', to: '2025-06-01' });
      // The removed column (404), the moved report (410) and the reset page are dead; the 500 column is not.
      expect(h1.deadLinks.count).toBe(3);
      expect(h1.deadLinks.examples.map((e) => `${new URL(e.url).pathname} ${e.status ?? e.error.length > 0}`).sort()).toEqual([
        '/gone/ 404', '/reset/ true', '/zwgk/zfxxgk/zfxxgknb/202403/t20240301_7.htm 410']);
      const c1 = await runChanges(store, r1, { leadDays: 7 });
      expect(c1.alerts.filter((a) => a.kind === 'unreachable')).toEqual([]);
      expect(c1.judged.has(`unreachable|${host}`)).toBe(true);
      const dead = c1.alerts.filter((a) => a.kind === 'dead-links');
      expect(dead).toHaveLength(1);
      expect(dead[0]!.key).toBe(`dead-links|${host}`);
      expect(dead[0]!.what.zh).toMatch(/失效链接3个/);
      expect(dead[0]!.what.zh).toContain(`${base}/gone/ (404)`);

      await once('2025-06-02', '503');
      await once('2025-06-03', 'down');
      const r4 = await once('2025-06-04', 'reset');
      const h4 = (await siteHealth(store, r4)).get(host)!;
      expect(h4.reachability).toMatchObject({ probes: 4, failed: 3, share: 0.75, from: '2025-06-01', to: '2025-06-04' });
      expect(h4.reachability.failures.map((f) => `${f.judgedOn} ${f.page}`)).toEqual(['2025-06-02 home', '2025-06-03 home', '2025-06-04 home']);
      // A run whose home page failed finds no links at all: no dead links that run (not judged as clean either: see below).
      expect(h4.deadLinks.count).toBe(0);
      const c4 = await runChanges(store, r4, { leadDays: 7 });
      const un = c4.alerts.filter((a) => a.kind === 'unreachable');
      expect(un).toHaveLength(1);
      expect(un[0]).toMatchObject({ key: `unreachable|${host}`, since: '2025-06-02', host });
      expect(un[0]!.what.zh).toContain('4次检测中3次无法访问');
      expect(c4.judged.has(`dead-links|${host}`)).toBe(false);
      // A portal whose portals file sets limit.unreachable=80 (percent) is not alerted at 75%.
      const lax = await runChanges(store, r4, { leadDays: 7, limits: new Map([[host, { unreachable: 80 }]]) });
      expect(lax.alerts.filter((a) => a.kind === 'unreachable')).toEqual([]);
      expect(lax.judged.has(`unreachable|${host}`)).toBe(true);

      // A week later, with the column fixed: the failures left the window and the dead links are fewer.
      deadColumn = false;
      await once('2025-06-10', 'up');
      const r6 = await once('2025-06-11', 'up');
      const h6 = (await siteHealth(store, r6)).get(host)!;
      expect(h6.reachability).toMatchObject({ probes: 2, failed: 0, share: 0, from: '2025-06-10' });
      expect(h6.deadLinks.count).toBe(2);
      const c6 = await runChanges(store, r6, { leadDays: 7 });
      expect(c6.alerts.filter((a) => a.kind === 'unreachable')).toEqual([]);
      expect(c6.judged.has(`unreachable|${host}`)).toBe(true);

      // Shown on the dashboard's portal API and in `summary`.
      const d = await new Queries(store).portal(host);
      expect(d?.reachability).toMatchObject({ probes: 2, failed: 0 });
      expect(d?.deadLinks?.count).toBe(2);
      const text = summaryText(await runSummary(store, r4.id));
      expect(text).toMatch(new RegExp(`${host}\\s+reachability 3/4 \\(75%\\) failed`));
    } finally {
      store.close();
      deadColumn = true;
    }
  }, 60_000);
});

describe('site health of a store shared by other portals', () => {
  it('reports only the portals the run probed', async () => {
    const dir = tempDir('health-other');
    const store = new SqliteStore(join(dir, 'g.db'));
    try {
      home = 'up';
      const mine = await crawl({ seeds: [`${base}/`], store, blobDir: join(dir, 'blobs'), now: '2025-06-01', delayMs: 0, timeoutMs: 3000, retries: 0, browser: 'never', quiet: true } as Parameters<typeof crawl>[0]);
      // Another watch's run the same week, of a portal that does not answer at all.
      const other = await crawl({ seeds: ['http://127.0.0.1:9/'], store, blobDir: join(dir, 'blobs'), now: '2025-06-02', delayMs: 0, timeoutMs: 3000, retries: 0, browser: 'never', quiet: true } as Parameters<typeof crawl>[0]);
      const hOther = await siteHealth(store, other.run);
      expect([...hOther.keys()]).toEqual(['127.0.0.1:9']);
      expect(hOther.get('127.0.0.1:9')!.reachability).toMatchObject({ probes: 1, failed: 1, share: 1 });
      expect([...(await siteHealth(store, mine.run)).keys()]).toEqual([new URL(base).host]);
    } finally {
      store.close();
    }
  }, 60_000);
});
