/**
 * The store interface the crawler talks to. The SQLite implementation (sqlite.ts) is the embedded
 * default; a PostgreSQL one implements the same methods over the same schema (schema.ts) for many
 * workers on many machines. Methods may return a value or a promise: callers always `await`.
 */
export type Maybe<T> = T | Promise<T>;

export type TaskKind = 'home' | 'section' | 'column' | 'report' | 'attachment';
export type Mode = 'http' | 'browser';

export interface ColumnRef {
  key: string;
  name: string;
  parentKey: string | null;
  /** 0-based list page. */
  page: number;
  isReports: boolean;
  /** Set on a request to the CMS's XHR list API (discover/list-api.ts): the family whose answer this is. */
  api?: string;
}

export interface TaskMeta {
  /** The portal (home host) this task belongs to. */
  portal: string;
  column?: ColumnRef;
  /** For report/attachment tasks: what the list said about it. */
  report?: { title: string | null; date: string | null; via: string | null; columnKey: string | null };
}

export interface Task {
  runId: number;
  url: string;
  mode: Mode;
  kind: TaskKind;
  priority: number;
  depth: number;
  meta: TaskMeta;
  attempts: number;
}

export type NewTask = Omit<Task, 'runId' | 'attempts'>;

export interface PortalRow { host: string; name: string | null; homeUrl: string; sectionUrl: string | null; homeNewest: string | null; homeItems: number }
export interface ColumnRow {
  key: string; host: string; name: string; url: string; parentKey: string | null; isReports: boolean; isParent: boolean; category: string;
  /** What the column states about its size, as read back from the store (null: it states nothing). */
  stated?: StatedSize | null;
  /** Why some of the column's pages cannot be reached (an XHR list API the page does not name), when known. */
  unreached?: string | null;
}

/**
 * A column's size as its own pages state it: `exact` for recordCount / 共N条 / the API's total; a
 * minimum (`exact: false`) for a page count times the page size ((pages − 1) × size + 1).
 */
export interface StatedSize { total: number; exact: boolean; evidence: string }

/** What a column's first page (or an API answer) says about the column, written with its outcome. */
export interface ColumnTotal { key: string; stated: StatedSize | null; unreached: string | null }
export interface ItemRow { columnKey: string; url: string; title: string | null; date: string | null }
export interface DocRow {
  url: string; viaUrl: string | null; host: string; listTitle: string | null; agency: string | null; year: number | null;
  publishedAt: string | null; contentType: string | null; kind: string | null; sha256: string;
  parseOk: boolean; parseReason: string | null; parseMessage: string | null; report: string | null;
}
export interface CacheRow { url: string; etag: string | null; lastModified: string | null; sha256: string; contentType: string | null }

/** Everything one processed task writes, committed atomically. */
export interface Outcome {
  task: Task;
  state: 'done' | 'failed' | 'skipped';
  status?: number | null;
  finalUrl?: string | null;
  sha256?: string | null;
  elapsedMs?: number | null;
  error?: { kind: string; message: string } | null;
  discovered?: NewTask[];
  portal?: PortalRow;
  sectionUrl?: string;
  columns?: ColumnRow[];
  items?: ItemRow[];
  document?: DocRow;
  cache?: CacheRow;
  columnTotal?: ColumnTotal;
  blob?: { sha256: string; size: number; contentType: string | null; url: string };
}

export interface Run { id: number; startedAt: string; finishedAt: string | null; status: 'running' | 'done'; seeds: string[]; options: Record<string, unknown>; now: string }

/**
 * Per-host politeness a store with many workers enforces across all of them (PostgreSQL); a store with
 * one worker (SQLite) leaves it to the worker's own HostGate.
 */
export interface HostLimits { perHost: number; delayMs(host: string): number }

/**
 * `ended`: this worker ended the run (`value` is what `finish` returned); `done`: the run was already
 * done; `busy`: another worker is ending it now; `work`: tasks are still pending or leased.
 */
export type EndRun<T> = { state: 'ended'; value: T } | { state: 'done' | 'busy' | 'work' };

/**
 * A column's list tasks summed up: pages fetched, the first page's failure (the column did not load),
 * whether a page needed the browser, and the first later page that failed (`unreached`: the column
 * loaded in part).
 */
export interface ColumnTaskStatus { pages: number; failed: { kind: string; error: string } | null; needsBrowser: boolean; unreached: string | null }

export interface FrontierStats { pending: number; done: number; failed: number; skipped: number; nextAt: number | null }

export interface ColumnSnapshot extends ColumnRow {
  runId: number; status: string; error: string | null; pages: number; itemCount: number;
  newest: string | null; oldest: string | null; perYear: Record<string, number>; perMonth: Record<string, number>;
}

export interface StoredDoc extends DocRow { runId: number; isPrimary: boolean; score: number | null; contract: string | null }
export interface FindingRow { docUrl: string; n: number; checkId: string; severity: string; messageZh: string; messageEn: string; evidence: string | null }
export interface ClaimRow { docUrl: string; label: string; agency: string | null; year: number | null; claimed: number; found: number | null; columnKey: string | null }
export interface FailureRow { url: string; kind: string; errorKind: string; error: string; status: number | null; attempts: number; portal: string }

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * The unfinished run with these seeds (resumed: true; other workers' run is joined), or a new one
   * whose frontier starts with `initial` — created and seeded in one transaction, so a worker joining
   * at the same instant never sees a run with an empty frontier.
   */
  openRun(seeds: string[], options: Record<string, unknown>, now: string, fresh: boolean, initial: NewTask[]): Maybe<{ run: Run; resumed: boolean }>;
  getRun(id?: number): Maybe<Run | null>;
  listRuns(): Maybe<Run[]>;
  finishRun(runId: number): Maybe<void>;
  enqueue(runId: number, tasks: NewTask[]): Maybe<void>;
  /** Runnable tasks, best first (a look: nothing is taken). */
  nextTasks(runId: number, limit: number, now: number, exclude: Set<string>): Maybe<Task[]>;
  /** Takes the tasks this worker is about to start; returns those it got (other workers may have taken some). */
  claim(tasks: Task[], now: number, limits?: HostLimits): Maybe<Task[]>;
  /**
   * Ends the run if nothing is pending or leased: runs `finish` (the whole-run analysis) and marks the
   * run done. Only one worker can be ending a run at a time; see `EndRun` for the other answers.
   */
  endRun<T>(runId: number, finish: () => Promise<T>): Promise<EndRun<T>>;
  stats(runId: number): Maybe<FrontierStats>;
  complete(o: Outcome): Maybe<void>;
  retryLater(task: Task, nextAt: number, error: { kind: string; message: string }): Maybe<void>;
  cacheFor(url: string): Maybe<CacheRow | null>;
  failures(runId: number): Maybe<FailureRow[]>;
  portals(runId: number): Maybe<PortalRow[]>;
  columnRows(runId: number): Maybe<ColumnRow[]>;
  columnItems(runId: number): Maybe<ItemRow[]>;
  columnStatus(runId: number): Maybe<Map<string, ColumnTaskStatus>>;
  saveSnapshots(runId: number, snaps: ColumnSnapshot[]): Maybe<void>;
  snapshots(runId?: number): Maybe<ColumnSnapshot[]>;
  documents(runId: number): Maybe<StoredDoc[]>;
  saveAnalysis(runId: number, docs: { url: string; isPrimary: boolean; score: number | null; agency: string | null; year: number | null; contract?: string | null; report?: string | null; parseOk?: boolean; parseReason?: string | null; parseMessage?: string | null }[], findings: FindingRow[], claims: ClaimRow[], verdicts: { host: string; passed: boolean; verdict: string }[]): Maybe<void>;
  findings(runId: number): Maybe<FindingRow[]>;
  claims(runId: number): Maybe<ClaimRow[]>;
  verdicts(runId: number): Maybe<{ host: string; passed: boolean; verdict: string }[]>;
  /**
   * Rows of a read-only query in the shared dialect (`?` placeholders, sql.ts rules), for modules that
   * keep tables of their own (watch/ alert state, serve/ dashboard queries); their SQL stays with them.
   */
  select(sql: string, params?: unknown[]): Maybe<Record<string, unknown>[]>;
  /** Statements (`[sql, params]`) run in one transaction. */
  execute(stmts: [sql: string, params: unknown[]][]): Maybe<void>;
  close(): Maybe<void>;
}
