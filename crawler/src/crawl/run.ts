/**
 * The crawl loop. The frontier lives in the store: every processed URL commits its outcome, its newly
 * found URLs and its records in one transaction, so a crawl killed at any point continues where it
 * stopped when started again, without losing or duplicating anything (primary keys make every insert
 * idempotent). Politeness: robots.txt, per-host concurrency and delay, retries with backoff.
 */
import { resolveDeadlines, type Deadlines } from '@gongkai/shared';
import { BlobStore } from '../store/blobs.js';
import type { NewTask, Outcome, Run, Store, Task } from '../store/types.js';
import { httpGet, type HttpOptions } from '../fetch/http.js';
import { BrowserRenderer } from '../fetch/browser.js';
import { FetchError, checkUrl } from '../fetch/errors.js';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type Robots } from '../fetch/robots.js';
import { backoffMs, HostGate } from '../fetch/politeness.js';
import { handle, type HandlerOptions, type Page } from './handlers.js';
import { analyze, type AnalysisSummary } from './analyze.js';
import { columnKey } from '../discover/urls.js';
import { needsScript } from '../discover/html.js';

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
  browser?: HandlerOptions['browser'];
  resolve?: Map<string, string>;
  fresh?: boolean;
  columnsOnly?: boolean;
  maxPages?: number;
  maxPagesPerColumn?: number;
  ocr?: boolean;
  userAgent?: string;
  /** Accept self-signed certificates (mirrors). */
  insecure?: boolean;
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

/** robots.txt failures that mean the host is down, not that it refuses crawlers (a 5xx answer does: RFC 9309). */
const HOST_DOWN = new Set<FetchError['kind']>(['network', 'timeout', 'tls']);

/** The kind of a seed URL: a home page ("/", index.html) or a column/section page. */
export function seedTask(url: string): NewTask {
  const u = checkUrl(url);
  const isHome = /^\/(index\.s?html?)?$/i.test(u.pathname) && !u.search;
  const portal = u.host;
  return isHome
    ? { url: u.href, mode: 'http', kind: 'home', priority: 0, depth: 0, meta: { portal } }
    : { url: u.href, mode: 'http', kind: 'column', priority: 2, depth: 0,
      meta: { portal, column: { key: columnKey(u.href), name: decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? u.href), parentKey: null, page: 0, isReports: /zfxxgknb|nb\/|ndbg/i.test(u.pathname) } } };
}

export async function crawl(o: CrawlOptions): Promise<CrawlResult> {
  const started = Date.now();
  const seeds = o.seeds.map((s) => checkUrl(s).href);
  const now = o.now ?? new Date().toISOString().slice(0, 10);
  const options = { perHost: o.perHost ?? 2, delayMs: o.delayMs ?? 500, browser: o.browser ?? 'auto', columnsOnly: !!o.columnsOnly,
    ...(o.deadlines ? { deadlines: resolveDeadlines(o.deadlines) } : {}) };
  const { run, resumed } = await o.store.openRun(seeds, options, now, !!o.fresh, seeds.map(seedTask));
  const blobs = new BlobStore(o.blobDir);
  const http: HttpOptions = { timeoutMs: o.timeoutMs ?? 15_000, maxBytes: o.maxBytes ?? 20 * 1024 * 1024, resolve: o.resolve, userAgent: o.userAgent, insecure: o.insecure };
  // A page in the browser is many requests and a script run: it gets at least 30 s.
  const browser = new BrowserRenderer({ timeoutMs: Math.max(30_000, o.timeoutMs ?? 15_000), resolve: o.resolve, userAgent: o.userAgent, insecure: o.insecure, waitForXhr: needsScript });
  const gate = new HostGate(options.perHost, options.delayMs);
  const handlerOpts: HandlerOptions = { browser: options.browser, maxPagesPerColumn: o.maxPagesPerColumn ?? 500, ocr: o.ocr ?? false, columnsOnly: options.columnsOnly };
  const robots = new Map<string, Promise<Robots>>();
  const retries = o.retries ?? 3;
  const concurrency = o.concurrency ?? 8;
  const inflight = new Set<string>();
  let fetched = 0, browserPages = 0, last = '';
  let wake: (() => void) | null = null;

  const robotsFor = (url: string): Promise<Robots> => {
    const u = new URL(url);
    const key = `${u.protocol}//${u.host}`;
    let r = robots.get(key);
    if (!r) {
      const mine: Promise<Robots> = httpGet(`${key}/robots.txt`, { ...http, maxBytes: 512 * 1024 }).then(
        (res) => parseRobots(res.body.toString('utf8')),
        (err: FetchError) => {
          // The host itself cannot be reached (refused, reset, timed out, bad certificate): that is the
          // page's fault kind, not robots; forget the attempt so a retry asks for robots.txt again.
          if (HOST_DOWN.has(err.kind)) {
            if (robots.get(key) === mine) robots.delete(key);
            throw new FetchError(err.kind, url, `robots.txt of ${u.host} could not be fetched: ${err.message}`, { status: err.status ?? undefined, cause: err });
          }
          return err.kind === 'http-status' && (err.status ?? 0) < 500 ? ALLOW_ALL : err.kind === 'dns' || err.kind === 'bad-url' ? ALLOW_ALL : DISALLOW_ALL;
        },
      ).then((rb) => { if (rb.crawlDelayMs) gate.setDelay(u.host, rb.crawlDelayMs); return rb; });
      r = mine;
      robots.set(key, r);
    }
    return r;
  };

  const process = async (t: Task): Promise<void> => {
    const base: Omit<Outcome, 'state'> = { task: t };
    try {
      const rb = await robotsFor(t.url);
      const u = new URL(t.url);
      if (!rb.allowed(u.pathname + u.search)) {
        const why = rb.status === 'unreachable' ? `robots.txt of ${u.host} could not be read: not crawling the host` : `robots.txt of ${u.host} disallows ${u.pathname}`;
        return void (await o.store.complete({ ...base, state: 'skipped', error: { kind: 'robots', message: why } }));
      }
      const render = t.mode === 'browser' || (options.browser === 'always' && (t.kind === 'home' || t.kind === 'section' || t.kind === 'column'));
      let page: Page & { status: number; elapsedMs: number; cache?: Outcome['cache'] };
      if (render) {
        const r = await browser.render(t.url);
        browserPages++;
        const bytes = Buffer.from(r.html, 'utf8');
        page = { url: r.url, bytes, contentType: 'text/html; charset=utf-8', sha256: blobs.put(bytes), rendered: true, status: r.status, elapsedMs: r.elapsedMs };
      } else {
        const cached = await o.store.cacheFor(t.url);
        const cond = cached && blobs.has(cached.sha256) ? cached : {};
        const res = await httpGet(t.url, http, cond);
        const bytes = res.notModified && cached ? blobs.get(cached.sha256) : res.body;
        const sha = blobs.put(bytes);
        const contentType = res.notModified && cached ? cached.contentType : res.contentType;
        page = { url: res.url, bytes, contentType, sha256: sha, rendered: false, status: res.status, elapsedMs: res.elapsedMs,
          cache: { url: t.url, etag: res.etag ?? cached?.etag ?? null, lastModified: res.lastModified ?? cached?.lastModified ?? null, sha256: sha, contentType } };
      }
      fetched++;
      last = t.url;
      const result = await handle(t, page, handlerOpts);
      await o.store.complete({
        ...base, ...result, status: page.status, finalUrl: page.url, sha256: page.sha256, elapsedMs: page.elapsedMs, cache: page.cache,
        blob: { sha256: page.sha256, size: page.bytes.length, contentType: page.contentType, url: page.url },
      });
    } catch (err) {
      const e = err instanceof FetchError ? err : null;
      const error = e ? { kind: e.label, message: e.message } : { kind: 'internal', message: (err as Error)?.stack ?? String(err) };
      if (e?.status === 429 || e?.status === 503) {
        // The host says slow down: from now on, at least twice the gap (or its Retry-After) between requests.
        const host = new URL(t.url).host;
        gate.setDelay(host, Math.min(60_000, Math.max(e.retryAfterMs ?? 0, 2 * Math.max(options.delayMs, 250))));
      }
      if (e?.retryable && t.attempts < retries) {
        await o.store.retryLater(t, Date.now() + Math.max(backoffMs(t.attempts, o.backoffBaseMs ?? 1000), e.retryAfterMs ?? 0), error);
      } else {
        await o.store.complete({ ...base, state: 'failed', status: e?.status ?? null, error });
      }
    }
  };

  const hostLimits = { perHost: options.perHost, delayMs: (host: string) => gate.delayOf(host) };

  /** Fetches until nothing is pending or leased (true) or the crawl is stopped early (false). */
  const fetchAll = async (): Promise<boolean> => {
    let exhausted = true;
    for (;;) {
      if (o.signal?.aborted || (o.maxPages !== undefined && fetched >= o.maxPages)) { exhausted = false; break; }
      const tasks = await o.store.nextTasks(run.id, 64, Date.now(), inflight);
      let soonest = Infinity;
      const chosen: Task[] = [];
      for (const t of tasks) {
        if (inflight.size + chosen.length >= concurrency) break;
        const host = new URL(t.url).host;
        const wait = gate.waitFor(host);
        if (wait > 0) { soonest = Math.min(soonest, wait); continue; }
        gate.acquire(host);
        chosen.push(t);
      }
      // Many workers: the store also holds every host to --per-host and the delay across all of them.
      const claimed = new Set((await o.store.claim(chosen, Date.now(), hostLimits)).map((t) => `${t.url} ${t.mode}`));
      if (claimed.size < chosen.length) soonest = Math.min(soonest, 20);
      for (const t of chosen) {
        const host = new URL(t.url).host;
        const key = `${t.url} ${t.mode}`;
        if (!claimed.has(key)) { gate.release(host); continue; } // another worker took it
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
        await sleep(Math.max(20, Math.min(1000, (st.nextAt ?? Date.now()) - Date.now())));
        continue;
      }
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, Number.isFinite(soonest) ? Math.max(1, soonest) : inflight.size ? 50 : 5);
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
      if (!complete) break;
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
