/**
 * What the extension keeps of each checked report, and how it is exported. (Reading imports is in
 * import-parse.ts, used by the options page only, so the lens does not carry the schema code.)
 */
import type { CheckResult, Report as ReportT } from '@gongkai/shared/browser';

export interface Summary { errors: number; warnings: number; infos: number; score: number }

export interface HistoryEntry {
  /** `${site}|${agency}|${year}|${url}`: two documents of one year are two entries, never one overwriting the other. */
  id: string;
  /**
   * The origin the report was read on (`https://www.example.gov.cn`), stamped by the background from
   * the page that sent it — never taken from the page. An agency's history is per site.
   */
  site: string;
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

/** An http(s) URL's origin, or null. */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function entryId(site: string, agency: string, year: number, url: string | null): string {
  return `${site}|${agency}|${year}|${url ?? ''}`;
}

/**
 * The years the cross-year checks use: one entry per year, the most recently checked; the others of
 * that year are kept and listed as not used. `trusted` are the sites whose entries may be used
 * besides `site` (the user linked them in the options page); entries of any other site are ignored.
 */
export function usableHistory(entries: readonly HistoryEntry[], site: string, agency: string, trusted: readonly string[] = []): { used: HistoryEntry[]; unused: HistoryEntry[] } {
  const allowed = new Set([site, ...trusted]);
  const mine = entries.filter((e) => e.agency === agency && allowed.has(e.site));
  const byYear = new Map<number, HistoryEntry>();
  for (const e of mine) {
    const cur = byYear.get(e.year);
    // The site's own report before a linked site's; then the newest check.
    const own = (x: HistoryEntry) => x.site === site;
    if (!cur || (own(e) !== own(cur) ? own(e) : e.checkedAt > cur.checkedAt)) byYear.set(e.year, e);
  }
  const used = [...byYear.values()].sort((a, b) => a.year - b.year);
  const usedIds = new Set(used.map((e) => e.id));
  return { used, unused: mine.filter((e) => !usedIds.has(e.id)) };
}

export function summarize(result: CheckResult): Summary {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), score: result.score.value };
}

/**
 * The entry for a checked report. `site` is where it was read: the background replaces it with the
 * sender's origin for pages; imports use the origin of the report's own URL.
 */
export function toEntry(report: ReportT, result: CheckResult | null, origin: HistoryEntry['origin'], site: string, now = new Date()): HistoryEntry | null {
  if (!report.agency || report.year === null) return null;
  return {
    id: entryId(site, report.agency, report.year, report.source.url), site, agency: report.agency, year: report.year,
    url: report.source.url, checkedAt: now.toISOString(), origin, report,
    summary: result ? summarize(result) : null,
  };
}

export function exportJson(entries: readonly HistoryEntry[]): string {
  return JSON.stringify({ format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), entries }, null, 1);
}

/** Earlier years of one agency on one site, oldest first, excluding `year` itself. */
export function earlierOf(entries: readonly HistoryEntry[], site: string, agency: string, year: number): HistoryEntry[] {
  return entries.filter((e) => e.site === site && e.agency === agency && e.year < year).sort((a, b) => a.year - b.year);
}
