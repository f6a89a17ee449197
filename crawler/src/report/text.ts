/** The run summary as terminal text. */
import type { RunSummary } from './summary.js';
import { statusText } from '../columns/snapshot.js';
import { padEnd } from '../cli/format/width.js';
import { shareText } from '../health/site-health.js';

/** Pads to a display width (CJK characters take two columns in a terminal; one home: cli/format/width.ts). */
export const pad = (s: string | number, n: number): string => padEnd(String(s), n);

export function summaryText(s: RunSummary): string {
  const L: string[] = [];
  const r = s.run;
  L.push(`Run #${r.id} · ${r.status}${r.finishedAt ? ` · finished ${r.finishedAt}` : ''} · judged on ${r.now}`);
  L.push(`Pages: ${s.frontier.done} done, ${s.frontier.failed} failed, ${s.frontier.skipped} skipped, ${s.frontier.pending} pending`);
  if (s.faults.length) {
    L.push('', 'Faults:');
    for (const f of s.faults) L.push(`  ${pad(f.kind, 14)} ${pad(f.count, 3)} ${f.urls.slice(0, 3).join('  ')}${f.urls.length > 3 ? ' …' : ''}`);
  }
  L.push('', 'Portals (国办秘函〔2019〕19号 column checks):');
  for (const p of s.portals) {
    const failed = p.rules.filter((x) => x.failed).map((x) => x.id);
    const unjudged = p.rules.filter((x) => x.judged === false).map((x) => x.id);
    const notes = p.fault ? `not judged: ${p.fault}` : [failed.length ? `failed: ${failed.join(', ')}` : '', unjudged.length ? `cannot judge: ${unjudged.join(', ')}` : ''].filter(Boolean).join(' · ');
    L.push(`  ${pad(p.fault ? 'FAULT' : p.passed ? 'PASS' : 'FAIL', 5)} ${pad(p.name ?? '', 18)} ${pad(p.host, 30)} ${pad(`${p.columns} columns`, 11)} ${pad(`${p.items} items`, 10)} ${notes}`);
  }
  if (s.health.length) {
    L.push('', `Reachability (一周监测: failed home-page probes over the last 7 days of runs) and dead links in the disclosure section:`);
    for (const h of s.health) {
      const r = h.reachability, d = h.deadLinks;
      L.push(`  ${pad(h.host, 30)} reachability ${pad(`${shareText(r)} failed`, 14)} ${r.from}…${r.to}` +
        `${r.sectionFailed ? ` · section ${r.sectionFailed}/${r.sectionProbes} failed` : ''} · dead links ${d.count}${d.examples.length ? `: ${d.examples.map((e) => `${e.url} (${e.status ?? e.error})`).join('  ')}` : ''}`);
    }
  }
  // Columns loaded in part: what they state against what the crawl reached, and why (never counted as ok).
  const partial = s.columns.filter((c) => c.status === 'incomplete');
  if (partial.length) {
    L.push('', 'Incomplete columns (judged unknown):');
    for (const c of partial) L.push(`  ${pad(c.host, 30)} ${pad(c.name, 18)} ${statusText(c)}`);
  }
  L.push('', `Documents: ${s.documents.total} (${s.documents.parsed} parsed; attachments ${s.documents.attachmentsParsed}/${s.documents.attachments} parsed)` +
    (s.documents.notParsed.length ? ` · not parsed: ${s.documents.notParsed.map((n) => `${n.reason} ${n.count}`).join(', ')}` : ''));
  L.push('Reports per agency:');
  for (const a of s.agencies) L.push(`  ${pad(a.agency, 26)} ${a.years.join(' ')}`);
  L.push('', 'Reports (primary document per agency and year):');
  for (const x of s.reports.filter((x) => x.primary)) {
    L.push(`  ${pad(x.agency ?? '?', 26)} ${pad(x.year ?? '?', 5)} ${pad(x.kind ?? '', 5)} score ${pad(x.score ?? '-', 4)} ${pad(`${x.errors}E ${x.warnings}W`, 7)} ${x.findingIds.filter((i) => !i.startsWith('structure.unreadable')).slice(0, 4).join(' ')}`);
  }
  if (s.findings.length) {
    L.push('', 'Findings on primary documents:');
    for (const f of s.findings) L.push(`  ${pad(f.severity, 8)} ${pad(f.checkId, 30)} ${f.count}`);
  }
  const diffs = s.statedCounts.filter((c) => c.found !== null && c.found !== c.stated);
  const uncheckable = s.statedCounts.filter((c) => c.found === null).length;
  if (s.statedCounts.length) {
    L.push('', `Self-reported counts vs crawl: ${s.statedCounts.length} claims, ${diffs.length} differ` +
      (uncheckable ? `, ${uncheckable} cannot be compared (no such column, or the crawl has no dated items for that year)` : ''));
    for (const c of diffs) L.push(`  ${pad(c.agency ?? '', 26)} ${c.year} “${c.label}” report says ${c.stated}, crawl found ${c.found}`);
  }
  return L.join('\n');
}
