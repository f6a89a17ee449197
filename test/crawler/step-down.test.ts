/**
 * A firewall answer steps its host down: one request at a time and a longer gap, for the worker that
 * saw it (HostGate) and — with PostgreSQL — for every worker of the run (the host_gate row). Counted
 * at a local server that answers 412 (a WAF's challenge) to one column list once, while the host has
 * `--per-host` requests in flight: every request that starts after that answer must find the host
 * otherwise idle, and starts must be at least half the stepped-down gap apart (slack for a loaded
 * machine; without the step-down they come together, no gap at all).
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlOptions } from '../../crawler/src/crawl/run.js';
import { FetchError } from '../../crawler/src/fetch/errors.js';
import { HostGate } from '../../crawler/src/fetch/politeness.js';
import { PostgresStore } from '../../crawler/src/store/postgres.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { removeTempDirs, tempDir } from './helpers.js';
import { SKIP_PG_REASON, startTestPostgres, type TestPostgres } from './pg-helpers.js';

const PER_HOST = 4;
const COLUMNS = ['gkzn', 'gkzd', 'tzgg', 'zcwj', 'gzdt', 'rsxx', 'tjxx', 'ghjh'];
/** The column whose first answer is the firewall's. */
const WALLED = '/zcwj/';
/** Requests in flight when the 412 goes out are held this long after it (the crawler records the step-down meanwhile). */
const HOLD_AFTER_412_MS = 2500;
/** The gap HostGate steps a host with no delay down to. */
const STEPPED_GAP_MS = 1000;

interface Hit { path: string; agent: string; start: number; end: number }
interface HostLog { hits: Hit[]; inflight: number; walledAt: number | null; released: Promise<void>; release: () => void }
const logs = new Map<string, HostLog>();
const logOf = (host: string): HostLog => {
  let l = logs.get(host);
  if (!l) {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    logs.set(host, (l = { hits: [], inflight: 0, walledAt: null, released, release }));
  }
  return l;
};

const layout = (title: string, main: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><meta name="SiteName" content="某县人民政府"></head><body><div class="main">${main}</div></body></html>`;
const CHALLENGE = '<html><body><script>document.cookie="__w=1";location.reload();</script></body></html>';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: Server;
let addr = '';
let pg: TestPostgres | null = null;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    const log = logOf(host);
    const hit: Hit = { path, agent: String(req.headers['user-agent']), start: Date.now(), end: Infinity };
    log.hits.push(hit);
    log.inflight++;
    const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
      hit.end = Date.now();
      log.inflight--;
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (path === '/robots.txt') return send(200, 'User-agent: *\nDisallow:\n', 'text/plain');
    if (path === WALLED && log.walledAt === null) {
      // The firewall answers once the host has --per-host requests in flight (or after 5 s).
      for (let waited = 0; log.hits.filter((h) => h.end === Infinity && h.path !== '/robots.txt').length < PER_HOST && waited < 5000; waited += 10) await sleep(10);
      log.walledAt = Date.now();
      setTimeout(log.release, HOLD_AFTER_412_MS);
      return send(412, CHALLENGE);
    }
    // Column lists in flight when the firewall answered end a while after it; later requests take 50 ms.
    const col = COLUMNS.find((c) => path === `/${c}/`);
    if (col && log.walledAt === null) await Promise.race([log.released, sleep(5000)]);
    else if (col && hit.start < log.walledAt!) await sleep(Math.max(0, log.walledAt! + HOLD_AFTER_412_MS - Date.now()));
    else await sleep(50);
    if (path === '/') return send(200, layout('某县人民政府', '<a href="/zfxxgk/">政府信息公开</a>'));
    if (path === '/zfxxgk/') {
      const names = ['政府信息公开指南', '政府信息公开制度', '通知公告', '政策文件', '工作动态', '人事信息', '统计信息', '规划计划'];
      return send(200, layout('政府信息公开', `<div class="xxgk-nav"><ul>${COLUMNS.map((c, i) => `<li><a href="/${c}/">${names[i]}</a></li>`).join('')}</ul></div>`));
    }
    if (col) return send(200, layout('列表', `<ul class="list">${[1, 2, 3].map((i) => `<li><a href="./2024010${i}/t2024010${i}_${i}.html">${col}第${i}号通知</a><span>2024-01-0${i}</span></li>`).join('')}</ul>`));
    send(404, 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  addr = `127.0.0.1:${(server.address() as { port: number }).port}`;
  pg = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  removeTempDirs();
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  pg?.stop();
});

const options = (host: string, dir: string): Omit<CrawlOptions, 'store'> => ({
  seeds: [`http://${host}/`], blobDir: join(dir, 'blobs'), now: '2025-06-30', resolve: new Map([[host, addr]]), delayMs: 0, perHost: PER_HOST,
  concurrency: 8, timeoutMs: 10_000, retries: 2, backoffBaseMs: 10, browser: 'never', columnsOnly: true,
});

/**
 * What the server saw of `host`: the requests in flight when the firewall answered (its own included),
 * and of those started after it, how many others were in flight as each started and the gaps between starts.
 */
function afterTheWall(host: string) {
  const log = logOf(host);
  const at = log.walledAt!;
  const later = log.hits.filter((h) => h.start > at).sort((a, b) => a.start - b.start);
  const alongside = later.map((h) => log.hits.filter((o) => o !== h && o.start <= h.start && o.end > h.start).length);
  const gaps = later.slice(1).map((h, i) => h.start - later[i]!.start);
  const peakBefore = log.hits.filter((h) => h.start <= at && h.end >= at && h.path !== '/robots.txt').length;
  return { later, alongside, gaps, peakBefore };
}

describe('HostGate.stepDown', () => {
  it('holds a host to one request at a time and doubles its gap (at least 1 s), once per pace tried', () => {
    const g = new HostGate(4, 300);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) g.acquire('h', t0);
    expect(g.waitFor('h', t0)).toBe(300); // 3 of 4 in flight: room, after the crawl's own gap
    expect(g.stepDown('h', t0, t0 + 10)).toBe(true);
    expect(g.concurrencyOf('h')).toBe(1);
    expect(g.delayOf('h')).toBe(STEPPED_GAP_MS);
    expect(g.waitFor('h', t0 + 10)).toBe(Infinity); // busy until the earlier requests end
    // Answers to requests started before the step-down count once: the slower pace was not tried yet.
    expect(g.stepDown('h', t0, t0 + 20)).toBe(false);
    expect(g.delayOf('h')).toBe(STEPPED_GAP_MS);
    for (let i = 0; i < 3; i++) g.release('h');
    expect(g.waitFor('h', t0 + 20)).toBe(STEPPED_GAP_MS - 10);
    g.acquire('h', t0 + 1010);
    expect(g.waitFor('h', t0 + 1500)).toBe(Infinity);
    g.release('h');
    expect(g.waitFor('h', t0 + 1500)).toBe(510);
    // Blocked again at the slower pace: slower still.
    const e = new FetchError('blocked', 'http://h/', 'HTTP 412', { status: 412 });
    expect(g.react('h', e, t0 + 1010)).toEqual({ throttled: null, steppedDown: true });
    expect(g.delayOf('h')).toBeGreaterThanOrEqual(2 * STEPPED_GAP_MS);
    const slow = new HostGate(4, 40_000);
    slow.stepDown('x');
    expect(slow.delayOf('x')).toBe(60_000); // capped
  });
});

describe('a firewall answer steps the host down', () => {
  it('one worker (SQLite): after a 412, one request at a time and the gap grows', async () => {
    const host = 'www.waf1.gov.cn';
    const dir = tempDir('step-down');
    const store = new SqliteStore(join(dir, 'gongkai.db'));
    try {
      const r = await crawl({ ...options(host, dir), store });
      expect(r.complete).toBe(true);
      const s = await runSummary(store, r.run.id);
      expect(s.columns.map((c) => `${c.name} ${c.status} ${c.itemCount}`).filter((c) => !c.endsWith(' ok 3'))).toEqual([]);
      expect(s.columns).toHaveLength(COLUMNS.length);
    } finally {
      store.close();
    }
    const w = afterTheWall(host);
    expect(w.peakBefore, 'in flight when the firewall answered').toBe(PER_HOST);
    // The walled column again and the columns not yet started: all after the 412.
    expect(w.later.length).toBeGreaterThanOrEqual(COLUMNS.length - PER_HOST + 1);
    expect(w.alongside, 'requests in flight beside each later one').toEqual(w.later.map(() => 0));
    expect(w.gaps.filter((g) => g < STEPPED_GAP_MS / 2), 'gaps between later starts, ms').toEqual([]);
  }, 60_000);

  it('two workers (PostgreSQL): after a 412, both together keep one request in flight on the host', async (ctx) => {
    if (!pg) return ctx.skip(SKIP_PG_REASON);
    const host = 'www.waf2.gov.cn';
    const dir = tempDir('step-down-pg');
    const url = await pg.createDb();
    const stores = await Promise.all([0, 1].map(() => new PostgresStore(url).opened()));
    try {
      const results = await Promise.all(stores.map((store, i) => crawl({ ...options(host, dir), store, userAgent: `GongkaiLens/test worker-${i}` })));
      expect(results.map((r) => `${r.run.id} ${r.complete}`)).toEqual(results.map(() => `${results[0]!.run.id} true`));
      const s = await runSummary(stores[0]!, results[0]!.run.id);
      expect(s.columns.map((c) => `${c.name} ${c.status} ${c.itemCount}`).filter((c) => !c.endsWith(' ok 3'))).toEqual([]);
    } finally {
      for (const s of stores) await s.close();
    }
    const w = afterTheWall(host);
    expect(w.peakBefore, 'in flight when the firewall answered').toBe(PER_HOST);
    expect(w.later.length).toBeGreaterThanOrEqual(COLUMNS.length - PER_HOST + 1);
    expect(w.alongside, 'requests in flight beside each later one (both workers)').toEqual(w.later.map(() => 0));
    expect(w.gaps.filter((g) => g < STEPPED_GAP_MS / 2), 'gaps between later starts, ms').toEqual([]);
  }, 90_000);
});
