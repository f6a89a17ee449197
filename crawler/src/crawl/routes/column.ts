/**
 * A column's list page: dated items, further pages (static pagers and the CMS's XHR list API), child
 * columns of a parent column, the column's stated size, and — in the 年报 column — a report task per
 * item. An answer of the XHR list API (a column task marked `api`) gives the same records. A list API
 * the page does not name is never guessed: the page goes to Chromium (a task marked `pager: 'browser'`),
 * whose render drove the page's own pager (`page.walked`); otherwise the reason stays with the column.
 */
import { classifyColumn, decodeBytes } from '@gongkai/shared';
import { isTemplatePlaceholder, listItems, metaContent, needsScript, paginate, parse } from '../../discover/html.js';
import { columnLinks, REPORTS_NAME } from '../../discover/section.js';
import { columnKey, isPageOf } from '../../discover/urls.js';
import { listApi, type ListApiPlan } from '../../discover/list-api.js';
import { apiRecords } from '../../discover/api-records.js';
import type { ListRecord } from '../../discover/records.js';
import type { Pagination, StatedTotals } from '../../discover/pagination.js';
import type { ColumnRef, ColumnTask, ColumnTotal, ItemRow, NewTask, StatedSize } from '../../store/types.js';
import { childTask, inBrowser } from '../tasks.js';
import { walkNote } from '../../fetch/pager-walk.js';
import { htmlOf, type Page, type RouteConfig, type RouteResult } from './common.js';

const MAINTENANCE = /网站维护|系统维护|升级维护|维护中|系统升级/;

export function columnRoute(t: ColumnTask, page: Page, cfg: RouteConfig): RouteResult {
  if (t.meta.column.api) return apiAnswer(t, page, cfg);
  const got = htmlOf(page);
  return 'failed' in got ? got.failed : listPage(t, got.$, got.html, page, cfg);
}

function listPage(t: ColumnTask, $: ReturnType<typeof parse>, html: string, page: Page, cfg: RouteConfig): RouteResult {
  const base = page.url;
  const col = t.meta.column;
  const api = col.page === 0 ? listApi(html, base, cfg.maxPagesPerColumn) : null;
  // Records the page carries inline for its list API (Hanweb's first group) are the list, not the sidebar;
  // in the browser, the later pages its script pager showed follow (fetch/pager-walk.ts).
  const items = withWalked(api?.first.length ? api.first : listItems($, base), page, base);
  const discovered: NewTask[] = [];
  const out: RouteResult = { state: 'done', discovered };
  if (items.length === 0 && MAINTENANCE.test($('title').text() + $('body').text().slice(0, 2000))) {
    // A "网站维护" page (often where migrated columns redirect) says nothing about the column: not empty.
    return { state: 'failed', error: { kind: 'maintenance', message: `${t.url} shows a site-maintenance page${page.url !== t.url ? ` (redirected to ${page.url})` : ''}` } };
  }
  if (items.length === 0 && col.page === 0) {
    // A parent column lists its sub-columns instead of items.
    const kids = columnLinks($, base, new Set([base, new URL('/', base).href, ...(col.parentKey ? [col.parentKey] : [])]))
      .filter((k) => columnKey(k.url) !== col.key && !isAncestorPage(k.url, base));
    const sub = kids.filter((k) => !k.parentUrl || columnKey(k.parentUrl) === col.key);
    if (sub.length > 0 && !needsScript(html)) {
      out.columns = [{ key: col.key, host: new URL(base).host, name: col.name, url: t.url, parentKey: col.parentKey, isReports: col.isReports, isParent: true, category: classifyColumn(col.name, t.url) },
        ...sub.map((k) => ({ key: columnKey(k.url), host: new URL(k.url).host, name: k.name, url: k.url, parentKey: col.key,
          isReports: REPORTS_NAME.test(k.name), isParent: false, category: classifyColumn(k.name, k.url) }))];
      discovered.push(...sub.map((k) => childTask(t, 'column', k.url, { column: { key: columnKey(k.url), name: k.name, parentKey: col.key, page: 0, isReports: REPORTS_NAME.test(k.name) } })));
      return out;
    }
    if (needsScript(html) && !page.rendered && !api?.requests.length) {
      if (cfg.browser === 'never') return { state: 'failed', error: { kind: 'needs-browser', message: `${t.url} builds its list with JavaScript (browser mode is off)` } };
      discovered.push(inBrowser(t, { column: col }));
      return { ...out, error: { kind: 'needs-browser', message: `${t.url} builds its list with JavaScript: rendering it in Chromium` } };
    }
  }
  out.items = items.map((i) => itemOf(col.key, i));
  if (t.depth === 0 && col.page === 0) {
    // A column given as a seed: its name from the page (ColumnName meta, else the title; never a template placeholder).
    const fromTitle = $('title').first().text().split(/\s*[-|_—]\s*/)[0]?.trim();
    const name = metaContent($, 'ColumnName') || (fromTitle && !isTemplatePlaceholder(fromTitle) ? fromTitle : '') || col.name;
    const isReports = col.isReports || REPORTS_NAME.test(name);
    Object.assign(col, { name, isReports });
    out.columns = [{ key: col.key, host: new URL(base).host, name, url: t.url, parentKey: null, isReports, isParent: false, category: classifyColumn(name, t.url) }];
  }
  // Page 0 plans every page it can name, once; a pager with only "下一页" is walked one page at a time.
  const { pages, serial, stated, capped } = planPages($, base, html, col, cfg.maxPagesPerColumn);
  if (col.page === 0) {
    out.columnTotal = columnTotal(col.key, stated, api?.total ?? null, items.length, api?.reason ?? null);
    const script = scriptOnly(t, api, out.columnTotal, items.length, page, cfg);
    if (script.task) discovered.push(script.task);
    out.columnTotal.unreached = script.unreached ?? (capped ? capNote(cfg.maxPagesPerColumn, stated.pages) : null);
  } else if (serial && pages.length > 0 && col.page + 1 >= cfg.maxPagesPerColumn) {
    // A 下一页 walk that reached the cap with a next page still named.
    out.columnTotal = { key: col.key, stated: null, unreached: capNote(cfg.maxPagesPerColumn, null) };
  }
  // Later pages that only the CMS's XHR list API serves: requested directly where the page names it.
  for (const [i, u] of (api?.requests ?? []).entries()) {
    discovered.push(childTask(t, 'column', u, { column: { ...col, page: i + 1, api: api!.family } }));
  }
  if (col.page === 0 || serial) {
    pages.slice(0, cfg.maxPagesPerColumn - 1 - (serial ? col.page : 0)).forEach((u, i) => {
      if (!isPageOf(u, col.key)) return;
      const ref: ColumnRef = serial ? { ...col, page: col.page + 1 } : { ...col, page: i + 1, planned: true };
      discovered.push(childTask(t, 'column', u, { column: ref }));
    });
  }
  if (col.isReports && !cfg.columnsOnly) discovered.push(...reportTasks(t, items, col.key, base));
  // Read in the browser: the row notes the later list pages its script pager showed (the column's `pages` counts them).
  if (col.page === 0 && page.walked) out.error = walkNote(page.walked);
  return out;
}

/** URLs the pagers built in this process (planPages): one column of N pages costs N − 1, not N². */
export const pagerStats = { urlsBuilt: 0, plans: 0 };

/**
 * The column's later pages: planned once, on its first page (every URL its pager names, at most the
 * cap). A page that page 0 planned plans nothing; a page of a 下一页 walk names only its next page
 * (a fuller pager it shows is not rebuilt: at most one URL).
 */
function planPages($: ReturnType<typeof parse>, base: string, html: string, col: ColumnRef, max: number): Pagination {
  if (col.page > 0 && col.planned) return { pages: [], serial: false, stated: { records: null, pages: null, evidence: [] }, capped: false };
  const p = paginate($, base, html, col.page === 0 ? max : 2);
  pagerStats.plans++;
  pagerStats.urlsBuilt += p.pages.length;
  return p;
}

/** The reason a column stopped at the page cap: pages read of pages the pager names (when it says). */
const capNote = (max: number, named: number | null) =>
  `stopped at the page cap (${max} of ${named ?? 'more'} pages)`;

/**
 * What the column's first page says about its size: an exact total (recordCount, 共N条, the API's
 * totalRecord) or, from a page count, the least it implies ((pages − 1) × page size + 1).
 */
function columnTotal(key: string, stated: StatedTotals, apiTotal: { records: number; evidence: string } | null, onPage: number, unreached: string | null): ColumnTotal {
  let size: StatedSize | null = null;
  if (apiTotal) size = { total: apiTotal.records, exact: true, evidence: apiTotal.evidence };
  // A count of more than 15 digits stands as its least value (pagination.ts): a lower bound, not exact.
  else if (stated.records !== null) size = { total: stated.records, exact: !stated.huge, evidence: stated.evidence.join('; ') };
  else if (stated.pages !== null && stated.pages >= 2 && onPage > 0) {
    size = { total: (stated.pages - 1) * onPage + 1, exact: false, evidence: `${stated.pages} pages of ${onPage} (${stated.evidence.join('; ')})` };
  }
  return { key, stated: size, unreached };
}

/** An answer of a column's XHR list API (JSON or Hanweb XML): the same records a list page gives. */
function apiAnswer(t: ColumnTask, page: Page, cfg: RouteConfig): RouteResult {
  const col = t.meta.column;
  const got = apiRecords(decodeBytes(page.bytes, page.contentType).text, col.key);
  if (!got) {
    return { state: 'failed', error: { kind: 'bad-api-answer', message: `${page.url}: the ${col.api} list API answered with neither records nor a total (${page.contentType ?? 'no content type'})` } };
  }
  const out: RouteResult = { state: 'done', discovered: [], items: got.records.map((i) => itemOf(col.key, i)) };
  if (got.total !== null) out.columnTotal = { key: col.key, stated: { total: got.total, exact: true, evidence: `${col.api} answer ${got.evidence}` }, unreached: null };
  if (col.isReports && !cfg.columnsOnly) out.discovered!.push(...reportTasks(t, got.records, col.key, page.url));
  return out;
}

/** The page's own records, then those of each later page its script pager showed in the browser (no repeats). */
function withWalked(first: ListRecord[], page: Page, base: string): ListRecord[] {
  if (!page.walked?.pages.length) return first;
  const seen = new Set(first.map((r) => r.url));
  const out = [...first];
  for (const html of page.walked.pages) {
    for (const r of listItems(parse(html), base)) if (!seen.has(r.url)) { seen.add(r.url); out.push(r); }
  }
  return out;
}

/**
 * A column whose later records only the page's own script reaches (a list API the page's configuration
 * does not name — TRS listModel's endpoint is in the CMS script list2.trsapi): over HTTP nothing is
 * invented — the page goes to Chromium, where its pager is driven; with the browser off, or when the
 * driven pager did not reach everything stated, the reason stays with the column (judged incomplete).
 */
function scriptOnly(t: ColumnTask, api: ListApiPlan | null, total: ColumnTotal, found: number, page: Page, cfg: RouteConfig): { task: NewTask | null; unreached: string | null } {
  // Later records exist when the column states more than it shows, and may exist when it states no total.
  const short = total.stated === null || found < total.stated.total;
  if (!api || api.requests.length || !short) return { task: null, unreached: total.unreached };
  const named = api.endpoint !== null;
  if (page.rendered) {
    const why = page.walked?.stop ?? (page.walked?.capped ? 'the page cap was reached' : null);
    const after = page.walked?.pages.length ? ` after ${page.walked.pages.length} later list page${page.walked.pages.length === 1 ? '' : 's'}` : '';
    return { task: null, unreached: why ? `浏览器中未能读到后续页：${why}${after}${api.reason ? ` (${api.reason})` : ''}` : null };
  }
  if (cfg.browser === 'never') return { task: null, unreached: `${named ? '列表接口的分页参数未在页面配置中给出' : '列表接口未在页面配置中给出'}，浏览器模式未启用${api.reason ? ` (${api.reason})` : ''}` };
  return { task: inBrowser(t, { column: { ...t.meta.column, pager: 'browser' } }), unreached: null };
}

/** A record as the column's stored item: its date and where that date came from (printed, or the URL). */
const itemOf = (key: string, r: ListRecord): ItemRow => ({ columnKey: key, url: r.url, title: r.title, date: r.date, dateSource: r.date ? r.dateSource : null });

const reportTasks = (t: ColumnTask, items: ListRecord[], key: string, via: string): NewTask[] =>
  items.map((i) => childTask(t, 'report', i.url, { report: { title: i.title, date: i.date, via, columnKey: key } }));

const isAncestorPage = (url: string, base: string) => new URL(base).pathname.startsWith(new URL(url).pathname) && new URL(url).pathname.length < new URL(base).pathname.length;
