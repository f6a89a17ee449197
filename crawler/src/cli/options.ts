/** Options shared by the crawler's commands: where the store is, politeness limits, host overrides. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';
import { SqliteStore } from '../store/sqlite.js';
import { PostgresStore } from '../store/postgres.js';
import type { Store } from '../store/types.js';
import type { CrawlOptions } from '../crawl/run.js';
import { NoRunError, runSummary, type RunSummary } from '../report/summary.js';

export const DEFAULT_DB = process.env.GONGKAI_DB ?? './gongkai-data/gongkai.db';

export const STORE_OPTIONS = {
  db: { type: 'string' },
  blobs: { type: 'string' },
  run: { type: 'string' },
} satisfies ParseArgsConfig['options'];

export const CRAWL_OPTIONS = {
  ...STORE_OPTIONS,
  now: { type: 'string' },
  concurrency: { type: 'string' },
  'per-host': { type: 'string' },
  delay: { type: 'string' },
  timeout: { type: 'string' },
  'max-bytes': { type: 'string' },
  'max-pages': { type: 'string' },
  retries: { type: 'string' },
  browser: { type: 'string' },
  resolve: { type: 'string', multiple: true },
  new: { type: 'boolean' },
  ocr: { type: 'boolean' },
  insecure: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

export const CRAWL_HELP = `  --db <file|url>      SQLite file (default ${DEFAULT_DB}) or postgres://… URL
  --blobs <dir>        raw documents (default: blobs/ beside the SQLite file, ./gongkai-data/blobs for PostgreSQL)
  --now <YYYY-MM-DD>   date freshness and deadlines are judged against (default: today)
  --concurrency <n>    requests in flight overall (default 8)
  --per-host <n>       requests in flight per host (default 2)
  --delay <ms>         minimum gap between requests to one host (default 500; robots Crawl-delay raises it)
  --timeout <ms>       time limit per request (default 15000)
  --max-bytes <n>      size limit per response (default 20971520)
  --max-pages <n>      stop after n fetches (resume later by running the same command)
  --retries <n>        retries of 5xx/timeouts, with exponential backoff (default 3)
  --browser <mode>     auto (Chromium only for JavaScript-built lists; default) | always | never
  --resolve <h=a:p>    send requests for host h to address a:port (repeatable; like curl --resolve)
  --new                start a new run even if the last run with these seeds is unfinished
  --ocr                OCR scanned attachments (slow)
  --insecure           accept self-signed TLS certificates (mirrors you trust)
  --json               print the run summary as JSON on stdout
  --quiet              no progress line on stderr`;

const int = (v: string | undefined, name: string, min = 0): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got '${v}'`);
  return n;
};

/** The store named by --db: a SQLite file (default) or a postgres:// URL. */
export function openStore(values: { db?: string; blobs?: string }): { store: Store; blobDir: string } {
  const db = values.db ?? DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(db)) {
    return { store: new PostgresStore(db), blobDir: resolve(values.blobs ?? './gongkai-data/blobs') };
  }
  const dbPath = resolve(db);
  return { store: new SqliteStore(dbPath), blobDir: resolve(values.blobs ?? join(dirname(dbPath), 'blobs')) };
}

export function runId(values: { run?: string }): number | undefined {
  return int(values.run, 'run', 1);
}

export function resolveMap(list: string[] | undefined): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of list ?? []) {
    const mm = r.match(/^([^=\s]+)=([^=\s]+:\d+)$/);
    if (!mm) throw new UsageError(`--resolve wants host=address:port, got '${r}'`);
    m.set(mm[1]!.toLowerCase(), mm[2]!);
  }
  return m;
}

/** Crawl options from parsed flags (seeds, store and callbacks are added by the caller). */
export function crawlSettings(v: Record<string, unknown>): Omit<CrawlOptions, 'seeds' | 'store' | 'blobDir'> {
  const s = v as Record<string, string | undefined>;
  if (s.now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(s.now)) throw new UsageError(`--now must be YYYY-MM-DD, got '${s.now}'`);
  if (s.browser !== undefined && !['auto', 'always', 'never'].includes(s.browser)) throw new UsageError(`--browser must be auto, always or never, got '${s.browser}'`);
  return {
    now: s.now, concurrency: int(s.concurrency, 'concurrency', 1), perHost: int(s['per-host'], 'per-host', 1), delayMs: int(s.delay, 'delay'),
    timeoutMs: int(s.timeout, 'timeout', 1), maxBytes: int(s['max-bytes'], 'max-bytes', 1), maxPages: int(s['max-pages'], 'max-pages', 1),
    retries: int(s.retries, 'retries'), browser: s.browser as CrawlOptions['browser'], resolve: resolveMap(v.resolve as string[] | undefined),
    fresh: !!v.new, ocr: !!v.ocr, insecure: !!v.insecure,
  };
}

/** Seed URLs from a portals file: one URL per line; blank lines and # comments ignored. */
export function readPortals(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read portals file '${file}'`);
  }
  return text.split(/\r?\n/).map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
}

/** The summary of the run named by --run (default: the latest); a missing run is a usage error. */
export async function summaryOf(store: Store, values: { run?: string }): Promise<RunSummary> {
  try {
    return await runSummary(store, runId(values));
  } catch (err) {
    throw err instanceof NoRunError ? new UsageError(err.message) : err;
  }
}
