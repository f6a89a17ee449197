/**
 * Versioned store schema: a store written before versioning (the frozen v1 DDL in
 * test/fixtures/store) opens with the current code, is migrated, and its rows stay readable and
 * resumable; a store from a newer gongkai is refused with a StoreVersionError and left untouched; a
 * migration that fails leaves the store as it was. On SQLite and on PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { PostgresStore } from '../../crawler/src/store/postgres.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../crawler/src/store/schema.js';
import { StoreVersionError } from '../../crawler/src/store/migrate.js';
import type { Store, Task } from '../../crawler/src/store/types.js';
import { buildSnapshots } from '../../crawler/src/columns/snapshot.js';
import { removeTempDirs, tempDir } from './helpers.js';
import { SKIP_PG_REASON, startTestPostgres, type TestPostgres } from './pg-helpers.js';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'store');
const v1 = (dialect: 'sqlite' | 'postgres') => readFileSync(join(FIXTURES, `schema-v1.${dialect}.sql`), 'utf8');
/** The DDL without the fixture's comment lines. */
const ddlOf = (sql: string) => sql.split('\n').filter((l) => !l.startsWith('--')).join('\n').trim();

const SEEDS = ['http://www.example.gov.cn/'];
const META = JSON.stringify({ portal: 'www.example.gov.cn' });
const COL_META = JSON.stringify({ portal: 'www.example.gov.cn', column: { key: 'www.example.gov.cn/zwgk/zfxxgknb', name: '政府信息公开年报', parentKey: null, page: 0, isReports: true } });

/** What the previous version wrote for a crawl stopped half-way: a run, its frontier, a column, a report. */
const V1_ROWS = [
  `INSERT INTO runs (started_at, status, seeds, options, now) VALUES ('2025-06-30T08:00:00.000Z', 'running', '${JSON.stringify(SEEDS)}', '{"perHost":2}', '2025-06-30')`,
  `INSERT INTO frontier (run_id, url, mode, kind, priority, seq, depth, meta, state, attempts, http_status, sha256)
     VALUES (1, 'http://www.example.gov.cn/', 'http', 'home', 0, 1, 0, '${META}', 'done', 1, 200, 'aa11')`,
  `INSERT INTO frontier (run_id, url, mode, kind, priority, seq, depth, meta, state)
     VALUES (1, 'http://www.example.gov.cn/zwgk/zfxxgknb/', 'http', 'column', 2, 2, 1, '${COL_META}', 'pending')`,
  `INSERT INTO columns (run_id, column_key, host, name, url, is_reports, category, status)
     VALUES (1, 'www.example.gov.cn/zwgk/zfxxgknb', 'www.example.gov.cn', '政府信息公开年报', 'http://www.example.gov.cn/zwgk/zfxxgknb/', 1, 'reports', 'pending')`,
  `INSERT INTO documents (run_id, url, host, list_title, agency, year, sha256, parse_ok, kind)
     VALUES (1, 'http://www.example.gov.cn/zwgk/zfxxgknb/t1.html', 'www.example.gov.cn', '2024年政府信息公开工作年度报告', '示例市人民政府', 2024, 'bb22', 1, 'html')`,
  `INSERT INTO column_items (run_id, column_key, url, title, date)
     VALUES (1, 'www.example.gov.cn/zwgk/zfxxgknb', 'http://www.example.gov.cn/zwgk/zfxxgknb/t1.html', '2024年政府信息公开工作年度报告', '2025-01-20')`,
];

/** Every check of a v1 store opened with the current code. */
async function expectMigrated(store: Store, versions: () => Promise<number[]>): Promise<void> {
  expect(await versions()).toEqual(MIGRATIONS.map((m) => m.version));
  const run = (await store.getRun())!;
  expect({ id: run.id, status: run.status, seeds: run.seeds, now: run.now }).toEqual({ id: 1, status: 'running', seeds: SEEDS, now: '2025-06-30' });
  expect(await store.stats(1)).toMatchObject({ pending: 1, done: 1, failed: 0 });
  expect((await store.columnRows(1)).map((c) => `${c.key} ${c.name} ${c.isReports}`)).toEqual(['www.example.gov.cn/zwgk/zfxxgknb 政府信息公开年报 true']);
  expect((await store.documents(1)).map((d) => `${d.agency} ${d.year} ${d.parseOk} ${d.isPrimary}`)).toEqual(['示例市人民政府 2024 true false']);
  // The stopped crawl resumes: same run, its pending URL is next, and a lease on it is granted.
  const { run: again, resumed } = await store.openRun(SEEDS, {}, '2025-06-30', false, []);
  expect({ id: again.id, resumed }).toEqual({ id: 1, resumed: true });
  const next = await store.nextTasks(1, 10, Date.now(), new Set());
  expect(next.map((t) => `${t.kind} ${t.url} ${t.kind === 'column' ? t.meta.column.name : undefined}`)).toEqual(['column http://www.example.gov.cn/zwgk/zfxxgknb/ 政府信息公开年报']);
  expect(await store.lease(next, Date.now(), { perHost: 2, delayMs: () => 0 })).toHaveLength(1);
}

/** v8 on the migrated store (after expectMigrated leased its pending column page): where item dates came from. */
async function expectDateSources(store: Store): Promise<void> {
  const task = { runId: 1, url: 'http://www.example.gov.cn/zwgk/zfxxgknb/', mode: 'http', kind: 'column', priority: 2, depth: 1, attempts: 0, meta: JSON.parse(COL_META) } as Task;
  // v8: an item stored before it does not say where its date came from (null, not a guess); one stored now does.
  const key = 'www.example.gov.cn/zwgk/zfxxgknb';
  await store.complete({ task, state: 'done', status: 200, items: [
    { columnKey: key, url: 'http://www.example.gov.cn/zwgk/zfxxgknb/t2.html', title: '2023年政府信息公开工作年度报告', date: '2024-01-18', dateSource: 'printed' }] });
  expect((await store.columnItems(1)).map((i) => `${i.url.split('/').pop()} ${i.date} ${i.dateSource}`).sort()).toEqual(['t1.html 2025-01-20 null', 't2.html 2024-01-18 printed']);
  const [snap] = buildSnapshots(1, await store.columnRows(1), await store.columnItems(1), await store.columnStatus(1));
  expect({ printed: snap!.datesPrinted, url: snap!.datesFromUrl }).toEqual({ printed: null, url: null });
  await store.saveSnapshots(1, [{ ...snap!, datesPrinted: 1, datesFromUrl: 0 }]);
  expect((await store.snapshots(1)).map((c) => [c.datesPrinted, c.datesFromUrl])).toEqual([[1, 0]]);
}

afterAll(() => removeTempDirs());

describe('store schema versions', () => {
  it('keeps migration 1 exactly the schema stores had before versioning', () => {
    // A migration that has shipped is never edited: old stores were made by it.
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    expect(MIGRATIONS[0]!.sql('sqlite').trim()).toBe(ddlOf(v1('sqlite')));
    expect(MIGRATIONS[0]!.sql('postgres').trim()).toBe(ddlOf(v1('postgres')));
  });
});

describe('SQLite store', () => {
  const sqliteVersions = (file: string) => async () => {
    const h = new Database(file, { readonly: true });
    try {
      return (h.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[]).map((r) => r.version);
    } finally {
      h.close();
    }
  };

  it('migrates a store written by the previous schema; its rows stay readable and the crawl resumes', async () => {
    const file = join(tempDir('schema'), 'gongkai.db');
    const h = new Database(file);
    h.exec(v1('sqlite'));
    for (const sql of V1_ROWS) h.exec(sql);
    h.close();
    const store = new SqliteStore(file);
    try {
      await expectMigrated(store, sqliteVersions(file));
      await expectDateSources(store);
    } finally {
      store.close();
    }
    // Opened again: already current, nothing re-applied.
    new SqliteStore(file).close();
    expect(await sqliteVersions(file)()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('refuses a store written by a newer version, and leaves it as it was', () => {
    const file = join(tempDir('schema-newer'), 'gongkai.db');
    new SqliteStore(file).close();
    const h = new Database(file);
    h.exec(`INSERT INTO schema_version (version, name, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'from the future', '2030-01-01T00:00:00Z')`);
    h.close();
    let err: unknown;
    try {
      new SqliteStore(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreVersionError);
    expect(err).toMatchObject({ kind: 'store-version', found: SCHEMA_VERSION + 1, known: SCHEMA_VERSION, store: file });
    expect((err as Error).message).toContain(`schema version ${SCHEMA_VERSION + 1}, newer than this gongkai knows (${SCHEMA_VERSION})`);
    expect((err as Error).message).toContain(file);
  });

  it('applies the migrations in one transaction: one that fails leaves the store unchanged', async () => {
    const file = join(tempDir('schema-fail'), 'gongkai.db');
    const h = new Database(file);
    h.exec(v1('sqlite'));
    for (const sql of V1_ROWS) h.exec(sql);
    // A table in the way of migration 2 (someone's own): CREATE TABLE host_gate fails.
    h.exec('CREATE TABLE host_gate (x TEXT)');
    h.close();
    expect(() => new SqliteStore(file)).toThrow(/host_gate already exists/);
    const after = new Database(file, { readonly: true });
    const tables = (after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    const runs = (after.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n;
    after.close();
    expect(tables).not.toContain('schema_version'); // not even migration 1 was recorded
    expect(runs).toBe(1);
  });
});

describe('PostgreSQL store', () => {
  let server: TestPostgres | null = null;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  const exec = async (url: string, sqls: string[]) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const out: pg.QueryResult[] = [];
      for (const sql of sqls) out.push(await c.query(sql));
      return out;
    } finally {
      await c.end();
    }
  };
  const pgVersions = (url: string) => async () =>
    (await exec(url, ['SELECT version FROM schema_version ORDER BY version']))[0]!.rows.map((r) => Number(r.version));

  it('migrates a store written by the previous schema; its rows stay readable and the crawl resumes', async (ctx) => {
    if (!server) return ctx.skip(SKIP_PG_REASON);
    const url = await server.createDb();
    await exec(url, [v1('postgres'), ...V1_ROWS]);
    // Two workers open the old store at once: one migrates, the other waits and finds it current.
    const a = new PostgresStore(url), b = new PostgresStore(url);
    try {
      await Promise.all([a.opened(), b.opened()]);
      await expectMigrated(a, pgVersions(url));
      expect(await b.stats(1)).toMatchObject({ pending: 1, done: 1 });
      await expectDateSources(a);
      // The v1 run id sequence still works: a new run gets the next id.
      const { run } = await a.openRun(['http://other.example.gov.cn/'], {}, '2025-06-30', false, []);
      expect(run.id).toBe(2);
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);

  it('refuses a store written by a newer version, and leaves it as it was', async (ctx) => {
    if (!server) return ctx.skip(SKIP_PG_REASON);
    const url = await server.createDb();
    await (await new PostgresStore(url).opened()).close();
    await exec(url, [`INSERT INTO schema_version (version, name, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'from the future', '2030-01-01T00:00:00Z')`]);
    const store = new PostgresStore(url);
    try {
      await expect(store.opened()).rejects.toBeInstanceOf(StoreVersionError);
      await expect(store.getRun()).rejects.toMatchObject({ kind: 'store-version', found: SCHEMA_VERSION + 1, known: SCHEMA_VERSION });
    } finally {
      await store.close();
    }
    expect(await pgVersions(url)()).toEqual([...MIGRATIONS.map((m) => m.version), SCHEMA_VERSION + 1]);
  }, 60_000);

  it('applies the migrations in one transaction: one that fails leaves the store unchanged', async (ctx) => {
    if (!server) return ctx.skip(SKIP_PG_REASON);
    const url = await server.createDb();
    await exec(url, [v1('postgres'), ...V1_ROWS, 'CREATE TABLE host_gate (x TEXT)']);
    const store = new PostgresStore(url);
    try {
      await expect(store.opened()).rejects.toThrow(/"host_gate" already exists/);
    } finally {
      await store.close();
    }
    const [tables, runs] = await exec(url, [
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'schema_version'",
      'SELECT COUNT(*) AS n FROM runs',
    ]);
    expect(tables!.rows).toEqual([]);
    expect(Number(runs!.rows[0].n)).toBe(1);
  }, 60_000);
});
