/**
 * The crawl loop. The frontier lives in the store: every processed URL commits its outcome, its newly
 * found URLs and its records in one transaction, so a crawl killed at any point continues where it
 * stopped when started again, without losing or duplicating anything (primary keys make every insert
 * idempotent). Politeness: robots.txt, per-host concurrency and delay, retries with backoff.
 * Containment: a task outside its portal's scope (fetch/scope.ts) is an `off-portal` fault, never a
 * request; a host that asks for waits over the cap is `throttled`. A failed store write stops the run
 * (StoreWriteError): the URL stays pending and the resumed run fetches it again. What a page means is
 * its route's (router.ts); once the frontier is exhausted, years missing from a 年报 column are looked
 * for with the portal's site search (site-search.ts), then the run ends.
 */
import { resolveDeadlines, type Deadlines } from '@gongkai/shared';
import { BlobStore } from '../store/blobs.js';
import type { Outcome, Run, Store, Task } from '../store/types.js';
import { httpGet, type HttpOptions, type UrlGuard } from '../fetch/http.js';
import { BrowserRenderer, type RenderGuard } from '../fetch/browser.js';
import { FetchError, checkUrl } from '../fetch/errors.js';
import { RobotsCache } from '../fetch/robots.js';
import { Scope } from '../fetch/scope.js';
import { StoreWriteError, storeWrite } from '../store/write-error.js';
import { backoffMs, HostGate } from '../fetch/politeness.js';
import { route, type Page, type RouteConfig } from './router.js';
import { analyze, type AnalysisSummary } from './analyze.js';
import { needsScript } from '../discover/html.js';
import { crawlConfig, type BrowserMode } from './config.js';
import { seedTask } from './tasks.js';
import { planSiteSearches } from './site-search.js';
import { GonePages, NOT_FETCHED } from './gone-pages.js';

export { seedTask };

export interface CrawlOptions {
  seeds: string[];
  store: Store;
  blobDir: string;
  /** ISO date the crawl judges freshness and deadlines against (default: today). */
  now?: string;
  concurrency?: number;
  perHost?: number;
  delayMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  retries?: number;
  backoffBaseMs?: number;
  browser?: BrowserMode;
  resolve?: Map<string, string>;
  /** `--allow-host`: hosts outside the seeds' sites the crawl may request (`host` or `*.domain`). */
  allowHosts?: string[];
  fresh?: boolean;
  columnsOnly?: boolean;
  maxPages?: number;
  maxPagesPerColumn?: number;
  ocr?: boolean;
  userAgent?: string;
  /** Accept self-signed certificates (mirrors). */
  insecure?: boolean;
  /** Site-search queries per portal for years missing from its 年报 column (default 6; 0: never search). */
  maxSearchesPerPortal?: number;
  /** Article 49 deadlines (MM-DD) when local rules differ from the national 01-31 / 03-31; kept in the run's options, so reparse uses them too. */
  deadlines?: Partial<Deadlines>;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface Progress { runId: number; fetched: number; pagesPerSec: number; last: string; browserPages: number }

/**
 * `complete`: the frontier was exhausted (not stopped early). `ended`: this worker ended the run and ran
 * the whole-run analysis (`analysis`); with many workers exactly one does, the others return once the
 * run is done with `analysis: null`. A run stopped early is analysed as far as it got and stays open.
 */
export interface CrawlResult { run: Run; resumed: boolean; complete: boolean; ended: boolean; fetched: number; elapsedMs: number; analysis: AnalysisSummary | null }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How soon a worker with room looks again for hosts other workers may have freed, ms. */
const IDLE_POLL_MS = 20;

export async function crawl(o: CrawlOptions): Promise<CrawlResult> {
  const started = Date.now();
  const seeds = o.seeds.map((s) => checkUrl(s).href);
  const now = o.now ?? new Date().toISOString().slice(0, 10);
  const cfg = crawlConfig({ concurrency: o.concurrency, perHost: o.perHost, delayMs: o.delayMs, timeoutMs: o.timeoutMs, maxBytes: o.maxBytes,
    retries: o.retries, backoffBaseMs: o.backoffBaseMs, browser: o.browser, maxPagesPerColumn: o.maxPagesPerColumn, ocr: o.ocr,
    columnsOnly: o.columnsOnly, maxSearchesPerPortal: o.maxSearchesPerPortal, resolve: o.resolve, userAgent: o.userAgent, insecure: o.insecure });
  const options = { perHost: cfg.perHost, delayMs: cfg.delayMs, browser: cfg.browser, columnsOnly: cfg.columnsOnly,
    ...(o.deadlines ? { deadlines: resolveDeadlines(o.deadlines) } : {}) };
  const { run, resumed } = await o.store.openRun(seeds, options, now, !!o.fresh, seeds.map(seedTask));
  const blobs = new BlobStore(o.blobDir);
  const http: HttpOptions = { timeoutMs: cfg.timeoutMs, maxBytes: cfg.maxBytes, resolve: cfg.resolve, userAgent: cfg.userAgent, insecure: cfg.insecure };
  // A page in the browser is many requests and a script run: it gets at least 30 s.
  const browser = new BrowserRenderer({ timeoutMs: Math.max(cfg.browserMinTimeoutMs, cfg.timeoutMs), resolve: cfg.resolve, userAgent: cfg.userAgent, insecure: cfg.insecure, waitForXhr: needsScript });
  const gate = new HostGate(cfg.perHost, cfg.delayMs);
  const gone = new GonePages(cfg.maxGonePagesInRow);
  const routeCfg: RouteConfig = { browser: cfg.browser, maxPagesPerColumn: cfg.maxPagesPerColumn, ocr: cfg.ocr, columnsOnly: cfg.columnsOnly, maxSectionDepth: cfg.maxSectionDepth };
  const scope = new Scope(seeds, { allowHosts: o.allowHosts, resolve: o.resolve });
  /** The scope of the portal whose seed host is `portal`, as the HTTP client and the browser see it. */
  const guardOf = (portal: string): UrlGuard & RenderGuard => ({
    check: (u, what) => scope.check(u, portal, what), refusal: (u, what) => scope.refusal(u, portal, what), privateOk: (h) => scope.privateOk(h),
  });
  /** What stops the run at once: a failed store write (exit 6, resumable) or a store call's internal error. */
  let fatal: Error | null = null;
  // robots.txt is read inside the scope of its own host; a Crawl-delay over the cap defers the host.
  // Fetched once per host and run: the text is recorded for the other workers (NUL, meaningless in
  // robots.txt and refused by PostgreSQL TEXT, dropped), who read it instead of asking the host again.
  // A failed write stops the run (not a robots fault of the host: the text is still used).
  const robots = new RobotsCache(async (url) => {
    const origin = new URL(url).origin;
    const known = await o.store.robotsText(run.id, origin);
    if (known !== null) return known;
    const res = await httpGet(url, { ...http, maxBytes: cfg.robotsMaxBytes, guard: guardOf(new URL(url).host) });
    const text = res.body.toString('utf8').replace(/\0/g, '');
    await storeWrite(`recording ${url}`, () => o.store.saveRobotsText(run.id, origin, text)).catch((err: unknown) => {
      fatal ??= err instanceof Error ? err : new Error(String(err));
    });
    return text;
  }, (host, ms) => gate.setDelay(host, ms, `asks for Crawl-delay: ${ms / 1000} s in robots.txt`));
  const { retries, concurrency } = cfg;
  const inflight = new Set<string>();
  let fetched = 0, browserPages = 0, last = '';
  let wake: (() => void) | null = null;

  const process = async (t: Task): Promise<void> => {
    const base: Omit<Outcome, 'state'> = { task: t };
    const save = (out: Outcome) => storeWrite(`recording ${t.url}`, () => o.store.complete(out));
    const skip = (error: { kind: string; message: string }) => save({ ...base, state: 'skipped', error });
    const host = new URL(t.url).host;
    const startedAt = Date.now();
    try {
      // Off the portal: recorded with its URL, never requested (not even its robots.txt).
      const off = scope.refusal(t.url, t.meta.portal, `${t.kind} link`);
      if (off) return void (await skip({ kind: 'off-portal', message: off.message }));
      if (gate.deferred(host)) return void (await skip({ kind: 'throttled', message: gate.deferred(host)! }));
      // A column whose later pages keep answering 404/410: the rest are not requested.
      const goneWhy = gone.refusal(t);
      if (goneWhy) return void (await skip({ kind: NOT_FETCHED, message: goneWhy }));
      const rb = await robots.for(t.url);
      const u = new URL(t.url);
      if (rb.fault) return void (await skip(rb.fault));
      if (gate.deferred(host)) return void (await skip({ kind: 'throttled', message: gate.deferred(host)! }));
      if (!rb.allowed(u.pathname + u.search)) return void (await skip({ kind: 'robots', message: `robots.txt of ${u.host} disallows ${u.pathname}` }));
      const render = t.mode === 'browser' || (cfg.browser === 'always' && (t.kind === 'home' || t.kind === 'section' || t.kind === 'column'));
      let page: Page & { status: number; elapsedMs: number; cache?: Outcome['cache'] };
      if (render) {
        // A column's first page in the browser also drives its script pager (TRS listModel …: fetch/pager-walk.ts).
        const walk = t.kind === 'column' && t.meta.column.page === 0 && !t.meta.column.api ? cfg.maxPagesPerColumn - 1 : 0;
        const r = await browser.render(t.url, guardOf(t.meta.portal), walk);
        browserPages++;
        const bytes = Buffer.from(r.html, 'utf8');
        page = { url: r.url, bytes, contentType: 'text/html; charset=utf-8', sha256: await blobs.put(bytes), rendered: true, status: r.status, elapsedMs: r.elapsedMs, walked: r.walked };
      } else {
        const cached = await o.store.cacheFor(t.url);
        const cond = cached && await blobs.has(cached.sha256) ? cached : {};
        const res = await httpGet(t.url, { ...http, guard: guardOf(t.meta.portal) }, cond);
        const bytes = res.notModified && cached ? await blobs.read(cached.sha256) : res.body;
        const sha = await blobs.put(bytes);
        const contentType = res.notModified && cached ? cached.contentType : res.contentType;
        page = { url: res.url, bytes, contentType, sha256: sha, rendered: false, status: res.status, elapsedMs: res.elapsedMs,
          cache: { url: t.url, etag: res.etag ?? cached?.etag ?? null, lastModified: res.lastModified ?? cached?.lastModified ?? null, sha256: sha, contentType } };
      }
      fetched++;
      last = t.url;
      gone.answered(t, page.status);
      const result = await route(t, page, routeCfg);
      await save({
        ...base, ...result, status: page.status, finalUrl: page.url, sha256: page.sha256, elapsedMs: page.elapsedMs, cache: page.cache,
        blob: { sha256: page.sha256, size: page.bytes.length, contentType: page.contentType, url: page.url },
      });
    } catch (err) {
      try {
        await recordFailure(t, err, save, startedAt);
      } catch (fail) {
        // Nothing is recorded for the URL: it stays pending for the resumed run. A failed write is a
        // StoreWriteError; anything else the store threw is an internal error — either stops the run.
        fatal ??= fail instanceof Error ? fail : new Error(String(fail));
      }
    }
  };

  /** A failed task: a store write failure stops the run; a fetch fault is retried, throttled or recorded. */
  const recordFailure = async (t: Task, err: unknown, save: (out: Outcome) => Promise<void>, startedAt: number): Promise<void> => {
    if (err instanceof StoreWriteError) throw err;
    const e = err instanceof FetchError ? err : null;
    const error = e ? { kind: e.label, message: e.message } : { kind: 'internal', message: (err as Error)?.stack ?? String(err) };
    const host = new URL(t.url).host;
    gone.answered(t, e?.status ?? null);
    // The host says slow down (429/503, a firewall): slower from now on; a wait over the cap defers it.
    const { throttled, steppedDown } = e ? gate.react(host, e, startedAt) : { throttled: null, steppedDown: false };
    // Stepped down after a firewall answer: every worker of the run keeps the slower pace (the store's host gate).
    if (steppedDown && o.store.stepDownHost) {
      const s = o.store;
      await storeWrite(`stepping ${host} down`, () => s.stepDownHost!(run.id, host, gate.concurrencyOf(host), gate.delayOf(host), Date.now()));
    }
    if (throttled) return save({ task: t, state: 'skipped', status: e?.status ?? null, error: { kind: 'throttled', message: `${throttled} (${e!.message})` } });
    if (e?.retryable && t.attempts < retries) {
      const wait = Math.max(backoffMs(t.attempts, cfg.backoffBaseMs), e.retryAfterMs ?? 0, e.kind === 'blocked' ? gate.delayOf(host) : 0);
      await storeWrite(`rescheduling ${t.url}`, () => o.store.retryLater(t, Date.now() + wait, error));
    } else {
      await save({ task: t, state: 'failed', status: e?.status ?? null, error });
    }
  };

  // --per-host and this worker's gaps; a host stepped down by any worker is held tighter by the store itself.
  const hostLimits = { perHost: cfg.perHost, delayMs: (host: string) => gate.delayOf(host) };
  /** Other workers may share the frontier (PostgreSQL). */
  const shared = o.store.dialect === 'postgres';

  /** Fetches until nothing is pending or leased (true) or the crawl is stopped early (false). */
  const fetchAll = async (): Promise<boolean> => {
    let exhausted = true;
    for (;;) {
      if (fatal || o.signal?.aborted || (o.maxPages !== undefined && fetched >= o.maxPages)) { exhausted = false; break; }
      // Many workers: the store leaves out hosts that others hold to --per-host or the delay, and the
      // lease checks both again; a host refused (another worker was quicker) is passed over this round.
      const tasks = await o.store.nextTasks(run.id, cfg.batch, Date.now(), inflight, hostLimits);
      let soonest = Infinity;
      const refused = new Set<string>();
      for (const t of tasks) {
        if (inflight.size >= concurrency || fatal) break;
        const host = new URL(t.url).host;
        if (refused.has(host)) continue;
        const wait = gate.waitFor(host);
        if (wait > 0) { soonest = Math.min(soonest, wait); continue; }
        if (!(await o.store.lease([t], Date.now(), hostLimits)).length) { refused.add(host); continue; }
        gate.acquire(host);
        const key = `${t.url} ${t.mode}`;
        inflight.add(key);
        void process(t).finally(() => {
          gate.release(host);
          inflight.delete(key);
          o.onProgress?.(progress());
          wake?.();
        });
      }
      if (inflight.size === 0 && tasks.length === 0) {
        const st = await o.store.stats(run.id);
        if (st.pending === 0) break;
        await sleep(Math.max(IDLE_POLL_MS, Math.min(1000, (st.nextAt ?? Date.now()) - Date.now())));
        continue;
      }
      // Full: until a task of ours ends. Room left: until the soonest host gap ends, or (many workers)
      // a look again soon — other workers free their hosts without telling us.
      if (refused.size || (shared && inflight.size < concurrency)) soonest = Math.min(soonest, IDLE_POLL_MS);
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, inflight.size >= concurrency ? 1000 : Number.isFinite(soonest) ? Math.max(1, soonest) : inflight.size ? 50 : 5);
      });
      wake = null;
    }
    while (inflight.size > 0) await new Promise<void>((r) => { wake = r; setTimeout(r, 50); });
    return exhausted;
  };

  // A run ends when no lease is held and nothing is pending; of many workers one ends it and analyses
  // it (the store lets one at a time try), the others wait until it is done — and take over if it dies.
  let complete = true, ended = false;
  let analysis: AnalysisSummary | null = null;
  try {
    for (;;) {
      complete = await fetchAll();
      await browser.close();
      if (fatal) throw fatal;
      if (!complete) break;
      // Years missing from a 年报 column: the portal's own site search, where it names one (queued once).
      if (!cfg.columnsOnly) {
        const searches = await planSiteSearches(o.store, blobs, run, cfg.maxSearchesPerPortal);
        if (searches.length) {
          await storeWrite('queueing site searches', () => o.store.enqueue(run.id, searches));
          if ((await o.store.stats(run.id)).pending > 0) continue;
        }
      }
      const end = await o.store.endRun(run.id, () => analyze(o.store, run));
      if (end.state === 'ended') { ended = true; analysis = end.value; }
      if (end.state === 'ended' || end.state === 'done') break;
      if (end.state === 'busy') await sleep(200);
    }
  } finally {
    await browser.close();
  }

  function progress(): Progress {
    const el = (Date.now() - started) / 1000;
    return { runId: run.id, fetched, pagesPerSec: el > 0 ? fetched / el : 0, last, browserPages };
  }

  if (!complete) analysis = await analyze(o.store, run);
  return { run: (await o.store.getRun(run.id))!, resumed, complete, ended, fetched, elapsedMs: Date.now() - started, analysis };
}
