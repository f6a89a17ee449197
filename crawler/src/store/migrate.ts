/**
 * Schema versioning, the same on SQLite and PostgreSQL: a `schema_version` table lists the migrations
 * applied (schema.ts `MIGRATIONS`); opening a store applies the missing ones, in order, in one
 * transaction (each store runs the statements its own way, under its own lock). A store written by a
 * newer gongkai — a version this code does not know — is refused with a `StoreVersionError`.
 */
import { MIGRATIONS, SCHEMA_VERSION, type Dialect } from './schema.js';
import type { Stmt } from './sql.js';

export const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** The store's version: 0 for a store made before versioning (or a new, empty one). */
export const CURRENT_VERSION = 'SELECT MAX(version) AS v FROM schema_version';

/** A store whose schema is newer than this code: reading or writing it could corrupt it. */
export class StoreVersionError extends Error {
  readonly kind = 'store-version';
  constructor(readonly store: string, readonly found: number, readonly known: number) {
    super(`store ${store} has schema version ${found}, newer than this gongkai knows (${known}): upgrade gongkai to open it`);
    this.name = 'StoreVersionError';
  }
}

/** What brings a store at `current` to SCHEMA_VERSION: DDL scripts and the rows recording them. */
export function migrationPlan(current: number, dialect: Dialect, store: string): { ddl: string; record: Stmt }[] {
  if (current > SCHEMA_VERSION) throw new StoreVersionError(store, current, SCHEMA_VERSION);
  const at = new Date().toISOString();
  return MIGRATIONS.filter((m) => m.version > current).map((m) => ({
    ddl: m.sql(dialect),
    record: ['INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, at]],
  }));
}

/** A PostgreSQL URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return url;
  }
}
