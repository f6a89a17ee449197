/**
 * The PostgreSQL store: the same crawl of the demo portal gives the same results as the embedded
 * store; workers started together share one run — each takes work, no URL is fetched twice, one of
 * them ends the run and analyses it — and `--per-host` holds across all of them together.
 *
 * No pacing: the portal holds every response until each worker has sent a request (a barrier), and
 * each worker's concurrency is below the number of seed hosts, so every worker gets a first URL
 * however late it starts. The per-host bound is counted at the server.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../fixtures/portal/server.js';
import { crawl, type CrawlOptions, type CrawlResult } from '../../crawler/src/crawl/run.js';
import { PostgresStore } from '../../crawler/src/store/postgres.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { crawlPortal, LOCAL, resolveOf, SLOW_MS, tempDir, removeTempDirs } from './helpers.js';
import { SKIP_PG_REASON, startTestPostgres, type TestPostgres } from './pg-helpers.js';

let portal: Portal;
let pgServer: TestPostgres | null;

beforeAll(async () => {
  portal = await startPortal({ port: 0, slowMs: SLOW_MS });
  pgServer = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  removeTempDirs();
  await portal?.close();
  pgServer?.stop();
});

/** The parts of a summary both stores must agree on (row order from the database aside). */
const comparable = (s: Awaited<ReturnType<typeof runSummary>>) => ({
  agencies: s.agencies, documents: s.documents, frontier: s.frontier, findings: s.findings,
  faults: s.faults.map((f) => ({ ...f, urls: [...f.urls].sort() })),
  portals: s.portals.map((p) => `${p.host} ${p.passed} ${p.columns} ${p.items}`).sort(),
  columns: s.columns.map((c) => `${c.key} ${c.status} ${c.itemCount} ${c.newest}`).sort(),
  reports: s.reports.map((r) => `${r.url} ${r.agency} ${r.year} ${r.primary} ${r.score}`).sort(),
  statedCounts: s.statedCounts.map((c) => `${c.docUrl} ${c.label} ${c.stated} ${c.found}`).sort(),
});

const options = (dir: string): Omit<CrawlOptions, 'store'> =>
  ({ seeds: portal.homes, blobDir: join(dir, 'blobs'), now: portal.now, resolve: resolveOf(portal), ...LOCAL });

/** One worker's crawl on PostgreSQL (run once, by whichever test needs it first): requests per URL, fetches, summary. */
let single: Promise<{ hits: Map<string, number>; fetched: number; summary: ReturnType<typeof comparable> }> | null = null;
const singleWorker = () => (single ??= (async () => {
  const store = await new PostgresStore(await pgServer!.createDb()).opened();
  try {
    portal.hits.clear();
    const r = await crawl({ ...options(tempDir('pg')), store });
    return { hits: new Map(portal.hits), fetched: r.fetched, summary: comparable(await runSummary(store, r.run.id)) };
  } finally {
    await store.close();
  }
})());

/**
 * Holds every response until requests from `n` different workers (user agents) have arrived; after
 * that, each response takes `lingerMs` (so that requests overlap, as on a real server).
 */
function holdUntilWorkers(n: number, lingerMs: number): void {
  const seen = new Set<string>();
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  portal.hold = (req) => {
    seen.add(String(req.headers['user-agent']));
    if (seen.size >= n) open();
    return opened.then(() => new Promise((r) => setTimeout(r, lingerMs)));
  };
}

/** `n` workers on one database, connected and migrated, then started in the same tick. */
async function workers(n: number, extra: Partial<CrawlOptions>, lingerMs = 0): Promise<{ results: CrawlResult[]; store: PostgresStore; close(): Promise<void> }> {
  // The barrier needs every worker to find a seed to lease while the others hold theirs.
  expect(portal.homes.length, 'seed hosts for the barrier').toBeGreaterThan((n - 1) * (extra.concurrency ?? LOCAL.concurrency));
  const url = await pgServer!.createDb();
  const stores = await Promise.all(Array.from({ length: n }, () => new PostgresStore(url).opened()));
  const dir = tempDir('pg-workers');
  portal.hits.clear();
  portal.peakPerHost.clear();
  holdUntilWorkers(n, lingerMs);
  try {
    const results = await Promise.all(stores.map((store, i) => crawl({ ...options(dir), ...extra, store, userAgent: `GongkaiLens/test worker-${i}` })));
    return { results, store: stores[0]!, close: async () => { for (const s of stores) await s.close(); } };
  } finally {
    portal.hold = null;
  }
}

/** What must hold for any number of workers: one run, done, analysed once, every URL requested as often as by one worker. */
async function expectOneCrawl(results: CrawlResult[], store: PostgresStore, perHost: number): Promise<void> {
  const ref = await singleWorker();
  const runId = results[0]!.run.id;
  expect(results.map((r) => r.run.id)).toEqual(results.map(() => runId));
  expect((await store.listRuns()).map((r) => `${r.id} ${r.status}`)).toEqual([`${runId} done`]);
  expect(results.filter((r) => !r.resumed)).toHaveLength(1); // one opened the run, the others joined it
  expect(results.filter((r) => r.ended)).toHaveLength(1); // one ended it and ran the analysis
  expect(results.map((r) => `${r.complete} ${r.run.status}`)).toEqual(results.map(() => 'true done'));
  // Every worker joined the run and took work.
  expect(results.map((r) => r.fetched > 0)).toEqual(results.map(() => true));
  expect(results.reduce((n, r) => n + r.fetched, 0)).toBe(ref.fetched);
  const s = comparable(await runSummary(store, runId));
  expect(s.frontier.pending).toBe(0);
  expect(s).toEqual(ref.summary);
  // Every URL requested as often as by one worker alone; robots.txt is shared through the store, so
  // only workers in flight on a host at once (up to --per-host) may each ask for it.
  expect([...portal.hits.keys()].sort()).toEqual([...ref.hits.keys()].sort());
  for (const [key, n] of portal.hits) {
    if (key.endsWith('/robots.txt')) expect(n, key).toBeLessThanOrEqual(Math.min(results.length, perHost));
    else expect(n, key).toBe(ref.hits.get(key));
  }
}

describe('PostgreSQL store', () => {
  it('crawls the demo portal to the same results as SQLite', async (ctx) => {
    if (!pgServer) return ctx.skip(SKIP_PG_REASON);
    const got = (await singleWorker()).summary;
    const ref = await crawlPortal(portal, tempDir('pg-ref'));
    const want = comparable(await runSummary(ref.store, ref.result.run.id));
    ref.store.close();
    expect(got).toEqual(want);
    expect(got.documents.total).toBe(34);
  }, 180_000);

  it('two workers started together share one run: both take work, no URL is fetched twice', async (ctx) => {
    if (!pgServer) return ctx.skip(SKIP_PG_REASON);
    await singleWorker();
    // 3 URLs at a time each, 7 seed hosts: whichever starts second still finds seeds to lease.
    const w = await workers(2, { concurrency: 3, perHost: 1 });
    try {
      await expectOneCrawl(w.results, w.store, 1); // robots.txt: once per host
      const s = await runSummary(w.store, w.results[0]!.run.id);
      expect(s.documents.total).toBe(34);
      expect(s.agencies).toHaveLength(8); // the 7 sites' agencies and 淳安分局 (listed by the 淳安 column)
    } finally {
      await w.close();
    }
  }, 180_000);

  it('three workers started together keep --per-host across all of them, in one run analysed once', async (ctx) => {
    if (!pgServer) return ctx.skip(SKIP_PG_REASON);
    await singleWorker();
    const perHost = 2;
    // Each worker alone would allow 2 per host, so 6 together; 2 at a time each keeps a seed for the third.
    const w = await workers(3, { concurrency: 2, perHost }, 20);
    try {
      await expectOneCrawl(w.results, w.store, perHost);
      expect(portal.peakPerHost.size).toBe(portal.hosts.length);
      for (const [host, peak] of portal.peakPerHost) expect(peak, host).toBeLessThanOrEqual(perHost);
      // The bound is reached, so it is the gate that holds it (not a lack of work).
      expect(Math.max(...portal.peakPerHost.values())).toBe(perHost);
    } finally {
      await w.close();
    }
  }, 180_000);
});
