/**
 * The PostgreSQL store: the same crawl of the demo portal gives the same results as the embedded
 * store, and two workers sharing one run never fetch the same URL twice (leases with SKIP LOCKED).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../fixtures/portal/server.js';
import { crawl } from '../../crawler/src/crawl/run.js';
import { PostgresStore } from '../../crawler/src/store/postgres.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { crawlPortal, LOCAL, resolveOf, SLOW_MS, tempDir, removeTempDirs } from './helpers.js';
import { startTestPostgres, type TestPostgres } from './pg-helpers.js';

let portal: Portal;
let pgServer: TestPostgres | null;
/** Requests per URL of one worker's crawl (test 1), to compare the two workers' with. */
let oneWorker: Map<string, number> | null = null;
let oneWorkerFetched = 0;

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
  claims: s.claims.map((c) => `${c.docUrl} ${c.label} ${c.claimed} ${c.found}`).sort(),
});

describe('PostgreSQL store', () => {
  it('crawls the demo portal to the same results as SQLite', async (ctx) => {
    if (!pgServer) return ctx.skip();
    const store = new PostgresStore(await pgServer.createDb());
    const dir = tempDir('pg');
    portal.hits.clear();
    const r = await crawl({ seeds: portal.homes, store, blobDir: join(dir, 'blobs'), now: portal.now, resolve: resolveOf(portal), ...LOCAL });
    const got = comparable(await runSummary(store, r.run.id));
    oneWorker = new Map(portal.hits);
    oneWorkerFetched = r.fetched;
    await store.close();
    const ref = await crawlPortal(portal, tempDir('pg-ref'));
    const want = comparable(await runSummary(ref.store, ref.result.run.id));
    ref.store.close();
    expect(got).toEqual(want);
    expect(got.documents.total).toBe(31);
  }, 120_000);

  it('shares one run between two workers without fetching any URL twice', async (ctx) => {
    if (!pgServer || !oneWorker) return ctx.skip();
    const url = await pgServer.createDb();
    const a = new PostgresStore(url), b = new PostgresStore(url);
    const dir = tempDir('pg-workers');
    portal.hits.clear();
    // Slow enough (one request per host every 100 ms per worker) that the second worker, starting later, still gets work.
    const opts = { seeds: portal.homes, blobDir: join(dir, 'blobs'), now: portal.now, resolve: resolveOf(portal), ...LOCAL, delayMs: 100, perHost: 1 };
    try {
      const first = crawl({ ...opts, store: a });
      // The second worker joins the run the first one opened.
      while (!(await a.getRun())) await new Promise((r) => setTimeout(r, 10));
      const second = crawl({ ...opts, store: b });
      const [ra, rb] = await Promise.all([first, second]);
      expect(rb.resumed).toBe(true);
      expect(rb.run.id).toBe(ra.run.id);
      expect({ a: ra.fetched > 0, b: rb.fetched > 0, fetches: ra.fetched + rb.fetched }).toEqual({ a: true, b: true, fetches: oneWorkerFetched });
      const s = await runSummary(a, ra.run.id);
      expect(s.documents.total).toBe(31);
      expect(s.agencies).toHaveLength(7);
      // Every URL requested as often as by one worker alone (robots.txt: once per worker and host).
      expect([...portal.hits.keys()].sort()).toEqual([...oneWorker.keys()].sort());
      for (const [key, n] of portal.hits) {
        if (key.endsWith('/robots.txt')) expect(n, key).toBeLessThanOrEqual(2);
        else expect(n, key).toBe(oneWorker.get(key));
      }
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);
});
