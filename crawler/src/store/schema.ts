/**
 * The storage schema as ordered migrations, in SQL both SQLite and PostgreSQL accept: TEXT, INTEGER,
 * BIGINT, REAL; JSON kept as TEXT; ISO dates as TEXT; upserts with ON CONFLICT … DO NOTHING / DO UPDATE
 * SET … = excluded.… The only dialect difference is the run id: `INTEGER PRIMARY KEY` (SQLite rowid)
 * becomes `BIGSERIAL PRIMARY KEY` in PostgreSQL.
 *
 * A store records the migrations applied to it in `schema_version` (migrate.ts applies the missing
 * ones when it is opened). Never edit a migration that has shipped: add the next one. Migration 1 is the
 * schema every store had before versioning (frozen in test/fixtures/store/schema-v1.*.sql); its
 * `IF NOT EXISTS` makes it a no-op on such a store, which is then simply recorded as version 1.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql(dialect: Dialect): string;
}

const V1 = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,
  seeds TEXT NOT NULL,
  options TEXT NOT NULL,
  now TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS frontier (
  run_id BIGINT NOT NULL,
  url TEXT NOT NULL,
  mode TEXT NOT NULL,
  kind TEXT NOT NULL,
  priority INTEGER NOT NULL,
  seq BIGINT NOT NULL,
  depth INTEGER NOT NULL,
  meta TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at BIGINT NOT NULL DEFAULT 0,
  lease_until BIGINT NOT NULL DEFAULT 0,
  error_kind TEXT,
  error TEXT,
  http_status INTEGER,
  final_url TEXT,
  sha256 TEXT,
  elapsed_ms INTEGER,
  updated_at TEXT,
  PRIMARY KEY (run_id, url, mode)
);
CREATE INDEX IF NOT EXISTS frontier_pending ON frontier (run_id, state, priority, seq);
CREATE TABLE IF NOT EXISTS http_cache (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  sha256 TEXT NOT NULL,
  content_type TEXT,
  fetched_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS blobs (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  content_type TEXT,
  first_url TEXT NOT NULL,
  stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS portals (
  run_id BIGINT NOT NULL,
  host TEXT NOT NULL,
  name TEXT,
  home_url TEXT NOT NULL,
  section_url TEXT,
  home_newest TEXT,
  home_items INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, host)
);
CREATE TABLE IF NOT EXISTS columns (
  run_id BIGINT NOT NULL,
  column_key TEXT NOT NULL,
  host TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  parent_key TEXT,
  is_reports INTEGER NOT NULL DEFAULT 0,
  is_parent INTEGER NOT NULL DEFAULT 0,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  pages INTEGER NOT NULL DEFAULT 0,
  item_count INTEGER NOT NULL DEFAULT 0,
  newest TEXT,
  oldest TEXT,
  per_year TEXT,
  per_month TEXT,
  PRIMARY KEY (run_id, column_key)
);
CREATE TABLE IF NOT EXISTS column_items (
  run_id BIGINT NOT NULL,
  column_key TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT,
  date TEXT,
  PRIMARY KEY (run_id, column_key, url)
);
CREATE TABLE IF NOT EXISTS documents (
  run_id BIGINT NOT NULL,
  url TEXT NOT NULL,
  via_url TEXT,
  host TEXT NOT NULL,
  list_title TEXT,
  agency TEXT,
  year INTEGER,
  published_at TEXT,
  content_type TEXT,
  kind TEXT,
  sha256 TEXT NOT NULL,
  parse_ok INTEGER NOT NULL,
  parse_reason TEXT,
  parse_message TEXT,
  report TEXT,
  contract TEXT,
  is_primary INTEGER NOT NULL DEFAULT 0,
  score REAL,
  PRIMARY KEY (run_id, url)
);
CREATE TABLE IF NOT EXISTS findings (
  run_id BIGINT NOT NULL,
  doc_url TEXT NOT NULL,
  n INTEGER NOT NULL,
  check_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  message_zh TEXT NOT NULL,
  message_en TEXT NOT NULL,
  evidence TEXT,
  PRIMARY KEY (run_id, doc_url, n)
);
CREATE TABLE IF NOT EXISTS verdicts (
  run_id BIGINT NOT NULL,
  host TEXT NOT NULL,
  passed INTEGER NOT NULL,
  verdict TEXT NOT NULL,
  PRIMARY KEY (run_id, host)
);
CREATE TABLE IF NOT EXISTS claims (
  run_id BIGINT NOT NULL,
  doc_url TEXT NOT NULL,
  label TEXT NOT NULL,
  agency TEXT,
  year INTEGER,
  claimed INTEGER NOT NULL,
  found INTEGER,
  column_key TEXT,
  PRIMARY KEY (run_id, doc_url, label)
);
`;

/** Version 2: the per-host gate PostgreSQL workers share (next allowed request start per host and run). */
const V2 = `
CREATE TABLE host_gate (
  run_id BIGINT NOT NULL,
  host TEXT NOT NULL,
  next_at BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, host)
);
`;

/**
 * Version 3: what a column says about its own size (recordCount, 共N条, the pager's pages × page size)
 * and why the crawl could not reach all of it, so a column that lists fewer records than it states is
 * `incomplete`, not `ok`.
 */
const V3 = `
ALTER TABLE columns ADD COLUMN stated_total INTEGER;
ALTER TABLE columns ADD COLUMN stated_exact INTEGER;
ALTER TABLE columns ADD COLUMN stated_evidence TEXT;
ALTER TABLE columns ADD COLUMN unreached TEXT;
`;

/**
 * Version 4: `gongkai watch` — the conditions it found (one row per condition key: a column stale, a
 * report missing …, with when it was first seen and whether it has cleared), which channel was sent
 * which condition (so nothing is sent twice), every delivery attempt (failures kept), and the indexes
 * the dashboard (`gongkai serve`) reads runs by.
 */
const V4 = `
CREATE TABLE watch_conditions (
  cond_key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  host TEXT,
  first_run BIGINT NOT NULL,
  first_seen TEXT NOT NULL,
  last_run BIGINT NOT NULL,
  resolved_run BIGINT,
  alert TEXT NOT NULL
);
CREATE TABLE alert_sent (
  channel TEXT NOT NULL,
  cond_key TEXT NOT NULL,
  run_id BIGINT NOT NULL,
  sent_at TEXT NOT NULL,
  PRIMARY KEY (channel, cond_key)
);
CREATE TABLE alert_deliveries (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  run_id BIGINT NOT NULL,
  at TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  digest INTEGER NOT NULL DEFAULT 0,
  alerts INTEGER NOT NULL,
  status INTEGER,
  error TEXT
);
CREATE INDEX alert_deliveries_channel ON alert_deliveries (channel, at);
CREATE INDEX verdicts_host ON verdicts (host, run_id);
CREATE INDEX columns_host ON columns (host, run_id);
CREATE INDEX documents_agency ON documents (agency, year, run_id);
`;

/** Version 5: the dashboard (`gongkai serve`) finds each portal's latest run of documents and portals by host. */
const V5 = `
CREATE INDEX documents_host ON documents (host, run_id);
CREATE INDEX portals_host ON portals (host, run_id);
`;

/**
 * Version 6: copy-paste search (crawler/src/similar/). `report_minhash`: per primary report and part
 * (5 = 第五部分, 6 = 第六部分) its MinHash signature (base64; NULL when the part is missing or too short to
 * compare — the row still says the report was indexed); `report_bands`: its 16 LSH bucket keys, indexed,
 * so a report's near copies are found by 16 lookups across the whole store.
 */
const V6 = `
CREATE TABLE report_minhash (
  run_id BIGINT NOT NULL,
  doc_url TEXT NOT NULL,
  part INTEGER NOT NULL,
  host TEXT NOT NULL,
  agency TEXT,
  year INTEGER,
  sig TEXT,
  PRIMARY KEY (run_id, doc_url, part)
);
CREATE TABLE report_bands (
  part INTEGER NOT NULL,
  bucket BIGINT NOT NULL,
  run_id BIGINT NOT NULL,
  doc_url TEXT NOT NULL
);
CREATE INDEX report_bands_bucket ON report_bands (part, bucket);
`;

/**
 * Version 7: robots.txt once per host and run across workers. The first worker to fetch a host's
 * robots.txt records the text; the others read it instead of requesting it again (only files that
 * were fetched: a host whose robots.txt failed is asked again by each worker).
 */
const V7 = `
CREATE TABLE robots_txt (
  run_id BIGINT NOT NULL,
  origin TEXT NOT NULL,
  body TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (run_id, origin)
);
`;

/**
 * Version 8: where each list item's date came from — printed in its own row (`printed`, read first) or
 * only in its URL (`url`, the fallback); NULL: undated, or stored before v8 — and per column how many
 * of each (NULL: not known, the column's items predate v8).
 */
const V8 = `
ALTER TABLE column_items ADD COLUMN date_source TEXT;
ALTER TABLE columns ADD COLUMN dates_printed INTEGER;
ALTER TABLE columns ADD COLUMN dates_from_url INTEGER;
`;

/**
 * Version 9: a host stepped down after a firewall answer (403/412 challenge) is stepped down for every
 * worker: `per_host` (at most this many live leases; NULL: the crawl's --per-host) and `delay_ms` (the
 * least gap between two request starts; NULL: the worker's own delay).
 */
const V9 = `
ALTER TABLE host_gate ADD COLUMN per_host INTEGER;
ALTER TABLE host_gate ADD COLUMN delay_ms BIGINT;
`;

/**
 * Version 10: a column's stated total as a 64-bit integer in PostgreSQL too (INTEGER there is 32-bit:
 * a pager stating 12 345 678 901 records, or a huge count read as at least 10^15, failed the column's
 * write). SQLite's INTEGER is 64-bit already: nothing to do there.
 */
const V10 = (d: Dialect) => (d === 'postgres' ? 'ALTER TABLE columns ALTER COLUMN stated_total TYPE BIGINT;' : 'SELECT 1;');

/** Every migration, oldest first; versions are 1, 2, 3 … without gaps. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: (d) => (d === 'sqlite' ? V1 : V1.replace('id INTEGER PRIMARY KEY', 'id BIGSERIAL PRIMARY KEY')) },
  { version: 2, name: 'host_gate: per-host politeness across workers', sql: () => V2 },
  { version: 3, name: 'columns: stated totals and unreached pages', sql: () => V3 },
  { version: 4, name: 'watch: conditions, alerts sent, deliveries; dashboard indexes', sql: () => V4 },
  { version: 5, name: 'dashboard: documents and portals by host', sql: () => V5 },
  { version: 6, name: 'copy-paste search: MinHash signatures and LSH bands of report sections', sql: () => V6 },
  { version: 7, name: 'robots_txt: one fetch per host and run across workers', sql: () => V7 },
  { version: 8, name: 'column items: where each date came from (printed or URL)', sql: () => V8 },
  { version: 9, name: 'host_gate: a stepped-down host\'s limit and gap, shared by workers', sql: () => V9 },
  { version: 10, name: 'columns: stated_total 64-bit in PostgreSQL', sql: V10 },
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
