/**
 * The PostgreSQL store: the same schema and SQL as the embedded store (sql.ts), for many crawl
 * workers on many machines. A worker leases a frontier row with a conditional UPDATE, so no two take
 * the same URL; a lease that is not completed (a killed worker) expires and the row is taken again.
 * Per-host limits hold across all workers: a lease is granted under the host's `host_gate` row lock
 * only while fewer than `perHost` live leases are on that host and its next start time has come; a
 * host stepped down after a firewall answer keeps its lower limit and longer gap there for all workers.
 * Advisory locks serialise schema migration, opening a run (workers started together join one run)
 * and ending it (one worker analyses it). `--db postgres://user@host/db` selects it.
 */
import { createRequire } from 'node:module';
import type pg from 'pg';
import { CURRENT_VERSION, migrationPlan, redactUrl, VERSION_TABLE } from './migrate.js';
import * as S from './sql.js';
import type { Row, Stmt } from './sql.js';
import type {
  CacheRow, ColumnRow, ColumnSnapshot, EndRun, FailureRow, FindingRow, FrontierStats, HostLimits, ItemRow, NewTask,
  DocAnalysis, Outcome, PortalPageRow, PortalRow, Run, StatedCountRow, Store, StoredDoc, Task,
} from './types.js';

/** Advisory lock keys: schema migration, opening a run, ending run N (with N as second key). */
const LOCK = { schema: 4242, openRun: 4243, endRun: 4244 } as const;

type Query = (sql: string, params?: unknown[]) => Promise<Row[]>;

/** `?` placeholders → `$1, $2 …` (the shared SQL has no `?` inside literals). */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * host_gate: the row locked while leasing (next start, and a stepped-down host's limit and gap), and
 * a step-down — the tighter limit and the longer gap win, whichever worker wrote them first.
 */
const GATE = {
  lock: 'SELECT next_at, per_host, delay_ms FROM host_gate WHERE run_id = ? AND host = ? FOR UPDATE',
  stepDown: `INSERT INTO host_gate (run_id, host, next_at, per_host, delay_ms) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (run_id, host) DO UPDATE SET next_at = GREATEST(host_gate.next_at, EXCLUDED.next_at),
      per_host = LEAST(COALESCE(host_gate.per_host, EXCLUDED.per_host), EXCLUDED.per_host),
      delay_ms = GREATEST(COALESCE(host_gate.delay_ms, 0), EXCLUDED.delay_ms)`,
} as const;

/** How long a leased frontier row belongs to its worker before others may take it. */
export const LEASE_MS = 120_000;

export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private seq = 0;
  private ready: Promise<void>;
  private readonly nextSeq = () => ++this.seq;
  /** `run host` of the host_gate rows known to exist (inserted once, then only locked). */
  private readonly gates = new Set<string>();

  constructor(url: string) {
    // Loaded on first use, so commands that open no PostgreSQL store do not pay for it.
    const { Pool } = createRequire(import.meta.url)('pg') as typeof pg;
    const pool = new Pool({ connectionString: url, max: 4 });
    // An idle connection dropped by the server is not an error of any query: the pool replaces it.
    pool.on('error', () => undefined);
    this.pool = pool;
    this.ready = (async () => {
      // One worker migrates the schema; the others wait on the lock, then find it current.
      await this.tx(async (q) => {
        await q(`SELECT pg_advisory_xact_lock(${LOCK.schema})`);
        await q(VERSION_TABLE);
        const current = Number((await q(CURRENT_VERSION))[0]?.v ?? 0);
        for (const m of migrationPlan(current, 'postgres', redactUrl(url))) {
          await q(m.ddl);
          await q(...m.record);
        }
      }, true);
      this.seq = Number((await pool.query(S.Q.maxSeq)).rows[0]?.m ?? 0);
    })();
    // Every method awaits `ready` and rethrows its error; this only keeps an unused store from crashing the process.
    this.ready.catch(() => undefined);
  }

  /** Resolves once the schema is current; rejects with its error (StoreVersionError for a newer store). */
  async opened(): Promise<this> {
    await this.ready;
    return this;
  }

  /** Runs `fn` in one transaction on one connection. */
  private async tx<T>(fn: (q: Query) => Promise<T>, migrating = false): Promise<T> {
    if (!migrating) await this.ready;
    const c = await this.pool.connect();
    const q: Query = async (sql, params = []) => (await c.query(numbered(sql), params)).rows as Row[];
    try {
      await c.query('BEGIN');
      const out = await fn(q);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  private async all(sql: string, ...params: unknown[]): Promise<Row[]> {
    await this.ready;
    return (await this.pool.query(numbered(sql), params)).rows as Row[];
  }
  private async one(sql: string, ...params: unknown[]): Promise<Row | undefined> {
    return (await this.all(sql, ...params))[0];
  }
  private async write(stmts: Stmt[]): Promise<void> {
    await this.tx(async (q) => { for (const [sql, params] of stmts) await q(sql, params); });
  }

  /** Under a lock, so that workers started together all join the one run the first of them opens. */
  async openRun(seeds: string[], options: Record<string, unknown>, now: string, fresh: boolean, initial: NewTask[]) {
    return this.tx(async (q) => {
      await q(`SELECT pg_advisory_xact_lock(${LOCK.openRun})`);
      const last = (await q(S.Q.lastRun))[0];
      if (!fresh && last && last.status === 'running' && last.seeds === JSON.stringify(seeds)) return { run: S.toRun(last), resumed: true };
      const id = Number((await q(S.Q.insertRun, S.newRunParams(seeds, options, now)))[0]!.id);
      for (const [sql, params] of S.insertTasks(id, initial, this.nextSeq)) await q(sql, params);
      return { run: S.toRun((await q(S.Q.run, [id]))[0]!), resumed: false };
    });
  }

  async getRun(id?: number): Promise<Run | null> {
    const r = id === undefined ? await this.one(S.Q.lastRun) : await this.one(S.Q.run, id);
    return r ? S.toRun(r) : null;
  }

  async listRuns(): Promise<Run[]> { return (await this.all(S.Q.runs)).map(S.toRun); }
  async finishRun(runId: number): Promise<void> { await this.write([[S.Q.finishRun, [new Date().toISOString(), runId]]]); }
  async enqueue(runId: number, tasks: NewTask[]): Promise<void> { await this.write(S.insertTasks(runId, tasks, this.nextSeq)); }

  /**
   * Runnable rows: pending and due, or leased by a worker whose lease has expired. With `limits`, not
   * on a host that has `perHost` live leases or whose `host_gate` time has not come (the host of a URL
   * is its third `/`-part, as `new URL(url).host` prints it); leasing still checks both under the lock.
   */
  async nextTasks(runId: number, limit: number, now: number, exclude: Set<string>, limits?: HostLimits): Promise<Task[]> {
    // A host's limit is its stepped-down per_host where a firewall answered, else --per-host.
    const busy = limits ? `AND split_part(url, '/', 3) NOT IN (
        SELECT l.host FROM (SELECT split_part(url, '/', 3) AS host, COUNT(*) AS n FROM frontier
          WHERE run_id = ? AND state = 'leased' AND lease_until >= ? GROUP BY 1) l
        LEFT JOIN host_gate g ON g.run_id = ? AND g.host = l.host WHERE l.n >= COALESCE(g.per_host, ?)
        UNION ALL SELECT host FROM host_gate WHERE run_id = ? AND next_at > ?)` : '';
    const rows = await this.all(`SELECT * FROM frontier WHERE run_id = ? AND ((state = 'pending' AND next_at <= ?) OR (state = 'leased' AND lease_until < ?))
      ${busy} ORDER BY priority, seq LIMIT ?`, runId, now, now, ...(limits ? [runId, now, runId, limits.perHost, runId, now] : []), limit + exclude.size);
    return rows.filter((r) => !exclude.has(`${r.url} ${r.mode}`)).slice(0, limit).map(S.toTask);
  }

  /**
   * Leases the rows still runnable; a row another worker leased meanwhile is not returned, nor (with
   * `limits`) one whose host already has `perHost` live leases or must still wait for its delay.
   */
  async lease(tasks: Task[], now: number, limits?: HostLimits): Promise<Task[]> {
    const got: Task[] = [];
    for (const t of tasks) if (await (limits ? this.leaseGated(t, now, limits) : this.leaseOne(t, now))) got.push(t);
    return got;
  }

  private leaseParams = (t: Task, now: number) => [now + LEASE_MS, t.runId, t.url, t.mode, now, now];

  private async leaseOne(t: Task, now: number): Promise<boolean> {
    return (await this.all(S.Q.lease, ...this.leaseParams(t, now))).length > 0;
  }

  /** Holding the host's gate row, no other worker can lease on that host until this one commits. */
  private async leaseGated(t: Task, now: number, limits: HostLimits): Promise<boolean> {
    const host = new URL(t.url).host;
    return this.tx(async (q) => {
      // The gate row is inserted once per host (and again should it be missing), then only locked.
      const gateKey = `${t.runId} ${host}`;
      let gate = this.gates.has(gateKey) ? (await q(GATE.lock, [t.runId, host]))[0] : undefined;
      if (!gate) {
        await q(S.Q.gateRow, [t.runId, host]);
        gate = (await q(GATE.lock, [t.runId, host]))[0];
      }
      if (Number(gate?.next_at ?? 0) > now) return false;
      // A host some worker stepped down (a firewall answered) is held to its limit and gap by every worker.
      const perHost = gate?.per_host == null ? limits.perHost : Math.min(limits.perHost, Number(gate.per_host));
      const delayMs = Math.max(limits.delayMs(host), Number(gate?.delay_ms ?? 0));
      const live = (await q(S.Q.liveLeases, [t.runId, now])).filter((r) => new URL(String(r.url)).host === host).length;
      if (live >= perHost) return false;
      if (!(await q(S.Q.lease, this.leaseParams(t, now))).length) return false;
      await q(S.Q.gateNext, [now + delayMs, t.runId, host]);
      this.gates.add(gateKey);
      return true;
    });
  }

  async stepDownHost(runId: number, host: string, perHost: number, delayMs: number, now: number): Promise<void> {
    await this.write([[GATE.stepDown, [runId, host, now + delayMs, perHost, delayMs]]]);
    this.gates.add(`${runId} ${host}`);
  }

  /** The worker that gets the run's lock, and finds nothing pending or leased, analyses and ends it. */
  async endRun<T>(runId: number, finish: () => Promise<T>): Promise<EndRun<T>> {
    await this.ready;
    const c = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const locked = (await c.query(`SELECT pg_try_advisory_lock(${LOCK.endRun}, $1::int) AS ok`, [runId])).rows[0]?.ok === true;
      if (!locked) return { state: 'busy' };
      try {
        const run = (await c.query(numbered(S.Q.run), [runId])).rows[0] as Row | undefined;
        if (!run || run.status === 'done') return { state: 'done' };
        if (Number((await c.query(numbered(S.Q.openWork), [runId])).rows[0]?.n ?? 0) > 0) return { state: 'work' };
        const value = await finish();
        await c.query(numbered(S.Q.finishRun), [new Date().toISOString(), runId]);
        return { state: 'ended', value };
      } finally {
        await c.query(`SELECT pg_advisory_unlock(${LOCK.endRun}, $1::int)`, [runId]).catch((err: Error) => { broken = err; });
      }
    } finally {
      c.release(broken);
    }
  }

  async stats(runId: number): Promise<FrontierStats> { return S.toStats(await this.all(S.Q.stats, runId)); }
  async robotsText(runId: number, origin: string): Promise<string | null> { const r = await this.one(S.Q.robots, runId, origin); return r ? String(r.body) : null; }
  async saveRobotsText(runId: number, origin: string, body: string): Promise<void> { await this.write([[S.Q.saveRobots, [runId, origin, body, new Date().toISOString()]]]); }
  async complete(o: Outcome): Promise<void> { await this.write(S.completeStmts(o, this.nextSeq)); }
  async retryLater(task: Task, nextAt: number, error: { kind: string; message: string }): Promise<void> { await this.write([S.retryStmt(task, nextAt, error)]); }

  async cacheFor(url: string): Promise<CacheRow | null> {
    const r = await this.one(S.Q.cache, url);
    return r ? S.toCache(url, r) : null;
  }

  async portalPages(runId: number): Promise<PortalPageRow[]> { return (await this.all(S.Q.portalPages, runId)).map(S.toPortalPage); }
  async failures(runId: number): Promise<FailureRow[]> { return (await this.all(S.Q.failures, runId)).map(S.toFailure); }
  async portals(runId: number): Promise<PortalRow[]> { return (await this.all(S.Q.portals, runId)).map(S.toPortal); }
  async columnRows(runId: number): Promise<ColumnRow[]> { return (await this.all(S.Q.columns, runId)).map(S.toColumn); }
  async columnItems(runId: number): Promise<ItemRow[]> { return (await this.all(S.Q.items, runId)).map(S.toItem); }
  async columnStatus(runId: number): Promise<S.ColumnStatus> { return S.toColumnStatus(await this.all(S.Q.columnTasks, runId)); }
  async saveSnapshots(runId: number, snaps: ColumnSnapshot[]): Promise<void> { await this.write(S.snapshotStmts(runId, snaps)); }

  async snapshots(runId?: number): Promise<ColumnSnapshot[]> {
    return (runId === undefined ? await this.all(S.Q.allColumns) : await this.all(S.Q.columns, runId)).map(S.toSnapshot);
  }

  async documents(runId: number): Promise<StoredDoc[]> { return (await this.all(S.Q.documents, runId)).map(S.toDoc); }

  async saveAnalysis(runId: number, docs: DocAnalysis[], findings: FindingRow[], statedCounts: StatedCountRow[], verdicts: { host: string; passed: boolean; verdict: string }[]): Promise<void> {
    await this.write(S.analysisStmts(runId, docs, findings, statedCounts, verdicts));
  }

  async findings(runId: number): Promise<FindingRow[]> { return (await this.all(S.Q.findings, runId)).map(S.toFinding); }
  async statedCounts(runId: number): Promise<StatedCountRow[]> { return (await this.all(S.Q.statedCounts, runId)).map(S.toStatedCount); }
  async verdicts(runId: number) { return (await this.all(S.Q.verdicts, runId)).map(S.toVerdict); }
  async select(sql: string, params: unknown[] = []): Promise<Row[]> { return this.all(sql, ...params); }
  async execute(stmts: Stmt[]): Promise<void> { await this.write(stmts); }
  async close(): Promise<void> { await this.ready.catch(() => undefined); await this.pool.end(); }
}
