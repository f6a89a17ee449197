/**
 * The store the crawler talks to, in two halves: the queue (`FrontierQueue`: runs, frontier, leases)
 * and the results (`ResultStore`); `Store` is both. The SQLite implementation (sqlite.ts) is the
 * embedded default; a PostgreSQL one implements the same methods over the same schema (schema.ts) for
 * many workers on many machines. Methods may return a value or a promise: callers always `await`.
 * Tasks are a union by kind (`Task`), each kind with its own meta and its route (crawl/routes/).
 */
export type Maybe<T> = T | Promise<T>;

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
  /** Set on a column page queued for Chromium because only the page's own script reaches its later pages (its pager is driven there). */
  pager?: 'browser';
  /** Set on a later page the column's first page planned (its pager named it): the page plans nothing itself. */
  planned?: boolean;
}

/** What led to a report or attachment: the list (or search result) row and the page it was on. */
export interface ReportRef {
  title: string | null;
  date: string | null;
  /** The page that linked it: a 年报 list page, a site-search result page, the article (for attachments). */
  via: string | null;
  columnKey: string | null;
  /** `site-search`: not in the 年报 column; the portal's own search found it (`query` says with what). */
  foundBy?: 'site-search';
  query?: string;
}

/** A query to the portal's own site search for one agency-year missing from its 年报 column. */
export interface SearchRef {
  agency: string;
  year: number;
  query: string;
  /** The search engine family (discover/site-search.ts): `trs-was5`, `hanweb-jrobot`, `igs`, `form`. */
  family: string;
  /** Where the page names the search (form action or script), as evidence. */
  evidence: string;
}

interface TaskCommon {
  runId: number;
  url: string;
  mode: Mode;
  priority: number;
  depth: number;
  attempts: number;
}

/** The portal (home host) every task belongs to. */
interface PortalMeta { portal: string }

/** A portal's home page: the site's name, its newest news, the way to the disclosure section. */
export interface HomeTask extends TaskCommon { kind: 'home'; meta: PortalMeta }
/** A candidate for the 政府信息公开 section (or a catalogue page on the way there). */
export interface SectionTask extends TaskCommon { kind: 'section'; meta: PortalMeta }
/** One list page of a column (or one answer of its XHR list API). */
export interface ColumnTask extends TaskCommon { kind: 'column'; meta: PortalMeta & { column: ColumnRef } }
/** An item of the 年报 column (or a site-search result): an article or a file. */
export interface ReportTask extends TaskCommon { kind: 'report'; meta: PortalMeta & { report: ReportRef } }
/** A file an article links (PDF, DOC, DOCX …). */
export interface AttachmentTask extends TaskCommon { kind: 'attachment'; meta: PortalMeta & { report: ReportRef } }
/** A site-search result page for a year missing from the 年报 column. */
export interface SearchTask extends TaskCommon { kind: 'search'; meta: PortalMeta & { search: SearchRef } }

/** A frontier row, by what its page is: each kind has its route (crawl/routes/). */
export type Task = HomeTask | SectionTask | ColumnTask | ReportTask | AttachmentTask | SearchTask;
export type TaskKind = Task['kind'];
export type TaskOf<K extends TaskKind> = Extract<Task, { kind: K }>;
export type TaskMeta = Task['meta'];

type Fresh<T> = T extends unknown ? Omit<T, 'runId' | 'attempts'> : never;
/** A task to insert (the store adds the run and the attempt count). */
export type NewTask = Fresh<Task>;
export type NewTaskOf<K extends TaskKind> = Extract<NewTask, { kind: K }>;

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
/** Where an item's date came from: printed in its own row (first), else read from its URL (fallback); null: undated, or stored before schema v8. */
export type DateSource = 'printed' | 'url';
export interface ItemRow { columnKey: string; url: string; title: string | null; date: string | null; dateSource: DateSource | null }
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
  /** Items whose date is printed in their row / read only from their URL (null: not known — items stored before schema v8). */
  datesPrinted: number | null; datesFromUrl: number | null;
}

export interface StoredDoc extends DocRow { runId: number; isPrimary: boolean; score: number | null; contract: string | null }
export interface FindingRow { docUrl: string; n: number; checkId: string; severity: string; messageZh: string; messageEn: string; evidence: string | null }
/**
 * A count a report states about its own publishing ("共发布信息N条", "“政策文件”35条") next to what the crawl
 * found (`found` null: cannot compare). Stored in the `claims` table (columns `claimed`, `found`).
 */
export interface StatedCountRow { docUrl: string; label: string; agency: string | null; year: number | null; stated: number; found: number | null; columnKey: string | null }
/** A fetched home or section page of a portal, with its stored body (the site-search planner reads them). */
export interface PortalPageRow { url: string; finalUrl: string | null; kind: 'home' | 'section'; portal: string; sha256: string }
export interface FailureRow { url: string; kind: string; errorKind: string; error: string; status: number | null; attempts: number; portal: string }

/** What `saveAnalysis` writes back onto a document row. */
export interface DocAnalysis { url: string; isPrimary: boolean; score: number | null; agency: string | null; year: number | null; contract?: string | null; report?: string | null; parseOk?: boolean; parseReason?: string | null; parseMessage?: string | null }

/**
 * The crawl queue: runs, the frontier and its leases. A task is taken with `lease` before it is
 * fetched and ends with `complete` (which commits the task's results in the same transaction) or
 * `retryLater`. DB mapping: the `runs`, `frontier` (state `leased`, `lease_until`), `host_gate` and
 * `http_cache` tables.
 */
export interface FrontierQueue {
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
  /**
   * Runnable tasks, best first (a look: nothing is taken). With `limits` (many workers) a store leaves
   * out tasks on hosts that cannot start a request now — `perHost` live leases among all workers, or
   * its gap since the last start not over — so a worker does not spend its turn on hosts others hold.
   */
  nextTasks(runId: number, limit: number, now: number, exclude: Set<string>, limits?: HostLimits): Maybe<Task[]>;
  /** The robots.txt text of `origin` (`http://host`) a worker of the run fetched, or null. */
  robotsText(runId: number, origin: string): Maybe<string | null>;
  /** Records a fetched robots.txt for the other workers of the run (the first record stays). */
  saveRobotsText(runId: number, origin: string, body: string): Maybe<void>;
  /** Leases the tasks this worker is about to start; returns those it got (other workers may have leased some). */
  lease(tasks: Task[], now: number, limits?: HostLimits): Maybe<Task[]>;
  /**
   * A firewall answered on `host`: from now on every worker of the run holds it to `perHost` live
   * leases and `delayMs` between request starts (never loosened by a later call), starting no sooner
   * than `now + delayMs`. Only a store shared by many workers has it (PostgreSQL: the host_gate row);
   * one worker's own HostGate is enough for the others.
   */
  stepDownHost?(runId: number, host: string, perHost: number, delayMs: number, now: number): Maybe<void>;
  /**
   * Ends the run if nothing is pending or leased: runs `finish` (the whole-run analysis) and marks the
   * run done. Only one worker can be ending a run at a time; see `EndRun` for the other answers.
   */
  endRun<T>(runId: number, finish: () => Promise<T>): Promise<EndRun<T>>;
  stats(runId: number): Maybe<FrontierStats>;
  /** Records a processed task and everything it found, in one transaction. */
  complete(o: Outcome): Maybe<void>;
  retryLater(task: Task, nextAt: number, error: { kind: string; message: string }): Maybe<void>;
  cacheFor(url: string): Maybe<CacheRow | null>;
  /** The run's fetched home and section pages (for the site-search planner). */
  portalPages(runId: number): Maybe<PortalPageRow[]>;
}

/**
 * What a crawl found and what the analysis made of it: portals, columns and their items, documents,
 * faults, column snapshots, findings, stated counts and verdicts. DB mapping: `portals`, `columns`,
 * `column_items`, `documents`, `findings`, `claims` (stated counts), `verdicts`, and the frontier's
 * failed/skipped rows for `failures`.
 */
export interface ResultStore {
  failures(runId: number): Maybe<FailureRow[]>;
  portals(runId: number): Maybe<PortalRow[]>;
  columnRows(runId: number): Maybe<ColumnRow[]>;
  columnItems(runId: number): Maybe<ItemRow[]>;
  columnStatus(runId: number): Maybe<Map<string, ColumnTaskStatus>>;
  saveSnapshots(runId: number, snaps: ColumnSnapshot[]): Maybe<void>;
  snapshots(runId?: number): Maybe<ColumnSnapshot[]>;
  documents(runId: number): Maybe<StoredDoc[]>;
  saveAnalysis(runId: number, docs: DocAnalysis[], findings: FindingRow[], statedCounts: StatedCountRow[], verdicts: { host: string; passed: boolean; verdict: string }[]): Maybe<void>;
  findings(runId: number): Maybe<FindingRow[]>;
  statedCounts(runId: number): Maybe<StatedCountRow[]>;
  verdicts(runId: number): Maybe<{ host: string; passed: boolean; verdict: string }[]>;
  /**
   * Rows of a read-only query in the shared dialect (`?` placeholders, sql.ts rules), for modules that
   * keep tables of their own (watch/ alert state, serve/ dashboard queries); their SQL stays with them.
   */
  select(sql: string, params?: unknown[]): Maybe<Record<string, unknown>[]>;
  /** Statements (`[sql, params]`) run in one transaction. */
  execute(stmts: [sql: string, params: unknown[]][]): Maybe<void>;
}

/** Both halves over one database (SqliteStore, PostgresStore). */
export interface Store extends FrontierQueue, ResultStore {
  close(): Maybe<void>;
}
