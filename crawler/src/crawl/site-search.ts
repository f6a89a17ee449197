/**
 * The site search as a second way to find reports: once the frontier is exhausted, an agency whose
 * reports stop before the last year due (the `crawl.report-missing` rule, missing.ts) is searched for
 * on its portal's own site search — if the portal's stored home or section page names one
 * (discover/site-search.ts) — one query per missing year (agency + year + 政府信息公开工作年度报告).
 * The queries are `search` tasks like any other: scope, robots.txt and politeness apply, and they are
 * idempotent (the same URL is never queued twice), so planning again after they ran adds nothing.
 */
import { decodeBytes, resolveDeadlines, type Deadlines } from '@gongkai/shared';
import { parse } from '../discover/html.js';
import { reportQuery, searchUrl, siteSearches, type SiteSearch } from '../discover/site-search.js';
import type { BlobStore } from '../store/blobs.js';
import type { NewTaskOf, PortalPageRow, Run, Store, StoredDoc } from '../store/types.js';
import { missingYears } from './missing.js';
import { PRIORITY } from './tasks.js';

const hostOf = (url: string | null): string | null => {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
};

/** The search the portal's pages name first (home before section pages); null when none does. */
async function searchOf(pages: PortalPageRow[], blobs: BlobStore): Promise<SiteSearch | null> {
  for (const p of pages) {
    if (!(await blobs.has(p.sha256))) continue;
    const bytes = await blobs.read(p.sha256);
    const found = siteSearches(parse(decodeBytes(bytes, null).text), p.finalUrl ?? p.url);
    if (found.length) return found[0]!;
  }
  return null;
}

/** The search tasks for the years missing from each portal's 年报 column (at most `maxPerPortal` per portal). */
export async function planSiteSearches(store: Store, blobs: BlobStore, run: Run, maxPerPortal: number): Promise<NewTaskOf<'search'>[]> {
  if (maxPerPortal <= 0) return [];
  const pages = await store.portalPages(run.id);
  if (!pages.length) return [];
  const deadlines = resolveDeadlines(run.options.deadlines as Partial<Deadlines> | undefined);
  const docs = (await store.documents(run.id)).filter((d) => d.parseOk && d.year !== null);
  const out: NewTaskOf<'search'>[] = [];
  for (const portal of new Set(pages.map((p) => p.portal))) {
    // A portal's reports: on its host, or linked from one of its pages (a city column listing a department's).
    const own = (d: StoredDoc) => d.host === portal || hostOf(d.viaUrl) === portal;
    const missing = missingYears(docs.filter(own), run.now, deadlines);
    if (!missing.length) continue;
    const search = await searchOf(pages.filter((p) => p.portal === portal).sort((a, b) => Number(a.kind !== 'home') - Number(b.kind !== 'home')), blobs);
    if (!search) continue;
    const wanted = missing.flatMap((m) => [...m.missing].reverse().map((year) => ({ agency: m.agency, year }))).slice(0, maxPerPortal);
    for (const { agency, year } of wanted) {
      const query = reportQuery(agency, year);
      out.push({ url: searchUrl(search, query), mode: 'http', kind: 'search', priority: PRIORITY.search, depth: 1,
        meta: { portal, search: { agency, year, query, family: search.family, evidence: search.evidence } } });
    }
  }
  return out;
}
