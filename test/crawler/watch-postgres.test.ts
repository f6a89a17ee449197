/**
 * `gongkai watch` and the dashboard's reads on PostgreSQL: two watch cycles (as of 2025-01-20, then
 * 2025-02-05) against the demo portal, once into SQLite and once into PostgreSQL, with a local webhook
 * on 127.0.0.1. The watch's SQL (conditions, sends, deliveries) and the dashboard's (portal list, a
 * portal's columns and alerts) must give the same answers on both stores.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal } from '../fixtures/portal/server.js';
import { PostgresStore } from '../../crawler/src/store/postgres.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { Queries } from '../../crawler/src/serve/queries.js';
import { portalRegions } from '../../crawler/src/serve/regions.js';
import type { Store } from '../../crawler/src/store/types.js';
import { runCli } from './cli-helpers.js';
import { removeTempDirs, tempDir } from './helpers.js';
import { SKIP_PG_REASON, startTestPostgres, type TestPostgres } from './pg-helpers.js';
import { startReceiver, type Receiver } from './watch-helpers.js';

const HOSTS = ['sthjj.example.gov.cn', 'sthjj.wenzhou.example.gov.cn'];
let dir: string, receiver: Receiver, pgServer: TestPostgres | null = null, pgUrl = '';

beforeAll(async () => {
  dir = tempDir('watch-pg');
  receiver = await startReceiver();
  writeFileSync(join(dir, 'portals.txt'), 'http://sthjj.example.gov.cn/ limit.工作动态=10\nhttp://sthjj.wenzhou.example.gov.cn/\n');
  writeFileSync(join(dir, 'alerts.json'), JSON.stringify({ channels: [{ type: 'webhook', name: 'hook', url: `${receiver.url}/hook` }] }));
  pgServer = await startTestPostgres();
  if (pgServer) pgUrl = await pgServer.createDb();
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  pgServer?.stop();
  removeTempDirs();
});

async function cycle(db: string, asOf: string) {
  const portal = await startPortal({ port: 0, now: '2025-02-05', asOf });
  try {
    return await runCli('watch', '--once', '--json', '--portals', join(dir, 'portals.txt'), '--alerts', join(dir, 'alerts.json'), '--db', db,
      '--now', asOf, '--delay', '0', '--retries', '1', '--browser', 'never', ...HOSTS.flatMap((h) => ['--resolve', `${h}=127.0.0.1:${portal.port}`]));
  } finally {
    await portal.close();
  }
}

/** What the dashboard shows over a store, without run ids, send times or the order rows came in. */
async function dashboard(store: Store) {
  const q = new Queries(store, { regionOf: portalRegions(), limits: new Map([['sthjj.example.gov.cn', { 工作动态: 10 }]]) });
  const list = (await q.portals({})).rows.map((r) => ({ host: r.host, verdict: r.verdict, alerts: r.alerts, trend: r.trend.map((t) => t.verdict), region: r.region }));
  const portals = [];
  for (const h of HOSTS) {
    const p = (await q.portal(h))!;
    const brief = (a: { kind: string; what: { zh: string }; since: string; resolvedRun: number | null; sentTo: { channel: string }[] }) =>
      `${a.kind}|${a.what.zh}|${a.since}|${a.resolvedRun === null ? 'holds' : 'cleared'}|${a.sentTo.map((s) => s.channel).join(',')}`;
    portals.push({
      host: h, verdict: p.verdict,
      columns: p.columns.map((c) => `${c.name} ${c.limitDays} ${c.runs.map((r) => `${r.status}:${r.items}:${r.newest}`).join(' ')}`).sort(),
      holding: p.alerts.holding.map(brief).sort(), events: p.alerts.events.map(brief).sort(), cleared: p.alerts.cleared.map(brief).sort(),
    });
  }
  return { list, portals };
}

describe('gongkai watch on PostgreSQL', () => {
  it('records, sends and shows the same as on SQLite', async (ctx) => {
    if (!pgServer) return ctx.skip(SKIP_PG_REASON);
    const sqlite = join(dir, 'gongkai.db');
    const outs: { sqlite: unknown[]; pg: unknown[] } = { sqlite: [], pg: [] };
    for (const asOf of ['2025-01-20', '2025-02-05']) {
      for (const [name, db] of [['sqlite', sqlite], ['pg', pgUrl]] as const) {
        const r = await cycle(db, asOf);
        expect(r.code, r.err).toBe(0);
        const j = JSON.parse(r.out) as { alerts: { key: string }[]; deliveries: { channel: string; ok: boolean }[] };
        outs[name].push({ alerts: j.alerts.map((a) => a.key).sort(), deliveries: j.deliveries.map((d) => `${d.channel} ${d.ok}`) });
      }
    }
    // The same alerts found and delivered, cycle by cycle; each store's hook got each cycle's alerts once.
    expect(outs.pg).toEqual(outs.sqlite);
    expect((outs.sqlite[1] as { alerts: string[] }).alerts.length).toBeGreaterThan(0);
    expect(receiver.requests.filter((x) => x.path === '/hook')).toHaveLength(4);
    const a = new SqliteStore(sqlite), b = new PostgresStore(pgUrl);
    try {
      const [want, got] = [await dashboard(a), await dashboard(b)];
      expect(got).toEqual(want);
      // Not vacuous: 杭州's stale 工作动态 holds and was sent, its 2024 report is a recent event, the cleared about-to-stale is listed.
      const hz = want.portals[0]!;
      expect(hz.holding.some((x) => x.startsWith('stale|') && x.includes('工作动态') && x.endsWith('|hook'))).toBe(true);
      expect(hz.events.some((x) => x.startsWith('new-report|'))).toBe(true);
      expect(hz.cleared.some((x) => x.startsWith('about-to-stale|'))).toBe(true);
      expect(hz.columns.some((c) => c.startsWith('工作动态 10 '))).toBe(true);
      expect(want.list.find((r) => r.host === HOSTS[0])!.alerts).toBe(hz.holding.length);
    } finally {
      a.close();
      await b.close();
    }
  }, 240_000);
});
