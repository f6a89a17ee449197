/**
 * The watch's memory in the store (migration 4): `watch_conditions` (every alert's key, first seen,
 * cleared), `alert_sent` (which channel got which key: nothing is sent twice while it holds) and
 * `alert_deliveries` (every attempt, failed ones too). A condition a later run judges and does not
 * find is cleared — its `alert_sent` rows go, so if it comes back it is sent again.
 */
import { randomUUID } from 'node:crypto';
import type { Run, Store } from '../store/types.js';
import { isCondition, type Alert, type Changes } from './types.js';

type Stmt = [string, unknown[]];

/** How long an event (a new report, a verdict change) stays pending for a channel that has not got it. */
export const EVENT_PENDING_DAYS = 30;

/**
 * Records the run's alerts and clears the conditions it judged and did not find. Returns the keys
 * that are new with this run (not held before) and those it cleared.
 */
export async function recordChanges(store: Store, run: Run, changes: Changes): Promise<{ opened: string[]; cleared: string[] }> {
  const active = new Map(changes.alerts.map((a) => [a.key, a]));
  const stmts: Stmt[] = [];
  const open = await store.select('SELECT cond_key, kind FROM watch_conditions WHERE resolved_run IS NULL');
  const held = new Set(open.map((r) => String(r.cond_key)));
  const opened = [...active.keys()].filter((k) => !held.has(k));
  const cleared: string[] = [];
  for (const a of active.values()) {
    stmts.push([`INSERT INTO watch_conditions (cond_key, kind, host, first_run, first_seen, last_run, resolved_run, alert)
      VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
      ON CONFLICT (cond_key) DO UPDATE SET last_run = excluded.last_run, alert = excluded.alert,
        first_run = CASE WHEN watch_conditions.resolved_run IS NULL THEN watch_conditions.first_run ELSE excluded.first_run END,
        first_seen = CASE WHEN watch_conditions.resolved_run IS NULL THEN watch_conditions.first_seen ELSE excluded.first_seen END,
        resolved_run = NULL`, [a.key, a.kind, a.host, run.id, run.now, run.id, JSON.stringify(a)]]);
  }
  for (const r of open) {
    const k = String(r.cond_key);
    if (active.has(k) || !isCondition(r.kind as Alert['kind'])) continue;
    if (!changes.judged.has(k) && !changes.judgedPrefixes.some((p) => k.startsWith(p))) continue;
    stmts.push(['UPDATE watch_conditions SET resolved_run = ? WHERE cond_key = ?', [run.id, k]]);
    stmts.push(['DELETE FROM alert_sent WHERE cond_key = ?', [k]]);
    cleared.push(k);
  }
  await store.execute(stmts);
  return { opened, cleared };
}

/** A `watch_conditions` row's alert, as it holds now. */
export function storedAlert(json: unknown, firstSeen: unknown): Alert {
  const alert = JSON.parse(String(json)) as Alert;
  // An empty column is empty since the watch first saw it so (its items carry no date to tell).
  if (alert.kind === 'empty') alert.since = String(firstSeen);
  return alert;
}

/** A pending alert with the day its condition was first seen by the watch. */
export interface Pending { alert: Alert; firstSeen: string }

/**
 * What `channel` has not been sent: conditions that hold in this run, and events of the last
 * EVENT_PENDING_DAYS days (so a delivery that failed is tried again at the next cycle).
 */
export async function pendingFor(store: Store, channel: string, run: Run): Promise<Pending[]> {
  const rows = await store.select(`SELECT c.alert, c.kind, c.first_seen, c.last_run FROM watch_conditions c
    WHERE c.resolved_run IS NULL AND NOT EXISTS (SELECT 1 FROM alert_sent s WHERE s.channel = ? AND s.cond_key = c.cond_key)
    ORDER BY c.first_run, c.cond_key`, [channel]);
  const oldest = new Date(Date.parse(`${run.now}T00:00:00Z`) - EVENT_PENDING_DAYS * 86_400_000).toISOString().slice(0, 10);
  return rows
    .filter((r) => (isCondition(r.kind as Alert['kind']) ? Number(r.last_run) === run.id : String(r.first_seen) >= oldest))
    .map((r) => ({ alert: storedAlert(r.alert, r.first_seen), firstSeen: String(r.first_seen) }));
}

export async function markSent(store: Store, channel: string, runId: number, keys: string[]): Promise<void> {
  const at = new Date().toISOString();
  await store.execute(keys.map((k) => [`INSERT INTO alert_sent (channel, cond_key, run_id, sent_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (channel, cond_key) DO NOTHING`, [channel, k, runId, at]]));
}

export interface DeliveryRow {
  channel: string; runId: number; at: string; attempt: number; ok: boolean; digest: boolean; alerts: number; status: number | null; error: string | null;
}

export async function recordDelivery(store: Store, d: Omit<DeliveryRow, 'at'> & { at?: string }): Promise<void> {
  await store.execute([[`INSERT INTO alert_deliveries (id, channel, run_id, at, attempt, ok, digest, alerts, status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [randomUUID(), d.channel, d.runId, d.at ?? new Date().toISOString(), d.attempt, d.ok ? 1 : 0, d.digest ? 1 : 0, d.alerts, d.status, d.error]]]);
}

/** Every recorded delivery attempt, oldest first (optionally of one run). */
export async function deliveries(store: Store, runId?: number): Promise<DeliveryRow[]> {
  const rows = await store.select(`SELECT * FROM alert_deliveries ${runId === undefined ? '' : 'WHERE run_id = ?'} ORDER BY at, attempt`, runId === undefined ? [] : [runId]);
  return rows.map((r) => ({ channel: String(r.channel), runId: Number(r.run_id), at: String(r.at), attempt: Number(r.attempt), ok: Number(r.ok) === 1,
    digest: Number(r.digest) === 1, alerts: Number(r.alerts), status: r.status === null ? null : Number(r.status), error: r.error === null ? null : String(r.error) }));
}

/** When the channel last got a digest (ISO time), or null. */
export async function lastDigest(store: Store, channel: string): Promise<string | null> {
  const r = (await store.select('SELECT MAX(at) AS at FROM alert_deliveries WHERE channel = ? AND digest = 1 AND ok = 1', [channel]))[0];
  return r?.at ? String(r.at) : null;
}
