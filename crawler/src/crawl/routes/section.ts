/**
 * A section candidate: the 政府信息公开 section gives the portal's columns; a catalogue built by
 * script is looked at again in Chromium; anything else leads to further candidates (up to a depth).
 */
import { classifyColumn } from '@gongkai/shared';
import { needsScript, type parse } from '../../discover/html.js';
import { columnLinks, isSection, REPORTS_NAME, REPORTS_PATH, sectionCandidates } from '../../discover/section.js';
import { columnKey } from '../../discover/urls.js';
import type { ColumnRow, SectionTask, Task } from '../../store/types.js';
import { childTask, inBrowser } from '../tasks.js';
import { htmlOf, type Page, type RouteConfig, type RouteResult } from './common.js';

export function sectionRoute(t: SectionTask, page: Page, cfg: RouteConfig): RouteResult {
  const got = htmlOf(page);
  if ('failed' in got) return got.failed;
  const { html, $ } = got;
  const base = page.url;
  if (isSection($, base)) return { state: 'done', ...sectionColumns(t, $, base) };
  if (!page.rendered && needsScript(html) && cfg.browser !== 'never') {
    // A disclosure catalogue built by script (Hanweb 信息公开目录 trees): look again in Chromium.
    return { state: 'done', discovered: [inBrowser(t, {})],
      error: { kind: 'needs-browser', message: `${t.url} builds its links with JavaScript: rendering it in Chromium` } };
  }
  if (t.depth >= cfg.maxSectionDepth) return { state: 'done' };
  return { state: 'done', discovered: sectionCandidates($, base).map((u) => childTask(t, 'section', u, {})) };
}

/** The section's columns (nesting gives parents) and a list task for each. */
export function sectionColumns(t: Task, $: ReturnType<typeof parse>, base: string): Omit<RouteResult, 'state'> {
  const found = columnLinks($, base, new Set([base, new URL('/', base).href]));
  const keys = new Map(found.map((f) => [f.url, columnKey(f.url)]));
  const columns: ColumnRow[] = found.map((f) => ({
    key: keys.get(f.url)!, host: new URL(f.url).host, name: f.name, url: f.url,
    parentKey: f.parentUrl && keys.has(f.parentUrl) ? keys.get(f.parentUrl)! : null,
    isReports: REPORTS_NAME.test(f.name) || REPORTS_PATH.test(new URL(f.url).pathname), isParent: false,
    category: classifyColumn(f.name, f.url),
  }));
  for (const c of columns) if (columns.some((k) => k.parentKey === c.key)) c.isParent = true;
  const discovered = columns.map((c) => childTask(t, 'column', c.url, { column: { key: c.key, name: c.name, parentKey: c.parentKey, page: 0, isReports: c.isReports } }));
  return { sectionUrl: base, columns, discovered };
}
