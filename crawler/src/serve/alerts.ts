/**
 * A portal's watch state for the dashboard, from what `gongkai watch` recorded (watch/state.ts):
 * the conditions that hold (stale, empty, about to go stale, a report missing …) with the channels
 * each was sent to, the latest events (new reports, verdict changes …) and the conditions cleared lately.
 */
import type { Store } from '../store/types.js';
import { storedAlert } from '../watch/state.js';
import { isCondition, type Alert, type AlertKind } from '../watch/types.js';

export interface PortalAlert {
  key: string;
  kind: AlertKind;
  what: Alert['what'];
  rule: Alert['rule'];
  where: string;
  /** The date the condition holds since, or the event's date. */
  since: string;
  /** The judging date of the run that first saw it. */
  firstSeen: string;
  lastRun: number;
  /** The run that saw a condition cleared; null while it holds (and for events). */
  resolvedRun: number | null;
  /** The channels it was sent to (a cleared condition's sends are forgotten, so it is sent again if it returns). */
  sentTo: { channel: string; sentAt: string }[];
}

export interface PortalAlerts { holding: PortalAlert[]; events: PortalAlert[]; cleared: PortalAlert[] }

/** At most this many events and cleared conditions are listed (conditions that hold are all listed). */
export const RECENT_ALERTS = 20;

/** The watch state of one portal (empty lists when the store was never watched). */
export async function portalAlerts(store: Store, host: string): Promise<PortalAlerts> {
  const rows = await store.select(`SELECT cond_key, kind, first_seen, last_run, resolved_run, alert FROM watch_conditions
    WHERE host = ? ORDER BY first_seen DESC, cond_key`, [host]);
  const sent = await store.select(`SELECT s.cond_key, s.channel, s.sent_at FROM alert_sent s JOIN watch_conditions c ON c.cond_key = s.cond_key
    WHERE c.host = ? ORDER BY s.sent_at, s.channel`, [host]);
  const sentTo = new Map<string, PortalAlert['sentTo']>();
  for (const s of sent) (sentTo.get(String(s.cond_key)) ?? sentTo.set(String(s.cond_key), []).get(String(s.cond_key))!).push({ channel: String(s.channel), sentAt: String(s.sent_at) });
  const out: PortalAlerts = { holding: [], events: [], cleared: [] };
  for (const r of rows) {
    const a = storedAlert(r.alert, r.first_seen);
    const key = String(r.cond_key);
    const item: PortalAlert = { key, kind: a.kind, what: a.what, rule: a.rule, where: a.where, since: a.since, firstSeen: String(r.first_seen),
      lastRun: Number(r.last_run), resolvedRun: r.resolved_run === null ? null : Number(r.resolved_run), sentTo: sentTo.get(key) ?? [] };
    if (!isCondition(a.kind)) { if (out.events.length < RECENT_ALERTS) out.events.push(item); }
    else if (item.resolvedRun === null) out.holding.push(item);
    else if (out.cleared.length < RECENT_ALERTS) out.cleared.push(item);
  }
  return out;
}

/** How many conditions hold per host (for the portal list). */
export async function holdingCounts(store: Store): Promise<Map<string, number>> {
  const rows = await store.select('SELECT host, kind, COUNT(*) AS n FROM watch_conditions WHERE resolved_run IS NULL AND host IS NOT NULL GROUP BY host, kind');
  const out = new Map<string, number>();
  for (const r of rows) if (isCondition(String(r.kind) as AlertKind)) out.set(String(r.host), (out.get(String(r.host)) ?? 0) + Number(r.n));
  return out;
}
