/**
 * A run's summary, assembled from the store: what was fetched and what failed (by fault kind, with
 * the portals that could not be judged, e.g. `no-disclosure-section`), each portal's column verdict, the reports found per agency and year, parse results, findings and the
 * self-reported-count comparisons. The text, JSON, HTML and spreadsheet outputs all read this.
 */
import type { ColumnSnapshot, FailureRow, Run, StatedCountRow, Store } from '../store/types.js';
import type { Verdict } from '../columns/verdict.js';
import { siteHealth, type SiteHealth } from '../health/site-health.js';

export interface ReportRow {
  agency: string | null; year: number | null; url: string; host: string; kind: string | null; publishedAt: string | null;
  primary: boolean; parseOk: boolean; parseReason: string | null; score: number | null;
  errors: number; warnings: number; infos: number; findingIds: string[]; viaUrl: string | null; title: string | null;
}

export interface RunSummary {
  run: Run;
  frontier: { done: number; failed: number; skipped: number; pending: number };
  faults: { kind: string; count: number; urls: string[] }[];
  failures: FailureRow[];
  portals: (Verdict & { columns: number; items: number })[];
  columns: ColumnSnapshot[];
  documents: { total: number; parsed: number; attachments: number; attachmentsParsed: number; notParsed: { reason: string; count: number }[] };
  reports: ReportRow[];
  agencies: { agency: string; years: number[] }[];
  findings: { checkId: string; severity: string; count: number }[];
  /** The reports' stated counts next to the crawl's (`found` null: cannot compare). */
  statedCounts: StatedCountRow[];
  /** Per portal: reachability over the last 7 days of runs and this run's dead links in the disclosure section (health/site-health.ts). */
  health: SiteHealth[];
}

/** Asked for a run the database does not have. */
export class NoRunError extends Error {}

export async function runSummary(store: Store, runId?: number): Promise<RunSummary> {
  const run = await store.getRun(runId);
  if (!run) throw new NoRunError(runId === undefined ? 'The database has no crawl runs yet: run `gongkai crawl` first.' : `No run #${runId} in the database.`);
  const stats = await store.stats(run.id);
  const failures = await store.failures(run.id);
  const faultMap = new Map<string, string[]>();
  for (const f of failures) (faultMap.get(f.errorKind) ?? faultMap.set(f.errorKind, []).get(f.errorKind)!).push(f.url);
  const columns = await store.snapshots(run.id);
  const verdicts = (await store.verdicts(run.id)).map((v) => JSON.parse(v.verdict) as Verdict);
  // A portal that could not be judged (no 政府信息公开 section found) is a fault of the run, listed with the others.
  for (const v of verdicts) if (v.fault) (faultMap.get(v.fault) ?? faultMap.set(v.fault, []).get(v.fault)!).push(v.homeUrl ?? v.host);
  const docs = await store.documents(run.id);
  const findings = await store.findings(run.id);
  const byDoc = new Map<string, typeof findings>();
  for (const f of findings) (byDoc.get(f.docUrl) ?? byDoc.set(f.docUrl, []).get(f.docUrl)!).push(f);
  const reports: ReportRow[] = docs.map((d) => {
    const fs = byDoc.get(d.url) ?? [];
    return {
      agency: d.agency, year: d.year, url: d.url, host: d.host, kind: d.kind, publishedAt: d.publishedAt, primary: d.isPrimary,
      parseOk: d.parseOk, parseReason: d.parseReason, score: d.score, viaUrl: d.viaUrl, title: d.listTitle,
      errors: fs.filter((f) => f.severity === 'error').length, warnings: fs.filter((f) => f.severity === 'warning').length,
      infos: fs.filter((f) => f.severity === 'info').length, findingIds: [...new Set(fs.map((f) => f.checkId))],
    };
  }).sort((a, b) => (a.agency ?? '').localeCompare(b.agency ?? '') || (a.year ?? 0) - (b.year ?? 0) || a.url.localeCompare(b.url));
  const agencies = new Map<string, Set<number>>();
  for (const r of reports) if (r.primary && r.agency && r.year) (agencies.get(r.agency) ?? agencies.set(r.agency, new Set()).get(r.agency)!).add(r.year);
  const notParsed = new Map<string, number>();
  for (const d of docs) if (!d.parseOk) notParsed.set(d.parseReason ?? '?', (notParsed.get(d.parseReason ?? '?') ?? 0) + 1);
  const attachments = docs.filter((d) => d.viaUrl && !/\.s?html?$/i.test(new URL(d.url).pathname) && d.kind !== 'html');
  const primaryUrls = new Set(docs.filter((d) => d.isPrimary).map((d) => d.url));
  const counts = new Map<string, { checkId: string; severity: string; count: number }>();
  for (const f of findings) {
    if (!primaryUrls.has(f.docUrl)) continue;
    const c = counts.get(f.checkId) ?? { checkId: f.checkId, severity: f.severity, count: 0 };
    c.count++;
    counts.set(f.checkId, c);
  }
  return {
    run, failures,
    frontier: { done: stats.done, failed: stats.failed, skipped: stats.skipped, pending: stats.pending },
    faults: [...faultMap].map(([kind, urls]) => ({ kind, count: urls.length, urls })).sort((a, b) => a.kind.localeCompare(b.kind)),
    portals: verdicts.map((v) => {
      const cols = columns.filter((c) => c.host === v.host && !c.isParent);
      return { ...v, columns: cols.length, items: cols.reduce((s, c) => s + c.itemCount, 0) };
    }),
    columns,
    documents: { total: docs.length, parsed: docs.filter((d) => d.parseOk).length, attachments: attachments.length,
      attachmentsParsed: attachments.filter((d) => d.parseOk).length, notParsed: [...notParsed].map(([reason, count]) => ({ reason, count })) },
    reports,
    agencies: [...agencies].map(([agency, ys]) => ({ agency, years: [...ys].sort() })).sort((a, b) => a.agency.localeCompare(b.agency)),
    findings: [...counts.values()].sort((a, b) => b.count - a.count || a.checkId.localeCompare(b.checkId)),
    statedCounts: await store.statedCounts(run.id),
    health: [...(await siteHealth(store, run)).values()].sort((a, b) => a.host.localeCompare(b.host)),
  };
}
