/**
 * A site-search result page for a year missing from the 年报 column: the results that look like that
 * agency's report of that year become report tasks, marked as found by the site search (the result
 * page is their `via`, the query kept with them). Their URLs go through the same scope as any link.
 */
import { searchHits } from '../../discover/site-search.js';
import type { SearchTask } from '../../store/types.js';
import { childTask } from '../tasks.js';
import { htmlOf, type Page, type RouteResult } from './common.js';

export function searchRoute(t: SearchTask, page: Page): RouteResult {
  const got = htmlOf(page);
  if ('failed' in got) return got.failed;
  const { agency, year, query } = t.meta.search;
  const hits = searchHits(got.$, page.url, { agency, year });
  return {
    state: 'done',
    discovered: hits.map((h) => childTask(t, 'report', h.url, { report: { title: h.title, date: h.date, via: page.url, columnKey: null, foundBy: 'site-search', query } })),
  };
}
