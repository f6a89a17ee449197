/** A portal's home page: the site's name and newest news, and the way to its disclosure section. */
import { listItems, siteName } from '../../discover/html.js';
import { isSection, sectionCandidates } from '../../discover/section.js';
import type { HomeTask } from '../../store/types.js';
import { childTask } from '../tasks.js';
import { htmlOf, type Page, type RouteResult } from './common.js';
import { sectionColumns } from './section.js';

export function homeRoute(t: HomeTask, page: Page): RouteResult {
  const got = htmlOf(page);
  if ('failed' in got) return got.failed;
  const { $ } = got;
  const base = page.url;
  const news = listItems($, base).filter((i) => i.date);
  const newest = news.map((i) => i.date!).sort().at(-1) ?? null;
  const portal = { host: t.meta.portal, name: siteName($), homeUrl: t.url, sectionUrl: null, homeNewest: newest, homeItems: news.length };
  if (isSection($, base)) return { state: 'done', portal, ...sectionColumns(t, $, base) };
  return { state: 'done', portal, discovered: sectionCandidates($, base).map((u) => childTask(t, 'section', u, {})) };
}
