/** Options shared by the crawler's commands (where the store is, politeness limits) and opening the store. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './command.js';
import { optionTable, type Values } from './option-table.js';
import { creatable, existingFile } from './paths.js';
import { SqliteStore } from '../store/sqlite.js';
import { PostgresStore } from '../store/postgres.js';
import type { Store } from '../store/types.js';
import type { CrawlOptions } from '../crawl/run.js';
import { CRAWL_DEFAULTS as D } from '../crawl/config.js';
import { parseAllowHost } from '../fetch/scope.js';
import { NoRunError, runSummary, type RunSummary } from '../report/summary.js';
import { ARTICLE49_DEADLINES, isDeadline, type Deadlines } from '@gongkai/shared';

export const DEFAULT_DB = process.env.GONGKAI_DB ?? './gongkai-data/gongkai.db';
const PG_BLOBS = './gongkai-data/blobs';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const DB_OPTION = optionTable({
  db: { type: 'string', placeholder: 'file|url', default: DEFAULT_DB, help: 'SQLite file or postgres://… URL',
    defaultText: process.env.GONGKAI_DB ? `$GONGKAI_DB = ${DEFAULT_DB}` : `${DEFAULT_DB}, or $GONGKAI_DB` },
});
export const BLOBS_OPTION = optionTable({
  blobs: { type: 'string', placeholder: 'dir', help: 'raw documents, content-addressed', defaultText: `blobs/ beside the SQLite file, ${PG_BLOBS} for PostgreSQL` },
});
export const RUN_OPTION = optionTable({
  run: { type: 'integer', placeholder: 'id', min: 1, help: 'crawl run id', defaultText: 'the latest run' },
});

/** Article 49 deadlines, for the commands that judge timeliness (parse, crawl, columns, watch, reparse). */
export const DEADLINE_OPTIONS = optionTable({
  'deadline-department': { type: 'string', placeholder: 'MM-DD', pattern: isDeadline, help: 'Article 49 deadline for departments (township governments and government offices included)',
    defaultText: `${ARTICLE49_DEADLINES.department}, or the run's own for reparse` },
  'deadline-government': { type: 'string', placeholder: 'MM-DD', pattern: isDeadline, help: 'Article 49 deadline for county-level and higher governments',
    defaultText: `${ARTICLE49_DEADLINES.government}, or the run's own for reparse` },
});

/** The deadlines given on the command line (only those given: the rest stay national, or the run's). */
export function deadlinesOf(v: { 'deadline-department'?: string; 'deadline-government'?: string }): Partial<Deadlines> {
  const out: Partial<Deadlines> = {};
  if (v['deadline-department'] !== undefined) out.department = v['deadline-department'];
  if (v['deadline-government'] !== undefined) out.government = v['deadline-government'];
  return out;
}

/** The crawl settings of `crawl` and `columns`; their defaults are the crawler's own (crawl/config.ts CRAWL_DEFAULTS). */
export const CRAWL_OPTIONS = optionTable({
  ...DB_OPTION,
  ...BLOBS_OPTION,
  now: { type: 'string', placeholder: 'YYYY-MM-DD', pattern: DATE, help: 'date freshness and deadlines are judged against', defaultText: 'today' },
  concurrency: { type: 'integer', placeholder: 'n', min: 1, default: D.concurrency, help: 'requests in flight overall' },
  'per-host': { type: 'integer', placeholder: 'n', min: 1, default: D.perHost, help: 'requests in flight per host' },
  delay: { type: 'integer', placeholder: 'ms', default: D.delayMs, help: 'minimum gap between requests to one host (robots Crawl-delay raises it)' },
  timeout: { type: 'integer', placeholder: 'ms', min: 1, default: D.timeoutMs, help: `time limit per request (a page rendered in Chromium gets at least ${D.browserMinTimeoutMs / 1000} s)` },
  'max-bytes': { type: 'integer', placeholder: 'n', min: 1, default: D.maxBytes, help: 'size limit per response' },
  'max-pages': { type: 'integer', placeholder: 'n', min: 1, help: 'stop after n fetches (resume later by running the same command)' },
  retries: { type: 'integer', placeholder: 'n', default: D.retries, help: 'retries of 5xx/timeouts, with exponential backoff' },
  browser: { type: 'string', choices: ['auto', 'always', 'never'], default: D.browser, help: 'auto: Chromium only for lists built by JavaScript' },
  resolve: { type: 'list', placeholder: 'host=addr:port', help: 'send requests for a host to another address (like curl --resolve)' },
  'allow-host': { type: 'list', placeholder: 'host|*.domain', help: 'also crawl this host (or domain) outside the portal\'s own site' },
  new: { type: 'boolean', help: 'start a new run even if the last run with these seeds is unfinished' },
  insecure: { type: 'boolean', help: 'accept self-signed TLS certificates (mirrors you trust)' },
  json: { type: 'boolean', help: 'print the run summary as JSON on stdout' },
  quiet: { type: 'boolean', help: 'no progress line on stderr' },
  ...DEADLINE_OPTIONS,
});

/**
 * The store named by --db: a SQLite file or a postgres:// URL. `existing`: the SQLite file must
 * already exist (commands that read a crawl never create an empty database); `create`: it may be
 * created, with its folders.
 */
export function openStore(values: { db: string; blobs?: string }, mode: 'existing' | 'create'): { store: Store; blobDir: string } {
  const pg = /^postgres(ql)?:\/\//i.test(values.db);
  const dbPath = pg ? values.db : resolve(values.db);
  const blobDir = resolve(values.blobs ?? (pg ? PG_BLOBS : join(dirname(dbPath), 'blobs')));
  if (!pg && mode === 'existing') existingFile(dbPath, '--db', `no database at ${dbPath} (run gongkai crawl first, or give --db)`);
  if (!pg && mode === 'create') creatable(dbPath, '--db', 'file');
  if (mode === 'create') creatable(blobDir, values.blobs === undefined ? 'blob folder' : '--blobs', 'folder');
  return { store: pg ? new PostgresStore(dbPath) : new SqliteStore(dbPath), blobDir };
}

export function resolveMap(list: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of list) {
    const mm = r.match(/^([^=\s]+)=([^=\s]+:\d+)$/);
    if (!mm) throw new UsageError(`--resolve wants host=address:port, got '${r}'`, { help: true });
    m.set(mm[1]!.toLowerCase(), mm[2]!);
  }
  return m;
}

/** `--allow-host` values, checked (host names or `*.domain`). */
export function allowHosts(list: string[]): string[] {
  for (const h of list) {
    try {
      parseAllowHost(h);
    } catch (err) {
      throw new UsageError((err as Error).message, { help: true });
    }
  }
  return list;
}

/** Crawl options from the parsed table (seeds, store and callbacks are added by the caller). */
export function crawlSettings(v: Values<typeof CRAWL_OPTIONS> & { ocr?: boolean }): Omit<CrawlOptions, 'seeds' | 'store' | 'blobDir'> {
  return {
    now: v.now, concurrency: v.concurrency, perHost: v['per-host'], delayMs: v.delay, timeoutMs: v.timeout, maxBytes: v['max-bytes'],
    maxPages: v['max-pages'], retries: v.retries, browser: v.browser as CrawlOptions['browser'], resolve: resolveMap(v.resolve),
    fresh: v.new, ocr: v.ocr ?? false, insecure: v.insecure, allowHosts: allowHosts(v['allow-host']), deadlines: deadlinesOf(v),
  };
}

/** Seed URLs from a portals file: one URL per line; blank lines and # comments ignored (see readPortalLines for the rest of a line). */
export function readPortals(file: string): string[] {
  return readPortalLines(file).map((l) => l.url);
}

/**
 * A `--portals` line: the URL, then optional `region=<GB/T 2260 code>` and `level=<level>` for its agencies,
 * and `limit.<category|column name>=<days>` overriding the check-list's update limit (`gongkai watch`).
 */
export interface PortalLine { url: string; region?: string; level?: string; limits?: Record<string, number> }

/** The lines of a portals file: `URL [region=330400] [level=province|city|county|township|department] [limit.工作动态=10 …]`. */
export function readPortalLines(file: string): PortalLine[] {
  existingFile(file, '--portals');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--portals: cannot read portals file '${file}' (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const out: PortalLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const [url, ...rest] = raw.replace(/#.*$/, '').trim().split(/\s+/).filter(Boolean);
    if (!url) return;
    const line: PortalLine = { url };
    for (const kv of rest) {
      const lim = /^limit\.([^=]+)=(.*)$/.exec(kv);
      if (lim) {
        if (!/^[1-9]\d{0,4}$/.test(lim[2]!)) throw new UsageError(`--portals: line ${i + 1}: '${kv}' wants limit.<category|column>=<days, a whole number ≥ 1>`);
        (line.limits ??= {})[lim[1]!] = Number(lim[2]);
        continue;
      }
      const m = /^(region|level)=(.+)$/.exec(kv);
      if (!m || (m[1] === 'region' && !/^\d{6}(\d{3})?$/.test(m[2]!)) || (m[1] === 'level' && !/^(province|city|county|township|department)$/.test(m[2]!))) {
        throw new UsageError(`--portals: line ${i + 1}: '${kv}' is not region=<6 or 9 digits> or level=province|city|county|township|department`);
      }
      line[m[1] as 'region' | 'level'] = m[2]!;
    }
    out.push(line);
  });
  return out;
}

/** The summary of the run named by --run (default: the latest); a missing run is a usage error. */
export async function summaryOf(store: Store, values: { run?: number }): Promise<RunSummary> {
  try {
    return await runSummary(store, values.run);
  } catch (err) {
    throw err instanceof NoRunError ? new UsageError(err.message) : err;
  }
}
