/** The embedded store: better-sqlite3 in WAL mode over the portable schema. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { schemaFor } from './schema.js';
import type {
  CacheRow, ClaimRow, ColumnRow, ColumnSnapshot, FailureRow, FindingRow, FrontierStats, ItemRow, NewTask,
  Outcome, PortalRow, Run, Store, StoredDoc, Task,
} from './types.js';

type Row = Record<string, unknown>;
const iso = () => new Date().toISOString();
const bool = (v: unknown) => v === 1 || v === true;

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private seq: number;
  private readonly stmts = new Map<string, Database.Statement>();

  /** A prepared statement, compiled once per SQL text. */
  private q(sql: string): Database.Statement {
    let st = this.stmts.get(sql);
    if (!st) this.stmts.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(schemaFor('sqlite'));
    this.seq = (this.q('SELECT MAX(seq) AS m FROM frontier').get() as { m: number | null }).m ?? 0;
  }

  private toRun(r: Row): Run {
    return { id: Number(r.id), startedAt: String(r.started_at), finishedAt: (r.finished_at as string) ?? null, status: r.status as Run['status'],
      seeds: JSON.parse(String(r.seeds)), options: JSON.parse(String(r.options)), now: String(r.now) };
  }

  openRun(seeds: string[], options: Record<string, unknown>, now: string, fresh: boolean) {
    const last = this.q('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get() as Row | undefined;
    if (!fresh && last && last.status === 'running' && last.seeds === JSON.stringify(seeds)) {
      return { run: this.toRun(last), resumed: true };
    }
    const info = this.q('INSERT INTO runs (started_at, status, seeds, options, now) VALUES (?, ?, ?, ?, ?)')
      .run(iso(), 'running', JSON.stringify(seeds), JSON.stringify(options), now);
    return { run: this.getRun(Number(info.lastInsertRowid))!, resumed: false };
  }

  getRun(id?: number): Run | null {
    const r = (id === undefined
      ? this.q('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get()
      : this.q('SELECT * FROM runs WHERE id = ?').get(id)) as Row | undefined;
    return r ? this.toRun(r) : null;
  }

  listRuns(): Run[] {
    return (this.q('SELECT * FROM runs ORDER BY id').all() as Row[]).map((r) => this.toRun(r));
  }

  finishRun(runId: number): void {
    this.q("UPDATE runs SET status = 'done', finished_at = ? WHERE id = ?").run(iso(), runId);
  }

  private insertTasks(runId: number, tasks: NewTask[]): void {
    const st = this.q(`INSERT INTO frontier (run_id, url, mode, kind, priority, seq, depth, meta, state, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (run_id, url, mode) DO NOTHING`);
    for (const t of tasks) {
      const r = st.run(runId, t.url, t.mode, t.kind, t.priority, this.seq + 1, t.depth, JSON.stringify(t.meta), iso());
      if (r.changes) this.seq++;
    }
  }

  enqueue(runId: number, tasks: NewTask[]): void {
    this.db.transaction(() => this.insertTasks(runId, tasks))();
  }

  nextTasks(runId: number, limit: number, now: number, exclude: Set<string>): Task[] {
    const rows = this.q(`SELECT * FROM frontier WHERE run_id = ? AND state = 'pending' AND next_at <= ?
      ORDER BY priority, seq LIMIT ?`).all(runId, now, limit + exclude.size) as Row[];
    return rows.filter((r) => !exclude.has(`${r.url} ${r.mode}`)).slice(0, limit).map((r) => ({
      runId, url: String(r.url), mode: r.mode as Task['mode'], kind: r.kind as Task['kind'], priority: Number(r.priority),
      depth: Number(r.depth), meta: JSON.parse(String(r.meta)), attempts: Number(r.attempts),
    }));
  }

  stats(runId: number): FrontierStats {
    const rows = this.q('SELECT state, COUNT(*) AS n, MIN(next_at) AS next FROM frontier WHERE run_id = ? GROUP BY state').all(runId) as Row[];
    const s: FrontierStats = { pending: 0, done: 0, failed: 0, skipped: 0, nextAt: null };
    for (const r of rows) {
      (s as unknown as Record<string, number>)[String(r.state)] = Number(r.n);
      if (r.state === 'pending') s.nextAt = Number(r.next);
    }
    return s;
  }

  complete(o: Outcome): void {
    const runId = o.task.runId;
    this.db.transaction(() => {
      if (o.blob) {
        this.q(`INSERT INTO blobs (sha256, size, content_type, first_url, stored_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (sha256) DO NOTHING`).run(o.blob.sha256, o.blob.size, o.blob.contentType, o.blob.url, iso());
      }
      if (o.cache) {
        this.q(`INSERT INTO http_cache (url, etag, last_modified, sha256, content_type, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, sha256 = excluded.sha256,
          content_type = excluded.content_type, fetched_at = excluded.fetched_at`)
          .run(o.cache.url, o.cache.etag, o.cache.lastModified, o.cache.sha256, o.cache.contentType, iso());
      }
      if (o.portal) {
        const p = o.portal;
        this.q(`INSERT INTO portals (run_id, host, name, home_url, section_url, home_newest, home_items) VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (run_id, host) DO UPDATE SET name = excluded.name, home_url = excluded.home_url, home_newest = excluded.home_newest, home_items = excluded.home_items`)
          .run(runId, p.host, p.name, p.homeUrl, p.sectionUrl, p.homeNewest, p.homeItems);
      }
      if (o.sectionUrl) {
        this.q(`INSERT INTO portals (run_id, host, home_url, section_url) VALUES (?, ?, ?, ?)
          ON CONFLICT (run_id, host) DO UPDATE SET section_url = COALESCE(portals.section_url, excluded.section_url)`)
          .run(runId, o.task.meta.portal, o.task.meta.portal, o.sectionUrl);
      }
      const col = this.q(`INSERT INTO columns (run_id, column_key, host, name, url, parent_key, is_reports, is_parent, category, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT (run_id, column_key) DO UPDATE SET is_parent = CASE WHEN excluded.is_parent = 1 THEN 1 ELSE columns.is_parent END`);
      for (const c of o.columns ?? []) col.run(runId, c.key, c.host, c.name, c.url, c.parentKey, c.isReports ? 1 : 0, c.isParent ? 1 : 0, c.category);
      const item = this.q(`INSERT INTO column_items (run_id, column_key, url, title, date) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (run_id, column_key, url) DO NOTHING`);
      for (const i of o.items ?? []) item.run(runId, i.columnKey, i.url, i.title, i.date);
      if (o.document) {
        const d = o.document;
        this.q(`INSERT INTO documents (run_id, url, via_url, host, list_title, agency, year, published_at, content_type, kind, sha256,
          parse_ok, parse_reason, parse_message, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (run_id, url) DO NOTHING`).run(runId, d.url, d.viaUrl, d.host, d.listTitle, d.agency, d.year, d.publishedAt,
          d.contentType, d.kind, d.sha256, d.parseOk ? 1 : 0, d.parseReason, d.parseMessage, d.report);
      }
      this.insertTasks(runId, o.discovered ?? []);
      this.q(`UPDATE frontier SET state = ?, http_status = ?, final_url = ?, sha256 = ?, elapsed_ms = ?, error_kind = ?, error = ?,
        attempts = attempts + 1, updated_at = ? WHERE run_id = ? AND url = ? AND mode = ?`)
        .run(o.state, o.status ?? null, o.finalUrl ?? null, o.sha256 ?? null, o.elapsedMs ?? null, o.error?.kind ?? null, o.error?.message ?? null,
          iso(), runId, o.task.url, o.task.mode);
    })();
  }

  retryLater(task: Task, nextAt: number, error: { kind: string; message: string }): void {
    this.q(`UPDATE frontier SET attempts = attempts + 1, next_at = ?, error_kind = ?, error = ?, updated_at = ?
      WHERE run_id = ? AND url = ? AND mode = ?`).run(nextAt, error.kind, error.message, iso(), task.runId, task.url, task.mode);
  }

  cacheFor(url: string): CacheRow | null {
    const r = this.q('SELECT * FROM http_cache WHERE url = ?').get(url) as Row | undefined;
    return r ? { url, etag: (r.etag as string) ?? null, lastModified: (r.last_modified as string) ?? null, sha256: String(r.sha256), contentType: (r.content_type as string) ?? null } : null;
  }

  failures(runId: number): FailureRow[] {
    return (this.q(`SELECT url, kind, error_kind, error, http_status, attempts, meta FROM frontier
      WHERE run_id = ? AND state IN ('failed', 'skipped') ORDER BY seq`).all(runId) as Row[]).map((r) => ({
      url: String(r.url), kind: String(r.kind), errorKind: String(r.error_kind ?? ''), error: String(r.error ?? ''),
      status: (r.http_status as number) ?? null, attempts: Number(r.attempts), portal: JSON.parse(String(r.meta)).portal,
    }));
  }

  portals(runId: number): PortalRow[] {
    return (this.q('SELECT * FROM portals WHERE run_id = ? ORDER BY host').all(runId) as Row[]).map((r) => ({
      host: String(r.host), name: (r.name as string) ?? null, homeUrl: String(r.home_url), sectionUrl: (r.section_url as string) ?? null,
      homeNewest: (r.home_newest as string) ?? null, homeItems: Number(r.home_items),
    }));
  }

  columnRows(runId: number): ColumnRow[] {
    return (this.q('SELECT * FROM columns WHERE run_id = ? ORDER BY host, column_key').all(runId) as Row[]).map((r) => ({
      key: String(r.column_key), host: String(r.host), name: String(r.name), url: String(r.url), parentKey: (r.parent_key as string) ?? null,
      isReports: bool(r.is_reports), isParent: bool(r.is_parent), category: String(r.category),
    }));
  }

  columnItems(runId: number): ItemRow[] {
    return (this.q('SELECT * FROM column_items WHERE run_id = ?').all(runId) as Row[]).map((r) => ({
      columnKey: String(r.column_key), url: String(r.url), title: (r.title as string) ?? null, date: (r.date as string) ?? null,
    }));
  }

  columnStatus(runId: number) {
    const out = new Map<string, { pages: number; failed: { kind: string; error: string } | null; needsBrowser: boolean }>();
    const rows = this.q("SELECT meta, state, mode, error_kind, error FROM frontier WHERE run_id = ? AND kind = 'column'").all(runId) as Row[];
    for (const r of rows) {
      const key = JSON.parse(String(r.meta)).column?.key as string | undefined;
      if (!key) continue;
      const s = out.get(key) ?? { pages: 0, failed: null, needsBrowser: false };
      if (r.state === 'done' && r.error_kind !== 'needs-browser') s.pages++;
      if (r.error_kind === 'needs-browser') s.needsBrowser = true;
      if ((r.state === 'failed' || r.state === 'skipped') && r.error_kind !== 'needs-browser') s.failed ??= { kind: String(r.error_kind), error: String(r.error) };
      out.set(key, s);
    }
    return out;
  }

  saveSnapshots(runId: number, snaps: ColumnSnapshot[]): void {
    const st = this.q(`UPDATE columns SET status = ?, error = ?, pages = ?, item_count = ?, newest = ?, oldest = ?, per_year = ?, per_month = ?
      WHERE run_id = ? AND column_key = ?`);
    this.db.transaction(() => {
      for (const s of snaps) st.run(s.status, s.error, s.pages, s.itemCount, s.newest, s.oldest, JSON.stringify(s.perYear), JSON.stringify(s.perMonth), runId, s.key);
    })();
  }

  snapshots(runId?: number): ColumnSnapshot[] {
    const rows = (runId === undefined
      ? this.q('SELECT * FROM columns ORDER BY run_id, host, column_key').all()
      : this.q('SELECT * FROM columns WHERE run_id = ? ORDER BY host, column_key').all(runId)) as Row[];
    return rows.map((r) => ({
      runId: Number(r.run_id), key: String(r.column_key), host: String(r.host), name: String(r.name), url: String(r.url),
      parentKey: (r.parent_key as string) ?? null, isReports: bool(r.is_reports), isParent: bool(r.is_parent), category: String(r.category),
      status: String(r.status), error: (r.error as string) ?? null, pages: Number(r.pages), itemCount: Number(r.item_count),
      newest: (r.newest as string) ?? null, oldest: (r.oldest as string) ?? null,
      perYear: JSON.parse(String(r.per_year ?? '{}')), perMonth: JSON.parse(String(r.per_month ?? '{}')),
    }));
  }

  documents(runId: number): StoredDoc[] {
    return (this.q('SELECT * FROM documents WHERE run_id = ? ORDER BY host, url').all(runId) as Row[]).map((r) => ({
      runId, url: String(r.url), viaUrl: (r.via_url as string) ?? null, host: String(r.host), listTitle: (r.list_title as string) ?? null,
      agency: (r.agency as string) ?? null, year: (r.year as number) ?? null, publishedAt: (r.published_at as string) ?? null,
      contentType: (r.content_type as string) ?? null, kind: (r.kind as string) ?? null, sha256: String(r.sha256),
      parseOk: bool(r.parse_ok), parseReason: (r.parse_reason as string) ?? null, parseMessage: (r.parse_message as string) ?? null,
      report: (r.report as string) ?? null, isPrimary: bool(r.is_primary), score: (r.score as number) ?? null, contract: (r.contract as string) ?? null,
    }));
  }

  saveAnalysis(runId: number, docs: Parameters<Store['saveAnalysis']>[1], findings: FindingRow[], claims: ClaimRow[], verdicts: { host: string; passed: boolean; verdict: string }[]): void {
    this.db.transaction(() => {
      const up = this.q(`UPDATE documents SET is_primary = ?, score = ?, agency = ?, year = ?, contract = ?,
        report = COALESCE(?, report), parse_ok = COALESCE(?, parse_ok), parse_reason = CASE WHEN ? = 1 THEN ? ELSE parse_reason END,
        parse_message = CASE WHEN ? = 1 THEN ? ELSE parse_message END WHERE run_id = ? AND url = ?`);
      for (const d of docs) {
        const reparsed = d.parseOk === undefined ? 0 : 1;
        up.run(d.isPrimary ? 1 : 0, d.score, d.agency, d.year, d.contract ?? null, d.report ?? null, d.parseOk === undefined ? null : d.parseOk ? 1 : 0,
          reparsed, d.parseReason ?? null, reparsed, d.parseMessage ?? null, runId, d.url);
      }
      this.q('DELETE FROM findings WHERE run_id = ?').run(runId);
      const f = this.q('INSERT INTO findings (run_id, doc_url, n, check_id, severity, message_zh, message_en, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const x of findings) f.run(runId, x.docUrl, x.n, x.checkId, x.severity, x.messageZh, x.messageEn, x.evidence);
      this.q('DELETE FROM claims WHERE run_id = ?').run(runId);
      const c = this.q('INSERT INTO claims (run_id, doc_url, label, agency, year, claimed, found, column_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, doc_url, label) DO NOTHING');
      for (const x of claims) c.run(runId, x.docUrl, x.label, x.agency, x.year, x.claimed, x.found, x.columnKey);
      this.q('DELETE FROM verdicts WHERE run_id = ?').run(runId);
      const v = this.q('INSERT INTO verdicts (run_id, host, passed, verdict) VALUES (?, ?, ?, ?)');
      for (const x of verdicts) v.run(runId, x.host, x.passed ? 1 : 0, x.verdict);
    })();
  }

  findings(runId: number): FindingRow[] {
    return (this.q('SELECT * FROM findings WHERE run_id = ? ORDER BY doc_url, n').all(runId) as Row[]).map((r) => ({
      docUrl: String(r.doc_url), n: Number(r.n), checkId: String(r.check_id), severity: String(r.severity),
      messageZh: String(r.message_zh), messageEn: String(r.message_en), evidence: (r.evidence as string) ?? null,
    }));
  }

  claims(runId: number): ClaimRow[] {
    return (this.q('SELECT * FROM claims WHERE run_id = ? ORDER BY doc_url, label').all(runId) as Row[]).map((r) => ({
      docUrl: String(r.doc_url), label: String(r.label), agency: (r.agency as string) ?? null, year: (r.year as number) ?? null,
      claimed: Number(r.claimed), found: (r.found as number) ?? null, columnKey: (r.column_key as string) ?? null,
    }));
  }

  verdicts(runId: number) {
    return (this.q('SELECT * FROM verdicts WHERE run_id = ? ORDER BY host').all(runId) as Row[]).map((r) => ({
      host: String(r.host), passed: bool(r.passed), verdict: String(r.verdict),
    }));
  }

  close(): void {
    this.db.close();
  }
}
