/**
 * Where an agency's earlier reports are listed on its portal: candidate column pages tried in turn
 * (a hub page that only names the column is followed once), up to three list pages each, Hanweb
 * data-proxy records included. Same origin only; at most ten pages fetched.
 */
import type { Report } from '@gongkai/shared/browser';
import { columnLinks, earlierReportLinks, fetchDocument, nextListPage, reportColumnCandidates, sameOrigin, type ReportLink } from './earlier-years';
import { hanwebRecords } from './hanweb';

const MAX_PAGES = 10;

export async function findEarlierLinks(doc: Document, url: string, report: Report, known: ReadonlySet<number>, max: number): Promise<ReportLink[]> {
  const queue = reportColumnCandidates(doc, url);
  const seen = new Set<string>();
  let fetchedPages = 0;
  while (queue.length && fetchedPages < MAX_PAGES) {
    const column = queue.shift()!;
    if (seen.has(column.href)) continue;
    seen.add(column.href);
    const links: ReportLink[] = [];
    try {
      let page: URL | null = column;
      for (let n = 1; page && n <= 3 && fetchedPages < MAX_PAGES; n++) {
        fetchedPages++;
        const colDoc = await fetchDocument(page, url);
        // A Hanweb column's items are XML records, not links in the page.
        const records = await hanwebRecords(colDoc, page.href).catch(() => null);
        const listed = earlierReportLinks(records ?? colDoc, page.href, Infinity, report.agency);
        if (n === 1 && listed.length === 0) {
          // A hub page: follow the links it gives to the annual-report column first.
          const hubLinks = columnLinks(colDoc).map((h) => sameOrigin(h, page!.href)).filter((u): u is URL => !!u && !seen.has(u.href));
          queue.unshift(...hubLinks);
        }
        links.push(...listed.filter((l) => l.year < report.year! && !links.some((x) => x.year === l.year)));
        const wanted = links.filter((l) => !known.has(l.year)).length;
        page = listed.length === 0 || wanted >= max ? null : nextListPage(colDoc, page, n);
      }
    } catch {
      /* try the next candidate */
    }
    if (links.length) return links;
  }
  return [];
}
