/**
 * What the extension keeps of each checked report, and how it is exported. (Reading imports is in
 * import-parse.ts, used by the options page only, so the lens does not carry the schema code.)
 */
import type { CheckResult, Report as ReportT } from '@gongkai/shared/browser';

export interface Summary { errors: number; warnings: number; infos: number; score: number }

export interface HistoryEntry {
  /**
   * `${site}|${agency}|${year}|${url}` (imports: `import:${site}|…`): two documents of one year are
   * two entries, never one overwriting the other; an import never replaces a copy read on the page.
   */
  id: string;
  /**
   * The origin the report was read on (`https://www.example.gov.cn`), stamped by the background from
   * the page that sent it — never taken from the page. An agency's history is per site.
   */
  site: string;
  agency: string;
  year: number;
  url: string | null;
  /** ISO time of the check (of an import: when it was imported). */
  checkedAt: string;
  /** `page`: read on the page; `fetched`: an earlier year fetched from the same site; `import`: from a file (options page) — used only once linked. */
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

/** An entry's id: imports under `import:<site>`, so an import never replaces a copy read on the page (nor the other way round). */
export function idOf(e: Pick<HistoryEntry, 'site' | 'origin' | 'agency' | 'year' | 'url'>): string {
  return entryId(e.origin === 'import' ? `import:${e.site}` : e.site, e.agency, e.year, e.url);
}

/**
 * What a user's link names (options page): another site's years of the agency (its origin), or
 * imported years (`import:<origin>`, the origin their own URL names — said by the file, not seen).
 */
export function linkKey(e: Pick<HistoryEntry, 'site' | 'origin'>): string {
  return e.origin === 'import' ? `import:${e.site}` : e.site;
}

/** Which copy of a year the checks prefer: read on this site, then read on a linked site, then imported. */
function rank(e: HistoryEntry, site: string): number {
  return e.origin === 'import' ? 0 : e.site === site ? 2 : 1;
}

/**
 * The years the cross-year checks use: one entry per year; the others of that year are kept and
 * listed as not used. Used are the copies read on `site` itself (by the page or fetched from it) and
 * those the user linked to the agency on `site` (`trusted`: link keys, `linkKey`): another site's
 * years, or imported years — an import is never used unlinked, not even under this site's origin.
 * Of one year, a copy read on this site outranks a linked site's, which outranks an import; then
 * the newest check.
 */
export function usableHistory(entries: readonly HistoryEntry[], site: string, agency: string, trusted: readonly string[] = []): { used: HistoryEntry[]; unused: HistoryEntry[] } {
  const links = new Set(trusted);
  const mine = entries.filter((e) => e.agency === agency && ((e.origin !== 'import' && e.site === site) || links.has(linkKey(e))));
  const byYear = new Map<number, HistoryEntry>();
  for (const e of mine) {
    const cur = byYear.get(e.year);
    if (!cur || (rank(e, site) !== rank(cur, site) ? rank(e, site) > rank(cur, site) : e.checkedAt > cur.checkedAt)) byYear.set(e.year, e);
  }
  const used = [...byYear.values()].sort((a, b) => a.year - b.year);
  const usedIds = new Set(used.map((e) => e.id));
  return { used, unused: mine.filter((e) => !usedIds.has(e.id)) };
}

/** A year the checks used that was not read on the page's own site: which copy it is (the panel says so). */
export interface UsedCopy { year: number; site: string; imported: boolean }

/** The used years that are not this site's own copies. */
export function borrowedCopies(used: readonly HistoryEntry[], site: string): UsedCopy[] {
  return used.filter((e) => e.origin === 'import' || e.site !== site).map((e) => ({ year: e.year, site: e.site, imported: e.origin === 'import' }));
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
    id: idOf({ site, origin, agency: report.agency, year: report.year, url: report.source.url }), site, agency: report.agency, year: report.year,
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
