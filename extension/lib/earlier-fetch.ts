/**
 * Fetching an agency's earlier years from the portal on demand (the 获取往年报告 button): parsed
 * and checked in the page with the shared library. Part of the tools script (contents/tools.ts),
 * which the lens has injected only when it needs it, so report pages do not carry the parser.
 */
import { parseDom } from '@gongkai/shared/browser';
import type { Report } from '@gongkai/shared/browser';
import { rerun } from './check-page';
import { fetchDocument } from './earlier-years';
import { findEarlierLinks } from './find-earlier';
import { siteOf, toEntry } from './history-model';
import { send } from './messages';

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
