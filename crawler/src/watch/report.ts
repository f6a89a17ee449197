/** A watch cycle in words (the CLI's stdout) and as JSON (`--json`). */
import { KIND_LABEL } from './alerts/format.js';
import type { CycleResult } from './cycle.js';
import { ALERT_KINDS } from './types.js';

export function cycleText(r: CycleResult): string {
  const c = r.crawl;
  const lines = [`Run #${c.run.id} (${c.run.now}, ${c.resumed ? 'resumed' : 'new'}): ${c.fetched} fetches in ${(c.elapsedMs / 1000).toFixed(1)} s`];
  if (!r.changes) return [...lines, '  stopped early: not judged yet (the next cycle finishes the run)'].join('\n') + '\n';
  const ch = r.changes;
  lines[0] += ch.previousRunId ? `, compared with run #${ch.previousRunId}` : ' (first run of these portals: conditions only)';
  const counts = ALERT_KINDS.map((k) => [k, ch.alerts.filter((a) => a.kind === k).length] as const).filter(([, n]) => n > 0);
  lines.push(`  ${ch.alerts.length} alert${ch.alerts.length === 1 ? '' : 's'}${counts.length ? ` (${counts.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}: ${r.opened.length} new, ${ch.alerts.length - r.opened.length} still holding; ${r.cleared.length} cleared`);
  const opened = new Set(r.opened);
  for (const a of ch.alerts.filter((x) => opened.has(x.key))) lines.push(`  【${KIND_LABEL[a.kind].zh}】${a.name ?? a.host}${a.column ? ` · ${a.column}` : ''}: ${a.what.en} — since ${a.since} — ${a.where}`);
  for (const d of r.deliveries) {
    lines.push(d.digestWaiting ? `  → ${d.channel} (${d.type}): ${d.pending} waiting for the daily digest`
      : d.pending === 0 ? `  → ${d.channel} (${d.type}): nothing new to send`
        : d.ok ? `  → ${d.channel} (${d.type}): sent ${d.sent} (${d.attempts} attempt${d.attempts === 1 ? '' : 's'})`
          : `  → ${d.channel} (${d.type}): FAILED after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'} (${d.error}); ${d.pending} kept for the next cycle`);
  }
  return lines.join('\n') + '\n';
}

export function cycleJson(r: CycleResult): Record<string, unknown> {
  return {
    run: r.crawl.run.id, judgedOn: r.crawl.run.now, resumed: r.crawl.resumed, complete: r.crawl.complete, fetched: r.crawl.fetched,
    previousRun: r.changes?.previousRunId ?? null, alerts: r.changes?.alerts ?? null, opened: r.opened, cleared: r.cleared, deliveries: r.deliveries,
  };
}
