/**
 * The store's SQL, shared by the SQLite and PostgreSQL implementations: queries, row mappers, and the
 * statements a write consists of (each store runs them in one transaction its own way). Placeholders
 * are `?`; the PostgreSQL store numbers them.
 */
import type {
  CacheRow, ColumnRow, ColumnSnapshot, ColumnTaskStatus, DocAnalysis, FailureRow, FindingRow, FrontierStats, ItemRow, NewTask,
  Outcome, PortalPageRow, PortalRow, Run, StatedCountRow, StoredDoc, Task,
} from './types.js';
import { walkedPagesOf } from '../fetch/pager-walk.js';

export type Row = Record<string, unknown>;
export type Stmt = [sql: string, params: unknown[]];
export type ColumnStatus = Map<string, ColumnTaskStatus>;

const iso = () => new Date().toISOString();
const bool = (v: unknown) => v === 1 || v === true || v === '1';
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export const Q = {
  lastRun: 'SELECT * FROM runs ORDER BY id DESC LIMIT 1',
  run: 'SELECT * FROM runs WHERE id = ?',
  runs: 'SELECT * FROM runs ORDER BY id',
  insertRun: 'INSERT INTO runs (started_at, status, seeds, options, now) VALUES (?, ?, ?, ?, ?) RETURNING id',
  finishRun: "UPDATE runs SET status = 'done', finished_at = ? WHERE id = ?",
  maxSeq: 'SELECT MAX(seq) AS m FROM frontier',
  pending: `SELECT * FROM frontier WHERE run_id = ? AND state = 'pending' AND next_at <= ? ORDER BY priority, seq LIMIT ?`,
  stats: 'SELECT state, COUNT(*) AS n, MIN(next_at) AS next FROM frontier WHERE run_id = ? GROUP BY state',
  cache: 'SELECT * FROM http_cache WHERE url = ?',
  failures: `SELECT url, kind, error_kind, error, http_status, attempts, meta FROM frontier WHERE run_id = ? AND state IN ('failed', 'skipped') ORDER BY seq`,
  portals: 'SELECT * FROM portals WHERE run_id = ? ORDER BY host',
  columns: 'SELECT * FROM columns WHERE run_id = ? ORDER BY host, column_key',
  allColumns: 'SELECT * FROM columns ORDER BY run_id, host, column_key',
  items: 'SELECT * FROM column_items WHERE run_id = ?',
  columnTasks: "SELECT url, meta, state, mode, error_kind, error FROM frontier WHERE run_id = ? AND kind = 'column' ORDER BY seq",
  documents: 'SELECT * FROM documents WHERE run_id = ? ORDER BY host, url',
  findings: 'SELECT * FROM findings WHERE run_id = ? ORDER BY doc_url, n',
  /** Stated counts live in the `claims` table (`claimed` = the report's stated figure). */
  statedCounts: 'SELECT * FROM claims WHERE run_id = ? ORDER BY doc_url, label',
  portalPages: "SELECT url, final_url, kind, sha256, meta FROM frontier WHERE run_id = ? AND state = 'done' AND kind IN ('home', 'section') AND sha256 IS NOT NULL ORDER BY seq",
  verdicts: 'SELECT * FROM verdicts WHERE run_id = ? ORDER BY host',
  /** Rows that keep a run open: pending, or leased by a worker (even an expired lease: it is taken again). */
  openWork: "SELECT COUNT(*) AS n FROM frontier WHERE run_id = ? AND state IN ('pending', 'leased')",
  /** Rows leased and not expired at a time: the requests workers have in flight. */
  liveLeases: "SELECT url FROM frontier WHERE run_id = ? AND state = 'leased' AND lease_until >= ?",
  /** Leases a row still runnable (pending and due, or leased with the lease expired); RETURNING shows whether it did. */
  lease: `UPDATE frontier SET state = 'leased', lease_until = ?
    WHERE run_id = ? AND url = ? AND mode = ? AND ((state = 'pending' AND next_at <= ?) OR (state = 'leased' AND lease_until < ?)) RETURNING url`,
  /** The robots.txt text a worker of the run recorded for an origin (`http://host`). */
  robots: 'SELECT body FROM robots_txt WHERE run_id = ? AND origin = ?',
  saveRobots: 'INSERT INTO robots_txt (run_id, origin, body, fetched_at) VALUES (?, ?, ?, ?) ON CONFLICT (run_id, origin) DO NOTHING',
  gateRow: 'INSERT INTO host_gate (run_id, host, next_at) VALUES (?, ?, 0) ON CONFLICT (run_id, host) DO NOTHING',
  gateLock: 'SELECT next_at FROM host_gate WHERE run_id = ? AND host = ? FOR UPDATE',
  gateNext: 'UPDATE host_gate SET next_at = ? WHERE run_id = ? AND host = ?',
} as const;

export const toRun = (r: Row): Run => ({
  id: Number(r.id), startedAt: String(r.started_at), finishedAt: str(r.finished_at), status: r.status as Run['status'],
  seeds: JSON.parse(String(r.seeds)), options: JSON.parse(String(r.options)), now: String(r.now),
});

export const toTask = (r: Row): Task => ({
  runId: Number(r.run_id), url: String(r.url), mode: r.mode as Task['mode'], kind: r.kind as Task['kind'], priority: Number(r.priority),
  depth: Number(r.depth), meta: JSON.parse(String(r.meta)), attempts: Number(r.attempts),
});

/** Leased rows (PostgreSQL workers) count as pending. */
export function toStats(rows: Row[]): FrontierStats {
  const s: FrontierStats = { pending: 0, done: 0, failed: 0, skipped: 0, nextAt: null };
  for (const r of rows) {
    const state = r.state === 'leased' ? 'pending' : String(r.state);
    (s as unknown as Record<string, number>)[state] = ((s as unknown as Record<string, number>)[state] ?? 0) + Number(r.n);
    if (state === 'pending') s.nextAt = Math.min(s.nextAt ?? Infinity, Number(r.next));
  }
  return s;
}

export const toCache = (url: string, r: Row): CacheRow =>
  ({ url, etag: str(r.etag), lastModified: str(r.last_modified), sha256: String(r.sha256), contentType: str(r.content_type) });

export const toFailure = (r: Row): FailureRow => ({
  url: String(r.url), kind: String(r.kind), errorKind: String(r.error_kind ?? ''), error: String(r.error ?? ''),
  status: num(r.http_status), attempts: Number(r.attempts), portal: JSON.parse(String(r.meta)).portal,
});

export const toPortal = (r: Row): PortalRow => ({
  host: String(r.host), name: str(r.name), homeUrl: String(r.home_url), sectionUrl: str(r.section_url),
  homeNewest: str(r.home_newest), homeItems: Number(r.home_items),
});

export const toColumn = (r: Row): ColumnRow => ({
  key: String(r.column_key), host: String(r.host), name: String(r.name), url: String(r.url), parentKey: str(r.parent_key),
  isReports: bool(r.is_reports), isParent: bool(r.is_parent), category: String(r.category),
  stated: r.stated_total === null || r.stated_total === undefined ? null
    : { total: Number(r.stated_total), exact: bool(r.stated_exact), evidence: String(r.stated_evidence ?? '') },
  unreached: str(r.unreached),
});

export const toItem = (r: Row): ItemRow => ({
  columnKey: String(r.column_key), url: String(r.url), title: str(r.title), date: str(r.date), dateSource: dateSourceOf(r.date_source),
});
const dateSourceOf = (v: unknown): ItemRow['dateSource'] => (v === 'printed' || v === 'url' ? v : null);

export const toSnapshot = (r: Row): ColumnSnapshot => ({
  ...toColumn(r), runId: Number(r.run_id), status: String(r.status), error: str(r.error), pages: Number(r.pages), itemCount: Number(r.item_count),
  newest: str(r.newest), oldest: str(r.oldest), perYear: JSON.parse(String(r.per_year ?? '{}')), perMonth: JSON.parse(String(r.per_month ?? '{}')),
  datesPrinted: num(r.dates_printed), datesFromUrl: num(r.dates_from_url),
});

export const toDoc = (r: Row): StoredDoc => ({
  runId: Number(r.run_id), url: String(r.url), viaUrl: str(r.via_url), host: String(r.host), listTitle: str(r.list_title),
  agency: str(r.agency), year: num(r.year), publishedAt: str(r.published_at), contentType: str(r.content_type), kind: str(r.kind),
  sha256: String(r.sha256), parseOk: bool(r.parse_ok), parseReason: str(r.parse_reason), parseMessage: str(r.parse_message),
  report: str(r.report), isPrimary: bool(r.is_primary), score: num(r.score), contract: str(r.contract),
});

export const toFinding = (r: Row): FindingRow => ({
  docUrl: String(r.doc_url), n: Number(r.n), checkId: String(r.check_id), severity: String(r.severity),
  messageZh: String(r.message_zh), messageEn: String(r.message_en), evidence: str(r.evidence),
});

export const toStatedCount = (r: Row): StatedCountRow => ({
  docUrl: String(r.doc_url), label: String(r.label), agency: str(r.agency), year: num(r.year), stated: Number(r.claimed),
  found: num(r.found), columnKey: str(r.column_key),
});

export const toPortalPage = (r: Row): PortalPageRow => ({
  url: String(r.url), finalUrl: str(r.final_url), kind: r.kind as PortalPageRow['kind'], portal: JSON.parse(String(r.meta)).portal, sha256: String(r.sha256),
});

export const toVerdict = (r: Row) => ({ host: String(r.host), passed: bool(r.passed), verdict: String(r.verdict) });

/**
 * Per column key: list pages read (a page, plus the later pages its script pager showed in the browser
 * — the row's walk note, fetch/pager-walk.ts; re-rendering a page already read to drive that pager is
 * not another list page), whether a page needed the browser, the first page's failure (the
 * column did not load) and the first later page's (list page N, an XHR list API answer: the column
 * loaded in part — `unreached`).
 */
export function toColumnStatus(rows: Row[]): ColumnStatus {
  const out: ColumnStatus = new Map();
  // Later pages left unrequested after 404/410 in a row (crawl/gone-pages.ts): that is the column's reason, with their count.
  const notFetched = new Map<string, { n: number; why: string }>();
  for (const r of rows) {
    const col = JSON.parse(String(r.meta)).column as { key?: string; page?: number; api?: string; pager?: string } | undefined;
    if (!col?.key) continue;
    const s = out.get(col.key) ?? { pages: 0, failed: null, needsBrowser: false, unreached: null };
    if (r.state === 'done' && r.error_kind !== 'needs-browser') s.pages += (col.pager ? 0 : 1) + walkedPagesOf(r.error_kind, r.error);
    if (r.error_kind === 'needs-browser') s.needsBrowser = true;
    if ((r.state === 'failed' || r.state === 'skipped') && r.error_kind !== 'needs-browser') {
      // A column page re-rendered to drive its script pager (pager: 'browser') failing leaves the page read over HTTP.
      const later = (col.page ?? 0) > 0 || !!col.api || !!col.pager;
      if (!later) s.failed ??= { kind: String(r.error_kind), error: String(r.error) };
      else if (r.error_kind === 'not-fetched') {
        const nf = notFetched.get(col.key) ?? { n: 0, why: String(r.error) };
        nf.n++;
        notFetched.set(col.key, nf);
      } else s.unreached ??= `${col.api ? 'XHR pages not reachable' : col.pager ? 'later pages not reachable in the browser' : 'list pages not reachable'}: ${r.error_kind} at ${r.url}`;
    }
    out.set(col.key, s);
  }
  for (const [key, nf] of notFetched) {
    const s = out.get(key)!;
    s.unreached = `stopped requesting later list pages: ${nf.n} page${nf.n === 1 ? '' : 's'} ${nf.why}${s.unreached ? `; ${s.unreached}` : ''}`;
  }
  return out;
}

/** Inserting new frontier rows (existing ones are left alone); `seq` orders them. */
export function insertTasks(runId: number, tasks: NewTask[], nextSeq: () => number): Stmt[] {
  return tasks.map((t) => [`INSERT INTO frontier (run_id, url, mode, kind, priority, seq, depth, meta, state, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (run_id, url, mode) DO NOTHING`,
  [runId, t.url, t.mode, t.kind, t.priority, nextSeq(), t.depth, JSON.stringify(t.meta), iso()]]);
}

/** Everything one processed task writes. */
export function completeStmts(o: Outcome, nextSeq: () => number): Stmt[] {
  const runId = o.task.runId;
  const out: Stmt[] = [];
  if (o.blob) {
    out.push([`INSERT INTO blobs (sha256, size, content_type, first_url, stored_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
      [o.blob.sha256, o.blob.size, o.blob.contentType, o.blob.url, iso()]]);
  }
  if (o.cache) {
    out.push([`INSERT INTO http_cache (url, etag, last_modified, sha256, content_type, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, sha256 = excluded.sha256,
      content_type = excluded.content_type, fetched_at = excluded.fetched_at`,
    [o.cache.url, o.cache.etag, o.cache.lastModified, o.cache.sha256, o.cache.contentType, iso()]]);
  }
  if (o.portal) {
    const p = o.portal;
    out.push([`INSERT INTO portals (run_id, host, name, home_url, section_url, home_newest, home_items) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (run_id, host) DO UPDATE SET name = excluded.name, home_url = excluded.home_url, home_newest = excluded.home_newest, home_items = excluded.home_items`,
    [runId, p.host, p.name, p.homeUrl, p.sectionUrl, p.homeNewest, p.homeItems]]);
  }
  if (o.sectionUrl) {
    out.push([`INSERT INTO portals (run_id, host, home_url, section_url) VALUES (?, ?, ?, ?)
      ON CONFLICT (run_id, host) DO UPDATE SET section_url = COALESCE(portals.section_url, excluded.section_url)`,
    [runId, o.task.meta.portal, o.task.meta.portal, o.sectionUrl]]);
  }
  for (const c of o.columns ?? []) {
    out.push([`INSERT INTO columns (run_id, column_key, host, name, url, parent_key, is_reports, is_parent, category, status)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')
      ON CONFLICT (run_id, column_key) DO UPDATE SET is_parent = CASE WHEN excluded.is_parent = 1 THEN 1 ELSE columns.is_parent END`,
    [runId, c.key, c.host, c.name, c.url, c.parentKey, c.isReports ? 1 : 0, c.isParent ? 1 : 0, c.category]]);
  }
  if (o.columnTotal) {
    // The first statement of a total wins (the column's first page); a reason for unreached pages is kept once found.
    const t = o.columnTotal;
    out.push([`UPDATE columns SET stated_total = COALESCE(stated_total, ?), stated_exact = COALESCE(stated_exact, ?),
      stated_evidence = COALESCE(stated_evidence, ?), unreached = COALESCE(unreached, ?) WHERE run_id = ? AND column_key = ?`,
    [t.stated?.total ?? null, t.stated ? (t.stated.exact ? 1 : 0) : null, t.stated?.evidence ?? null, t.unreached, runId, t.key]]);
  }
  for (const i of o.items ?? []) {
    out.push([`INSERT INTO column_items (run_id, column_key, url, title, date, date_source) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, column_key, url) DO NOTHING`,
      [runId, i.columnKey, i.url, i.title, i.date, i.dateSource]]);
  }
  if (o.document) {
    const d = o.document;
    out.push([`INSERT INTO documents (run_id, url, via_url, host, list_title, agency, year, published_at, content_type, kind, sha256,
      parse_ok, parse_reason, parse_message, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, url) DO NOTHING`,
    [runId, d.url, d.viaUrl, d.host, d.listTitle, d.agency, d.year, d.publishedAt, d.contentType, d.kind, d.sha256,
      d.parseOk ? 1 : 0, d.parseReason, d.parseMessage, d.report]]);
  }
  out.push(...insertTasks(runId, o.discovered ?? [], nextSeq));
  out.push([`UPDATE frontier SET state = ?, http_status = ?, final_url = ?, sha256 = ?, elapsed_ms = ?, error_kind = ?, error = ?,
    attempts = attempts + 1, updated_at = ? WHERE run_id = ? AND url = ? AND mode = ?`,
  [o.state, o.status ?? null, o.finalUrl ?? null, o.sha256 ?? null, o.elapsedMs ?? null, o.error?.kind ?? null, o.error?.message ?? null,
    iso(), runId, o.task.url, o.task.mode]]);
  return out;
}

export function retryStmt(task: Task, nextAt: number, error: { kind: string; message: string }): Stmt {
  return [`UPDATE frontier SET state = 'pending', attempts = attempts + 1, next_at = ?, error_kind = ?, error = ?, updated_at = ?
    WHERE run_id = ? AND url = ? AND mode = ?`, [nextAt, error.kind, error.message, iso(), task.runId, task.url, task.mode]];
}

export function snapshotStmts(runId: number, snaps: ColumnSnapshot[]): Stmt[] {
  return snaps.map((s) => [`UPDATE columns SET status = ?, error = ?, pages = ?, item_count = ?, newest = ?, oldest = ?, per_year = ?, per_month = ?,
    dates_printed = ?, dates_from_url = ? WHERE run_id = ? AND column_key = ?`,
  [s.status, s.error, s.pages, s.itemCount, s.newest, s.oldest, JSON.stringify(s.perYear), JSON.stringify(s.perMonth), s.datesPrinted, s.datesFromUrl, runId, s.key]]);
}

export function analysisStmts(runId: number, docs: DocAnalysis[], findings: FindingRow[], statedCounts: StatedCountRow[],
  verdicts: { host: string; passed: boolean; verdict: string }[]): Stmt[] {
  const out: Stmt[] = docs.map((d) => {
    const reparsed = d.parseOk === undefined ? 0 : 1;
    return [`UPDATE documents SET is_primary = ?, score = ?, agency = ?, year = ?, contract = ?,
      report = COALESCE(?, report), parse_ok = COALESCE(?, parse_ok), parse_reason = CASE WHEN ? = 1 THEN ? ELSE parse_reason END,
      parse_message = CASE WHEN ? = 1 THEN ? ELSE parse_message END WHERE run_id = ? AND url = ?`,
    [d.isPrimary ? 1 : 0, d.score, d.agency, d.year, d.contract ?? null, d.report ?? null, d.parseOk === undefined ? null : d.parseOk ? 1 : 0,
      reparsed, d.parseReason ?? null, reparsed, d.parseMessage ?? null, runId, d.url]];
  });
  out.push(['DELETE FROM findings WHERE run_id = ?', [runId]]);
  for (const x of findings) {
    out.push(['INSERT INTO findings (run_id, doc_url, n, check_id, severity, message_zh, message_en, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [runId, x.docUrl, x.n, x.checkId, x.severity, x.messageZh, x.messageEn, x.evidence]]);
  }
  out.push(['DELETE FROM claims WHERE run_id = ?', [runId]]);
  for (const x of statedCounts) {
    out.push(['INSERT INTO claims (run_id, doc_url, label, agency, year, claimed, found, column_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, doc_url, label) DO NOTHING',
      [runId, x.docUrl, x.label, x.agency, x.year, x.stated, x.found, x.columnKey]]);
  }
  out.push(['DELETE FROM verdicts WHERE run_id = ?', [runId]]);
  for (const x of verdicts) out.push(['INSERT INTO verdicts (run_id, host, passed, verdict) VALUES (?, ?, ?, ?)', [runId, x.host, x.passed ? 1 : 0, x.verdict]]);
  return out;
}

export const newRunParams = (seeds: string[], options: Record<string, unknown>, now: string): unknown[] =>
  [iso(), 'running', JSON.stringify(seeds), JSON.stringify(options), now];
