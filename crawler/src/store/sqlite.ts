/**
 * The embedded store: better-sqlite3 in WAL mode over the portable schema and the shared SQL
 * (sql.ts). Synchronous underneath, so every write is one synchronous transaction: concurrent crawl
 * tasks can never interleave statements inside another task's transaction.
 */
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CURRENT_VERSION, migrationPlan, VERSION_TABLE } from './migrate.js';
import * as S from './sql.js';
import type { Row, Stmt } from './sql.js';
import type {
  CacheRow, ColumnRow, ColumnSnapshot, EndRun, FailureRow, FindingRow, FrontierStats, ItemRow, NewTask,
  DocAnalysis, Outcome, PortalPageRow, PortalRow, Run, StatedCountRow, Store, StoredDoc, Task,
} from './types.js';

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private seq: number;
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly nextSeq = () => ++this.seq;
  /** Runs some crawl in this process is ending (analysing) now. */
  private readonly ending = new Set<number>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    // Loaded on first use, so commands that open no store do not pay for the native module.
    const BetterSqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
    this.db = new BetterSqlite(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    try {
      this.migrate(file);
    } catch (err) {
      this.db.close();
      throw err;
    }
    this.seq = Number(this.one(S.Q.maxSeq)?.m ?? 0);
  }

  /** Brings the schema to SCHEMA_VERSION in one write transaction (BEGIN IMMEDIATE: one process at a time). */
  private migrate(file: string): void {
    this.db.transaction(() => {
      this.db.exec(VERSION_TABLE);
      const current = Number((this.db.prepare(CURRENT_VERSION).get() as { v: number | null }).v ?? 0);
      for (const m of migrationPlan(current, 'sqlite', file)) {
        this.db.exec(m.ddl);
        this.db.prepare(m.record[0]).run(...m.record[1]);
      }
    }).immediate();
  }

  /** A prepared statement, compiled once per SQL text. */
  private q(sql: string): Database.Statement {
    let st = this.stmts.get(sql);
    if (!st) this.stmts.set(sql, (st = this.db.prepare(sql)));
    return st;
  }
  private all(sql: string, ...params: unknown[]): Row[] {
    return this.q(sql).all(...params) as Row[];
  }
  private one(sql: string, ...params: unknown[]): Row | undefined {
    return this.q(sql).get(...params) as Row | undefined;
  }
  private write(stmts: Stmt[]): void {
    this.db.transaction(() => { for (const [sql, params] of stmts) this.q(sql).run(...params); })();
  }

  openRun(seeds: string[], options: Record<string, unknown>, now: string, fresh: boolean, initial: NewTask[]) {
    return this.db.transaction(() => {
      const last = this.one(S.Q.lastRun);
      if (!fresh && last && last.status === 'running' && last.seeds === JSON.stringify(seeds)) return { run: S.toRun(last), resumed: true };
      const id = Number(this.one(S.Q.insertRun, ...S.newRunParams(seeds, options, now))!.id);
      for (const [sql, params] of S.insertTasks(id, initial, this.nextSeq)) this.q(sql).run(...params);
      return { run: this.getRun(id)!, resumed: false };
    }).immediate();
  }

  getRun(id?: number): Run | null {
    const r = id === undefined ? this.one(S.Q.lastRun) : this.one(S.Q.run, id);
    return r ? S.toRun(r) : null;
  }

  listRuns(): Run[] { return this.all(S.Q.runs).map(S.toRun); }
  finishRun(runId: number): void { this.write([[S.Q.finishRun, [new Date().toISOString(), runId]]]); }
  enqueue(runId: number, tasks: NewTask[]): void { this.write(S.insertTasks(runId, tasks, this.nextSeq)); }

  nextTasks(runId: number, limit: number, now: number, exclude: Set<string>): Task[] {
    return this.all(S.Q.pending, runId, now, limit + exclude.size).filter((r) => !exclude.has(`${r.url} ${r.mode}`)).slice(0, limit).map(S.toTask);
  }

  /** One process owns an SQLite file: whatever it picks is its own (its HostGate keeps the host limits). */
  lease(tasks: Task[]): Task[] { return tasks; }

  async endRun<T>(runId: number, finish: () => Promise<T>): Promise<EndRun<T>> {
    if (this.ending.has(runId)) return { state: 'busy' };
    if (this.getRun(runId)?.status === 'done') return { state: 'done' };
    if (Number(this.one(S.Q.openWork, runId)?.n ?? 0) > 0) return { state: 'work' };
    this.ending.add(runId);
    try {
      const value = await finish();
      this.finishRun(runId);
      return { state: 'ended', value };
    } finally {
      this.ending.delete(runId);
    }
  }
  stats(runId: number): FrontierStats { return S.toStats(this.all(S.Q.stats, runId)); }
  robotsText(runId: number, origin: string): string | null { const r = this.one(S.Q.robots, runId, origin); return r ? String(r.body) : null; }
  saveRobotsText(runId: number, origin: string, body: string): void { this.write([[S.Q.saveRobots, [runId, origin, body, new Date().toISOString()]]]); }
  complete(o: Outcome): void { this.write(S.completeStmts(o, this.nextSeq)); }
  retryLater(task: Task, nextAt: number, error: { kind: string; message: string }): void { this.write([S.retryStmt(task, nextAt, error)]); }

  cacheFor(url: string): CacheRow | null {
    const r = this.one(S.Q.cache, url);
    return r ? S.toCache(url, r) : null;
  }

  portalPages(runId: number): PortalPageRow[] { return this.all(S.Q.portalPages, runId).map(S.toPortalPage); }
  failures(runId: number): FailureRow[] { return this.all(S.Q.failures, runId).map(S.toFailure); }
  portals(runId: number): PortalRow[] { return this.all(S.Q.portals, runId).map(S.toPortal); }
  columnRows(runId: number): ColumnRow[] { return this.all(S.Q.columns, runId).map(S.toColumn); }
  columnItems(runId: number): ItemRow[] { return this.all(S.Q.items, runId).map(S.toItem); }
  columnStatus(runId: number): S.ColumnStatus { return S.toColumnStatus(this.all(S.Q.columnTasks, runId)); }
  saveSnapshots(runId: number, snaps: ColumnSnapshot[]): void { this.write(S.snapshotStmts(runId, snaps)); }

  snapshots(runId?: number): ColumnSnapshot[] {
    return (runId === undefined ? this.all(S.Q.allColumns) : this.all(S.Q.columns, runId)).map(S.toSnapshot);
  }

  documents(runId: number): StoredDoc[] { return this.all(S.Q.documents, runId).map(S.toDoc); }

  saveAnalysis(runId: number, docs: DocAnalysis[], findings: FindingRow[], statedCounts: StatedCountRow[], verdicts: { host: string; passed: boolean; verdict: string }[]): void {
    this.write(S.analysisStmts(runId, docs, findings, statedCounts, verdicts));
  }

  findings(runId: number): FindingRow[] { return this.all(S.Q.findings, runId).map(S.toFinding); }
  statedCounts(runId: number): StatedCountRow[] { return this.all(S.Q.statedCounts, runId).map(S.toStatedCount); }
  verdicts(runId: number) { return this.all(S.Q.verdicts, runId).map(S.toVerdict); }
  select(sql: string, params: unknown[] = []): Row[] { return this.all(sql, ...params); }
  execute(stmts: Stmt[]): void { this.write(stmts); }
  close(): void { this.db.close(); }
}
