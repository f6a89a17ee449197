/**
 * What a fetched page means for the crawl, by task kind: a home page gives the portal and the way to
 * the disclosure section; a section gives columns; a column page gives dated items, further pages,
 * child columns and (in the 年报 column) report tasks; a report gives a stored, parsed document and
 * its attachments. Pure over its inputs: the crawl loop stores the outcome atomically.
 */
import { classifyColumn, decodeBytes, sniffKind, type Report } from '@gongkai/shared';
import { parseBytes, type ParseResult } from '@gongkai/shared/node';
import { attachments, listItems, needsScript, paginate, parse, siteName } from '../discover/html.js';
import { columnLinks, isSection, REPORTS_NAME, REPORTS_PATH, sectionCandidates } from '../discover/section.js';
import { columnKey, dateFromUrl, findDate, titleFacts } from '../discover/urls.js';
import { listApi } from '../discover/list-api.js';
import { apiRecords } from '../discover/api-records.js';
import type { ListRecord } from '../discover/records.js';
import type { StatedTotals } from '../discover/pagination.js';
import type { ColumnRef, ColumnRow, ColumnTotal, DocRow, NewTask, Outcome, StatedSize, Task } from '../store/types.js';

export interface Page { url: string; bytes: Buffer; contentType: string | null; sha256: string; rendered: boolean }
export interface HandlerOptions { browser: 'auto' | 'always' | 'never'; maxPagesPerColumn: number; ocr: boolean; columnsOnly: boolean }

type Result = Pick<Outcome, 'discovered' | 'portal' | 'sectionUrl' | 'columns' | 'items' | 'document' | 'error' | 'state' | 'columnTotal'>;

const MAINTENANCE = /网站维护|系统维护|升级维护|维护中|系统升级/;
const PRIORITY: Record<Task['kind'], number> = { home: 0, section: 1, column: 2, report: 3, attachment: 4 };
const task = (from: Task, kind: Task['kind'], url: string, meta: Partial<Task['meta']>, mode: Task['mode'] = 'http'): NewTask =>
  ({ url, mode, kind, priority: PRIORITY[kind], depth: from.depth + 1, meta: { portal: from.meta.portal, ...meta } });

export async function handle(t: Task, page: Page, opts: HandlerOptions): Promise<Result> {
  const kind = sniffKind(page.bytes);
  if (t.kind === 'report' || t.kind === 'attachment') return handleDocument(t, page, kind, opts);
  if (t.kind === 'column' && t.meta.column?.api) return apiResult(t, page, opts);
  if (kind !== 'html' && kind !== 'text') {
    return { state: 'failed', error: { kind: 'not-html', message: `Expected an HTML page at ${page.url}, got ${kind}` } };
  }
  const html = decodeBytes(page.bytes, page.contentType).text;
  const $ = parse(html);
  const base = page.url;
  if (t.kind === 'home') {
    const news = listItems($, base).filter((i) => i.date);
    const newest = news.map((i) => i.date!).sort().at(-1) ?? null;
    const portal = { host: t.meta.portal, name: siteName($), homeUrl: t.url, sectionUrl: null, homeNewest: newest, homeItems: news.length };
    if (isSection($, base)) return { state: 'done', portal, ...sectionResult(t, $, base) };
    return { state: 'done', portal, discovered: sectionCandidates($, base).map((u) => task(t, 'section', u, {})) };
  }
  if (t.kind === 'section') {
    if (isSection($, base)) return { state: 'done', ...sectionResult(t, $, base) };
    if (!page.rendered && needsScript(html) && opts.browser !== 'never') {
      // A disclosure catalogue built by script (Hanweb 信息公开目录 trees): look again in Chromium.
      return { state: 'done', discovered: [{ ...task(t, 'section', t.url, {}, 'browser'), depth: t.depth }],
        error: { kind: 'needs-browser', message: `${t.url} builds its links with JavaScript: rendering it in Chromium` } };
    }
    if (t.depth >= 3) return { state: 'done' };
    return { state: 'done', discovered: sectionCandidates($, base).map((u) => task(t, 'section', u, {})) };
  }
  return columnResult(t, $, base, html, page, opts);
}

function sectionResult(t: Task, $: ReturnType<typeof parse>, base: string): Omit<Result, 'state'> {
  const found = columnLinks($, base, new Set([base, new URL('/', base).href]));
  const keys = new Map(found.map((f) => [f.url, columnKey(f.url)]));
  const columns: ColumnRow[] = found.map((f) => ({
    key: keys.get(f.url)!, host: new URL(f.url).host, name: f.name, url: f.url,
    parentKey: f.parentUrl && keys.has(f.parentUrl) ? keys.get(f.parentUrl)! : null,
    isReports: REPORTS_NAME.test(f.name) || REPORTS_PATH.test(new URL(f.url).pathname), isParent: false,
    category: classifyColumn(f.name, f.url),
  }));
  for (const c of columns) if (columns.some((k) => k.parentKey === c.key)) c.isParent = true;
  const discovered = columns.map((c) => task(t, 'column', c.url, { column: { key: c.key, name: c.name, parentKey: c.parentKey, page: 0, isReports: c.isReports } }));
  return { sectionUrl: base, columns, discovered };
}

function columnResult(t: Task, $: ReturnType<typeof parse>, base: string, html: string, page: Page, opts: HandlerOptions): Result {
  const col = t.meta.column!;
  const api = col.page === 0 ? listApi(html, base, opts.maxPagesPerColumn) : null;
  // Records the page carries inline for its list API (Hanweb's first group) are the list, not the sidebar.
  const items = api?.first.length ? api.first : listItems($, base);
  const discovered: NewTask[] = [];
  const out: Result = { state: 'done', discovered };
  if (items.length === 0 && MAINTENANCE.test($('title').text() + $('body').text().slice(0, 2000))) {
    // A "网站维护" page (often where migrated columns redirect) says nothing about the column: not empty.
    return { state: 'failed', error: { kind: 'maintenance', message: `${t.url} shows a site-maintenance page${page.url !== t.url ? ` (redirected to ${page.url})` : ''}` } };
  }
  if (items.length === 0 && col.page === 0) {
    // A parent column lists its sub-columns instead of items.
    const kids = columnLinks($, base, new Set([base, new URL('/', base).href, ...(t.meta.column?.parentKey ? [t.meta.column.parentKey] : [])]))
      .filter((k) => columnKey(k.url) !== col.key && !isAncestorPage(k.url, base));
    const sub = kids.filter((k) => !k.parentUrl || columnKey(k.parentUrl) === col.key);
    if (sub.length > 0 && !needsScript(html)) {
      out.columns = [{ key: col.key, host: new URL(base).host, name: col.name, url: t.url, parentKey: col.parentKey, isReports: col.isReports, isParent: true, category: classifyColumn(col.name, t.url) },
        ...sub.map((k) => ({ key: columnKey(k.url), host: new URL(k.url).host, name: k.name, url: k.url, parentKey: col.key,
          isReports: REPORTS_NAME.test(k.name), isParent: false, category: classifyColumn(k.name, k.url) }))];
      discovered.push(...sub.map((k) => task(t, 'column', k.url, { column: { key: columnKey(k.url), name: k.name, parentKey: col.key, page: 0, isReports: REPORTS_NAME.test(k.name) } })));
      return out;
    }
    if (needsScript(html) && !page.rendered && !api?.requests.length) {
      if (opts.browser === 'never') return { state: 'failed', error: { kind: 'needs-browser', message: `${t.url} builds its list with JavaScript (browser mode is off)` } };
      discovered.push({ ...task(t, 'column', t.url, { column: col }, 'browser'), depth: t.depth, priority: PRIORITY.column });
      return { ...out, error: { kind: 'needs-browser', message: `${t.url} builds its list with JavaScript: rendering it in Chromium` } };
    }
  }
  out.items = items.map((i) => ({ columnKey: col.key, url: i.url, title: i.title, date: i.date }));
  if (t.depth === 0 && col.page === 0) {
    // A column given as a seed: its name from the page (ColumnName meta, else the title).
    const name = $('meta[name="ColumnName"]').attr('content')?.trim() || $('title').text().split(/\s*[-|_—]\s*/)[0]?.trim() || col.name;
    const isReports = col.isReports || REPORTS_NAME.test(name);
    Object.assign(col, { name, isReports });
    out.columns = [{ key: col.key, host: new URL(base).host, name, url: t.url, parentKey: null, isReports, isParent: false, category: classifyColumn(name, t.url) }];
  }
  // Page 0 generates every page it can name; a pager with only "下一页" is walked one page at a time.
  const { pages, serial, stated } = paginate($, base, html, opts.maxPagesPerColumn);
  if (col.page === 0) out.columnTotal = columnTotal(col.key, stated, api?.total ?? null, items.length, api?.reason ?? null);
  // Later pages that only the CMS's XHR list API serves: requested directly where the page names it.
  for (const [i, u] of (api?.requests ?? []).entries()) {
    discovered.push(task(t, 'column', u, { column: { ...col, page: i + 1, api: api!.family } }));
  }
  if (col.page === 0 || serial) {
    pages.slice(0, opts.maxPagesPerColumn - 1 - (serial ? col.page : 0)).forEach((u, i) => {
      if (columnKey(u) !== col.key) return;
      const ref: ColumnRef = { ...col, page: serial ? col.page + 1 : i + 1 };
      discovered.push(task(t, 'column', u, { column: ref }));
    });
  }
  if (col.isReports && !opts.columnsOnly) {
    discovered.push(...reportTasks(t, items, col.key, base));
  }
  return out;
}

/**
 * What the column's first page says about its size: an exact total (recordCount, 共N条, the API's
 * totalRecord) or, from a page count, the least it implies ((pages − 1) × page size + 1).
 */
function columnTotal(key: string, stated: StatedTotals, apiTotal: { records: number; evidence: string } | null, onPage: number, unreached: string | null): ColumnTotal {
  let size: StatedSize | null = null;
  if (apiTotal) size = { total: apiTotal.records, exact: true, evidence: apiTotal.evidence };
  else if (stated.records !== null) size = { total: stated.records, exact: true, evidence: stated.evidence.join('; ') };
  else if (stated.pages !== null && stated.pages >= 2 && onPage > 0) {
    size = { total: (stated.pages - 1) * onPage + 1, exact: false, evidence: `${stated.pages} pages of ${onPage} (${stated.evidence.join('; ')})` };
  }
  return { key, stated: size, unreached };
}

/** An answer of a column's XHR list API (JSON or Hanweb XML): the same records a list page gives. */
function apiResult(t: Task, page: Page, opts: HandlerOptions): Result {
  const col = t.meta.column!;
  const got = apiRecords(decodeBytes(page.bytes, page.contentType).text, col.key);
  if (!got) {
    return { state: 'failed', error: { kind: 'bad-api-answer', message: `${page.url}: the ${col.api} list API answered with neither records nor a total (${page.contentType ?? 'no content type'})` } };
  }
  const out: Result = { state: 'done', discovered: [], items: got.records.map((i) => ({ columnKey: col.key, url: i.url, title: i.title, date: i.date })) };
  if (got.total !== null) out.columnTotal = { key: col.key, stated: { total: got.total, exact: true, evidence: `${col.api} answer ${got.evidence}` }, unreached: null };
  if (col.isReports && !opts.columnsOnly) out.discovered!.push(...reportTasks(t, got.records, col.key, page.url));
  return out;
}

const reportTasks = (t: Task, items: ListRecord[], key: string, via: string): NewTask[] =>
  items.map((i) => task(t, 'report', i.url, { report: { title: i.title, date: i.date, via, columnKey: key } }));

const isAncestorPage = (url: string, base: string) => new URL(base).pathname.startsWith(new URL(url).pathname) && new URL(url).pathname.length < new URL(base).pathname.length;

async function handleDocument(t: Task, page: Page, kind: string, opts: HandlerOptions): Promise<Result> {
  const r = t.meta.report ?? { title: null, date: null, via: null, columnKey: null };
  const facts = titleFacts(r.title);
  const discovered: NewTask[] = [];
  let publishedAt = r.date ?? dateFromUrl(page.url);
  if (kind === 'html' && t.kind === 'report') {
    const $ = parse(decodeBytes(page.bytes, page.contentType).text);
    publishedAt ??= findDate($('.xxgk-meta, .article-info, .info, .date').text());
    for (const a of attachments($, page.url)) {
      discovered.push(task(t, 'attachment', a.url, { report: { title: r.title ?? a.text, date: publishedAt, via: page.url, columnKey: r.columnKey } }));
    }
  }
  const name = decodeURIComponent(new URL(page.url).pathname.split('/').pop() ?? '') || null;
  // pdf.js refuses Node Buffers: hand the parser a plain Uint8Array copy.
  const parsed = await parseBytes(new Uint8Array(page.bytes), { url: page.url, name, contentType: page.contentType, publishedAt, agency: facts.agency, ocr: opts.ocr });
  const { report, reason, message } = interpret(parsed, kind, discovered.length, opts.ocr);
  const document: DocRow = {
    url: page.url, viaUrl: r.via, host: new URL(page.url).host, listTitle: r.title,
    agency: facts.agency ?? report?.agency ?? null, year: report?.year ?? facts.year,
    publishedAt: report?.publishedAt ?? publishedAt, contentType: page.contentType, kind,
    sha256: page.sha256, parseOk: !!report, parseReason: reason, parseMessage: message,
    report: report ? JSON.stringify(report) : null,
  };
  return { state: 'done', document, discovered };
}

/**
 * What a parse result means for the crawl: an article whose body only links the report's files is a
 * wrapper, not a report of its own; a PDF without text read with OCR off is a scan, not "empty".
 */
export function interpret(parsed: ParseResult, kind: string, attachments: number, ocr: boolean): { report: Report | null; reason: string | null; message: string | null } {
  if (parsed.ok) {
    const r = parsed.report;
    if (attachments > 0 && !r.table2 && !r.table3 && !r.table4 && r.sections.length <= 1) {
      return { report: null, reason: 'attachment-wrapper', message: `Article that links ${attachments} attachment(s) of the report` };
    }
    return { report: r, reason: null, message: null };
  }
  if (parsed.reason === 'not-a-report' && attachments > 0) {
    return { report: null, reason: 'attachment-wrapper', message: `Article that links ${attachments} attachment(s) of the report` };
  }
  if (parsed.reason === 'needs-ocr' || (parsed.reason === 'empty' && kind === 'pdf' && !ocr)) {
    return { report: null, reason: 'scanned-needs-ocr', message: 'A scanned PDF (no text layer): run with --ocr to read it' };
  }
  return { report: null, reason: parsed.reason, message: parsed.message.en };
}
