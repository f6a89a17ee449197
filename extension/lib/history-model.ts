/**
 * What the extension keeps of each checked report, and how it is exported. (Reading imports is in
 * import-parse.ts, used by the options page only, so the lens does not carry the schema code.)
 */
import type { CheckResult, Report as ReportT } from '@gongkai/shared/browser';

export interface Summary { errors: number; warnings: number; infos: number; score: number }

export interface HistoryEntry {
  /** `${agency}|${year}` */
  id: string;
  agency: string;
  year: number;
  url: string | null;
  /** ISO time of the check. */
  checkedAt: string;
  origin: 'page' | 'fetched' | 'import';
  report: ReportT;
  summary: Summary | null;
}

export const EXPORT_FORMAT = 'gongkai-lens-history/1';

export function entryId(agency: string, year: number): string {
  return `${agency}|${year}`;
}

export function summarize(result: CheckResult): Summary {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), score: result.score.value };
}

export function toEntry(report: ReportT, result: CheckResult | null, origin: HistoryEntry['origin'], now = new Date()): HistoryEntry | null {
  if (!report.agency || report.year === null) return null;
  return {
    id: entryId(report.agency, report.year), agency: report.agency, year: report.year,
    url: report.source.url, checkedAt: now.toISOString(), origin, report,
    summary: result ? summarize(result) : null,
  };
}

export function exportJson(entries: readonly HistoryEntry[]): string {
  return JSON.stringify({ format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), entries }, null, 1);
}

/** Earlier years of one agency, oldest first, excluding `year` itself. */
export function earlierOf(entries: readonly HistoryEntry[], agency: string, year: number): HistoryEntry[] {
  return entries.filter((e) => e.agency === agency && e.year < year).sort((a, b) => a.year - b.year);
}
