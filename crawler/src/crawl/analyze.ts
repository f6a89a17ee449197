/**
 * After fetching: column snapshots and portal verdicts, then every stored report parsed and checked,
 * cross-year checks taking the same agency's other years as history, and the reports' stated counts
 * (what a report says it published) compared with the crawl. Rerunnable from stored data alone (`reparse` re-reads the raw blobs).
 */
import { checkReport, resolveDeadlines, toContract, type Deadlines, type Report } from '@gongkai/shared';
import { parseBytes } from '@gongkai/shared/node';
import type { DocAnalysis, FindingRow, Run, StatedCountRow, Store, StoredDoc } from '../store/types.js';
import { BlobStore } from '../store/blobs.js';
import { buildSnapshots } from '../columns/snapshot.js';
import { judgePortal } from '../columns/verdict.js';
import { extractStatedCounts, foundFor } from '../columns/stated-counts.js';
import { interpret } from './routes/document.js';
import { reportMissingFindings } from './missing.js';

export interface AnalysisSummary {
  documents: number; parsed: number; reports: number; findings: number; portals: number; failedPortals: number;
  /** Reparse only: URLs of documents whose raw file is not in the blob store (their earlier parse is kept). */
  missingBlobs: string[];
}

const KIND_RANK: Record<string, number> = { html: 0, docx: 1, pdf: 2, doc: 3, text: 4, image: 5 };

function rank(d: StoredDoc, r: Report): number {
  return (r.table3 ? 0 : 100) + (r.table2 ? 0 : 10) + (KIND_RANK[d.kind ?? ''] ?? 9) - r.sections.length * 0.01;
}

/**
 * `deadlines` (Article 49, MM-DD) override the national dates for timeliness.deadline and
 * crawl.report-missing; without them the run's own (`crawl({ deadlines })`, kept in the run's options) apply.
 */
export async function analyze(store: Store, run: Run, opts: { reparse?: BlobStore; ocr?: boolean; deadlines?: Partial<Deadlines> } = {}): Promise<AnalysisSummary> {
  const deadlines = resolveDeadlines(opts.deadlines ?? (run.options.deadlines as Partial<Deadlines> | undefined));
  // Columns: snapshot and verdicts.
  const snaps = buildSnapshots(run.id, await store.columnRows(run.id), await store.columnItems(run.id), await store.columnStatus(run.id));
  await store.saveSnapshots(run.id, snaps);
  const portals = await store.portals(run.id);
  const verdicts = portals.map((p) => judgePortal(p, snaps.filter((s) => s.host === p.host), run.now));

  // Reports: parse (again, if asked), pick one primary document per agency and year, check.
  const docs = await store.documents(run.id);
  const updates: DocAnalysis[] = [];
  const parsed = new Map<string, Report>();
  const missingBlobs: string[] = [];
  for (const d of docs) {
    let report: Report | null = d.report ? (JSON.parse(d.report) as Report) : null;
    const u: (typeof updates)[number] = { url: d.url, isPrimary: false, score: null, agency: d.agency, year: d.year };
    if (opts.reparse && !(await opts.reparse.has(d.sha256))) missingBlobs.push(d.url);
    else if (opts.reparse) {
      const res = await parseBytes(new Uint8Array(opts.reparse.get(d.sha256)), { url: d.url, contentType: d.contentType, publishedAt: d.publishedAt, agency: d.agency, ocr: opts.ocr ?? false });
      const seen = interpret(res, docs.filter((x) => x.viaUrl === d.url).length);
      report = seen.report;
      Object.assign(u, { report: report ? JSON.stringify(report) : null, parseOk: !!report, parseReason: seen.reason, parseMessage: seen.message });
    }
    if (report) {
      u.agency = d.agency ?? report.agency;
      u.year = report.year ?? d.year;
      parsed.set(d.url, report);
    }
    updates.push(u);
  }
  const key = (u: (typeof updates)[number]) => `${u.agency ?? '?'}|${u.year ?? '?'}`;
  const best = new Map<string, (typeof updates)[number]>();
  for (const u of updates) {
    const r = parsed.get(u.url);
    if (!r || u.year === null) continue;
    const d = docs.find((x) => x.url === u.url)!;
    const cur = best.get(key(u));
    if (!cur || rank(d, r) < rank(docs.find((x) => x.url === cur.url)!, parsed.get(cur.url)!)) best.set(key(u), u);
  }
  for (const u of best.values()) u.isPrimary = true;
  const primaries = [...best.values()];

  const findings: FindingRow[] = [];
  for (const u of updates) {
    const r = parsed.get(u.url);
    if (!r) continue;
    const history = primaries.filter((p) => p.agency === u.agency && p.year !== u.year).map((p) => parsed.get(p.url)!);
    const checked = { ...r, agency: u.agency ?? r.agency };
    const res = checkReport(checked, { history, today: run.now, deadlines });
    u.score = res.score.value;
    u.contract = JSON.stringify(toContract(checked, res));
    res.findings.forEach((f, n) => findings.push({ docUrl: u.url, n, checkId: f.id, severity: f.severity, messageZh: f.message.zh, messageEn: f.message.en, evidence: JSON.stringify(f.evidence) }));
  }
  // Years the column should have but does not: after the agency's latest report, every year whose deadline has passed.
  findings.push(...reportMissingFindings(primaries, run.now, deadlines));

  // The reports' stated counts against the crawl.
  const statedCounts: StatedCountRow[] = [];
  for (const p of primaries) {
    const r = parsed.get(p.url)!;
    const host = docs.find((d) => d.url === p.url)!.host;
    const text = [r.title ?? '', ...r.sections.map((s) => s.text)].join('\n');
    for (const c of extractStatedCounts(text)) {
      const f = foundFor(c, p.year!, snaps.filter((s) => s.host === host));
      statedCounts.push({ docUrl: p.url, label: c.label, agency: p.agency, year: p.year, stated: c.stated, found: f.found, columnKey: f.columnKey }); // found null: cannot compare
    }
  }

  await store.saveAnalysis(run.id, updates, findings, statedCounts, verdicts.map((v) => ({ host: v.host, passed: v.passed, verdict: JSON.stringify(v) })));
  return {
    documents: docs.length, parsed: parsed.size, reports: primaries.length, findings: findings.length,
    portals: verdicts.length, failedPortals: verdicts.filter((v) => v.judged && !v.passed).length, missingBlobs,
  };
}
