/**
 * The PostgreSQL store: the same schema and SQL as the embedded store (sql.ts), for many crawl
 * workers on many machines. Workers lease frontier rows with `FOR UPDATE SKIP LOCKED`, so no two take
 * the same URL; a lease that is not completed (a killed worker) expires and the row is taken again.
 * `--db postgres://user@host/db` selects it.
 */
import pg from 'pg';
import { schemaFor } from './schema.js';
import * as S from './sql.js';
import type { Row, Stmt } from './sql.js';
import type {
  CacheRow, ClaimRow, ColumnRow, ColumnSnapshot, FailureRow, FindingRow, FrontierStats, ItemRow, NewTask,
  Outcome, PortalRow, Run, Store, StoredDoc, Task,
} from './types.js';

/** `?` placeholders → `$1, $2 …` (the shared SQL has no `?` inside literals). */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** How long a leased frontier row belongs to its worker before others may take it. */
export const LEASE_MS = 120_000;

export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private seq = 0;
  private ready: Promise<void>;
  private readonly nextSeq = () => ++this.seq;

  constructor(url: string) {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection dropped by the server is not an error of any query: the pool replaces it.
    pool.on('error', () => undefined);
    this.pool = pool;
    this.ready = (async () => {
      const c = await pool.connect();
      try {
        // One worker creates the schema; the others wait on the advisory lock.
        await c.query('SELECT pg_advisory_lock(4242)');
        await c.query(schemaFor('postgres'));
        await c.query('SELECT pg_advisory_unlock(4242)');
        this.seq = Number((await c.query(S.Q.maxSeq)).rows[0]?.m ?? 0);
      } finally {
        c.release();
      }
    })();
  }

  private async all(sql: string, ...params: unknown[]): Promise<Row[]> {
    await this.ready;
    return (await this.pool.query(numbered(sql), params)).rows as Row[];
  }
  private async one(sql: string, ...params: unknown[]): Promise<Row | undefined> {
    return (await this.all(sql, ...params))[0];
  }
  private async write(stmts: Stmt[]): Promise<void> {
    await this.ready;
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      for (const [sql, params] of stmts) await c.query(numbered(sql), params);
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  async openRun(seeds: string[], options: Record<string, unknown>, now: string, fresh: boolean) {
    const last = await this.one(S.Q.lastRun);
    if (!fresh && last && last.status === 'running' && last.seeds === JSON.stringify(seeds)) return { run: S.toRun(last), resumed: true };
    const id = Number((await this.one(S.Q.insertRun, ...S.newRunParams(seeds, options, now)))!.id);
    return { run: (await this.getRun(id))!, resumed: false };
  }

  async getRun(id?: number): Promise<Run | null> {
    const r = id === undefined ? await this.one(S.Q.lastRun) : await this.one(S.Q.run, id);
    return r ? S.toRun(r) : null;
  }

  async listRuns(): Promise<Run[]> { return (await this.all(S.Q.runs)).map(S.toRun); }
  async finishRun(runId: number): Promise<void> { await this.write([[S.Q.finishRun, [new Date().toISOString(), runId]]]); }
  async enqueue(runId: number, tasks: NewTask[]): Promise<void> { await this.write(S.insertTasks(runId, tasks, this.nextSeq)); }

  /** Runnable rows: pending and due, or leased by a worker whose lease has expired. */
  async nextTasks(runId: number, limit: number, now: number, exclude: Set<string>): Promise<Task[]> {
    const rows = await this.all(`SELECT * FROM frontier WHERE run_id = ? AND ((state = 'pending' AND next_at <= ?) OR (state = 'leased' AND lease_until < ?))
      ORDER BY priority, seq LIMIT ?`, runId, now, now, limit + exclude.size);
    return rows.filter((r) => !exclude.has(`${r.url} ${r.mode}`)).slice(0, limit).map(S.toTask);
  }

  /** Leases the rows still runnable; a row another worker leased meanwhile is not returned. */
  async claim(tasks: Task[], now: number): Promise<Task[]> {
    const got: Task[] = [];
    for (const t of tasks) {
      const r = await this.all(`UPDATE frontier SET state = 'leased', lease_until = ?
        WHERE run_id = ? AND url = ? AND mode = ? AND ((state = 'pending' AND next_at <= ?) OR (state = 'leased' AND lease_until < ?)) RETURNING url`,
      now + LEASE_MS, t.runId, t.url, t.mode, now, now);
      if (r.length) got.push(t);
    }
    return got;
  }

  async stats(runId: number): Promise<FrontierStats> { return S.toStats(await this.all(S.Q.stats, runId)); }
  async complete(o: Outcome): Promise<void> { await this.write(S.completeStmts(o, this.nextSeq)); }
  async retryLater(task: Task, nextAt: number, error: { kind: string; message: string }): Promise<void> { await this.write([S.retryStmt(task, nextAt, error)]); }

  async cacheFor(url: string): Promise<CacheRow | null> {
    const r = await this.one(S.Q.cache, url);
    return r ? S.toCache(url, r) : null;
  }

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

  async saveAnalysis(runId: number, docs: Parameters<Store['saveAnalysis']>[1], findings: FindingRow[], claims: ClaimRow[], verdicts: { host: string; passed: boolean; verdict: string }[]): Promise<void> {
    await this.write(S.analysisStmts(runId, docs, findings, claims, verdicts));
  }

  async findings(runId: number): Promise<FindingRow[]> { return (await this.all(S.Q.findings, runId)).map(S.toFinding); }
  async claims(runId: number): Promise<ClaimRow[]> { return (await this.all(S.Q.claims, runId)).map(S.toClaim); }
  async verdicts(runId: number) { return (await this.all(S.Q.verdicts, runId)).map(S.toVerdict); }
  async close(): Promise<void> { await this.ready.catch(() => undefined); await this.pool.end(); }
}
