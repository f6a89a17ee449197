/**
 * Sends each channel what it has not been sent (state.ts), after a run: at once, or — for a channel
 * with `"digest": "daily"` — once a day in one message, at the first cycle after its `digestAt`
 * (local time). A failed attempt is retried with exponential backoff, up to the channel's
 * `retry.attempts`; every attempt is recorded in `alert_deliveries`. What could not be delivered stays
 * pending and is tried again at the next cycle. Nothing here throws: a delivery never stops a watch.
 */
import type { Run, Store } from '../../store/types.js';
import { lastDigest, markSent, pendingFor, recordDelivery } from '../state.js';
import type { AlertsConfig, Channel } from './config.js';
import { message } from './format.js';
import { redact, sendOnce } from './send.js';

export interface ChannelReport {
  channel: string; type: Channel['type'];
  /** Alerts sent (0 when nothing was pending, or a digest is not due yet). */
  sent: number; pending: number; attempts: number; ok: boolean; digestWaiting: boolean; error: string | null;
}

export interface DeliverOptions {
  /** Wall clock (digest timing); tests pass their own. */
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const localTime = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** Whether a daily digest is due at `now`: past `digestAt` today and none sent yet today. */
export function digestDue(now: Date, digestAt: string, last: string | null): boolean {
  if (localTime(now) < digestAt) return false;
  return !last || localDay(new Date(last)) !== localDay(now);
}

async function deliverChannel(store: Store, run: Run, ch: Channel, cfg: AlertsConfig, o: Required<DeliverOptions>): Promise<ChannelReport> {
  const pending = (await pendingFor(store, ch.name, run)).filter((p) => ch.kinds.includes(p.alert.kind));
  const report: ChannelReport = { channel: ch.name, type: ch.type, sent: 0, pending: pending.length, attempts: 0, ok: true, digestWaiting: false, error: null };
  if (!pending.length) return report;
  const digest = ch.digest === 'daily';
  if (digest && !digestDue(o.clock(), ch.digestAt, await lastDigest(store, ch.name))) return { ...report, digestWaiting: true };
  const m = message(pending.map((p) => p.alert), { digest, dashboardUrl: cfg.dashboardUrl });
  for (let attempt = 1; attempt <= ch.retry.attempts; attempt++) {
    if (attempt > 1) await o.sleep(ch.retry.backoffMs * 2 ** (attempt - 2));
    const a = await sendOnce(ch, m);
    const error = a.error === null ? null : redact(a.error, ch);
    report.attempts = attempt;
    await recordDelivery(store, { channel: ch.name, runId: run.id, attempt, ok: a.ok, digest, alerts: pending.length, status: a.status, error });
    if (a.ok) {
      await markSent(store, ch.name, run.id, pending.map((p) => p.alert.key));
      return { ...report, sent: pending.length, ok: true, error: null };
    }
    report.ok = false;
    report.error = error;
  }
  return report;
}

/** Delivers to every channel; a store or channel failure is reported for that channel, never thrown. */
export async function deliverAll(store: Store, run: Run, cfg: AlertsConfig, opts: DeliverOptions = {}): Promise<ChannelReport[]> {
  const o: Required<DeliverOptions> = { clock: opts.clock ?? (() => new Date()), sleep: opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))) };
  const out: ChannelReport[] = [];
  for (const ch of cfg.channels) {
    try {
      out.push(await deliverChannel(store, run, ch, cfg, o));
    } catch (err) {
      out.push({ channel: ch.name, type: ch.type, sent: 0, pending: 0, attempts: 0, ok: false, digestWaiting: false, error: redact(String((err as Error)?.message ?? err), ch) });
    }
  }
  return out;
}
