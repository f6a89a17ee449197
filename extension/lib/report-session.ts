/**
 * The report flow of the lens, without UI: check the page, bring in the agency's history, check
 * again with it, store the result; fetch earlier years from the portal on demand.
 */
import { parseDom } from '@gongkai/shared/browser';
import type { Report } from '@gongkai/shared/browser';
import { checkDocument, rerun, type PageCheck } from './check-page';
import { fetchDocument } from './earlier-years';
import { findEarlierLinks } from './find-earlier';
import { siteOf, toEntry, usableHistory, type HistoryEntry } from './history-model';
import { send, type HistoryList } from './messages';
import { timed } from './perf';

/**
 * `history`: the years the cross-year checks used (one per year, this site's or a linked site's);
 * `unused`: other documents of those years that are stored but were not used.
 */
export interface ReportState { check: PageCheck; history: HistoryEntry[]; unused: HistoryEntry[] }

/** The page itself carries a report (tables or most sections), not just a link to one or a list of them. */
export function hasReportBody(r: Report): boolean {
  return r.table2 !== null || r.table3 !== null || r.table4 !== null || r.sections.length >= 3;
}

/** Kept in the history: a report body, or at least sections or figures (free-form reports, seed 004). */
function worthKeeping(r: Report): boolean {
  return hasReportBody(r) || r.sections.length > 0 || r.claims.length > 0;
}

async function historyOf(agency: string, url: string): Promise<{ used: HistoryEntry[]; unused: HistoryEntry[] }> {
  const got = await send<HistoryList | null>({ type: 'history:list', agency });
  if (!got || !Array.isArray(got.entries)) return { used: [], unused: [] };
  return usableHistory(got.entries, got.site ?? siteOf(url) ?? '', agency, got.trusted ?? []);
}

export async function analyzeReport(doc: Document, url: string): Promise<ReportState> {
  let check = await checkDocument(doc, url, []);
  if (!check.ok || !check.report.agency || check.report.year === null || !worthKeeping(check.report)) return { check, history: [], unused: [] };
  const { agency, year } = check.report;
  const all = await historyOf(agency, url);
  const history = all.used.filter((e) => e.year !== year);
  const unused = all.unused.filter((e) => e.year !== year);
  const base = check.report;
  const anchors = check.anchors;
  if (history.some((e) => e.year < year)) check = timed('recheck', () => rerun(base, history.map((e) => e.report), undefined, anchors));
  if (check.ok) {
    // The site is stamped by the background from the sender; the value here is only a placeholder.
    const entry = timed('entry', () => toEntry(check.report, check.result, 'page', siteOf(url) ?? ''));
    if (entry) await send({ type: 'history:put', entry });
  }
  return { check, history, unused };
}

export interface FetchOutcome { fetched: number; tried: number; message: { zh: string; en: string } }

/** Fetches up to `max` earlier years of the same agency (not `known` already) from the portal's annual-report column. */
export async function fetchEarlierYears(doc: Document, url: string, report: Report, known: ReadonlySet<number> = new Set(), max = 4): Promise<FetchOutcome> {
  const none = (zh: string, en: string): FetchOutcome => ({ fetched: 0, tried: 0, message: { zh, en } });
  if (!report.agency || report.year === null) return none('缺少机关或年度', 'agency or year unknown');
  let links = await findEarlierLinks(doc, url, report, known, max);
  if (!links.length) return none('在本网站年报栏目中未找到往年报告', 'no earlier reports found in the portal\'s annual-report column');
  links = links.filter((l) => !known.has(l.year)).sort((a, b) => b.year - a.year).slice(0, max);
  if (!links.length) return none('往年报告均已保存', 'every earlier report listed is stored already');
  let fetched = 0;
  for (const [i, link] of links.entries()) {
    // Politely spaced: portals' firewalls answer bursts with 403/412.
    if (i > 0) await new Promise((r) => setTimeout(r, 300));
    try {
      const d = await fetchDocument(link.url, url);
      const parsed = parseDom(d, { url: link.url.href });
      if (!parsed.ok) continue;
      const r: Report = { ...parsed.report, agency: parsed.report.agency ?? report.agency, year: parsed.report.year ?? link.year };
      if (r.agency !== report.agency) continue;
      const c = rerun(r, []);
      const entry = toEntry(r, c.ok ? c.result : null, 'fetched', siteOf(url) ?? '');
      if (entry && (await send<boolean>({ type: 'history:put', entry }))) fetched++;
    } catch {
      /* one bad page does not stop the others */
    }
  }
  return {
    fetched, tried: links.length,
    message: { zh: `已获取 ${fetched} / ${links.length} 份往年报告`, en: `fetched ${fetched} of ${links.length} earlier reports` },
  };
}
