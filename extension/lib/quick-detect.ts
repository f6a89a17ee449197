/**
 * The gate's first look at a page: cheap tests only (title, a few selectors, the URL), so a page
 * that is none of ours costs next to nothing. The full report detection (`isLikelyReportPage` of
 * @gongkai/shared) runs later, in the lens, only when this says "maybe".
 *
 * Deliberately free of imports: the gate bundle must stay tiny.
 *
 * What the look costs on a page that is none of ours is mostly first uses in the gate's fresh
 * isolated world (the document's wrapper, the first element wrapper, the first walk of a long
 * page), so the tests are written to create as few of them as possible (measured with
 * test/bench/_gate-lab.ts and _gate-variants.ts; figures in docs/extension.md):
 * - one selector per `querySelector`, each with a tag or a class on its right: Blink then tests
 *   only the elements with that tag or class; a selector list is tried selector by selector on
 *   every element of the page (a 4-selector list cost 15× one selector on a page of 1500 ¶);
 * - a query that finds nothing creates no element wrapper, so the tests that need an element's
 *   text first ask whether there is one worth reading.
 */

export interface PageKinds {
  /** Title or heading names an annual disclosure report. */
  report: boolean;
  /** Looks like a column's list page (dated list items, list-page URL). */
  column: boolean;
  /** Links to PDF/DOC/DOCX/WPS files. */
  attachments: boolean;
}

const REPORT_TITLE = /(政府)?信息公开(工作)?年度报告|信息公开年报|政务公开.{0,6}年度报告|年度报告.{0,4}信息公开/;
/** What makes a link an attachment link (each goes after `a`). */
const LINK_TESTS = [
  '[href$=".pdf" i]', '[href$=".doc" i]', '[href$=".docx" i]', '[href$=".wps" i]', '[href*=".pdf?" i]',
  '[href*="viewer.html?file=" i]', '[onclick*=".pdf" i]', '[onclick*=".doc" i]', '[onclick*=".wps" i]',
  '[href^="javascript:" i][href*=".pdf" i]', '[href^="javascript:" i][href*=".doc" i]', '[href^="javascript:" i][href*=".wps" i]',
];
const EMBED_SELECTORS = ['iframe[src*=".pdf" i]', 'embed[src*=".pdf" i]', 'object[data*=".pdf" i]'];
const A_SELECTOR = LINK_TESTS.map((t) => `a${t}`).join(',');
const EMBED_SELECTOR = EMBED_SELECTORS.join(',');
const ATTACHMENT_SELECTOR = `${A_SELECTOR},${EMBED_SELECTOR}`;
/** The same links as A_SELECTOR, as one selector with `a` on its right (see the header). */
const LINK_QUERY = `a:is(${LINK_TESTS.join(',')})`;
const LIST_URL = /\/(index(_\d+)?\.s?html?|column-index-\d+\.shtml|list(_\d+)?\.s?html?)?$/i;
/** Containers of a column's list (ul.list is a .list). */
const LIST_CLASSES = ['.list', '.xxgk_list', '.zfxxgk_list', '.empty', '.no-data'];
const HEADINGS = ['h1', 'h2', '.title', '.article-title'];
const DATE = /(19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}/;
const TABLE_LABELS = /本年新收|上年结转政府信息公开申请|第二十条第（一）项|结果维持/;
/**
 * A table that carries a label has two cells at least (the label and its figure, or a header): two
 * rows, or two cells side by side in a table with no table inside (a layout table's row is a
 * menu beside the page; layout tables hold no labels of their own).
 */
const TWO_CELLS = ['tr ~ tr', 'table:not(:has(table)) td ~ td'];

const found = (doc: Document, selector: string) => doc.querySelector(selector) !== null;

/** The first of h1, h2, .title, .article-title in document order (as one `querySelector` of the list would give). */
export function firstHeading(doc: Document): Element | null {
  let first: Element | null = null;
  for (const s of HEADINGS) {
    const el = doc.querySelector(s);
    // 2: DOCUMENT_POSITION_PRECEDING (the `Node` global is one more thing to set up).
    if (el && (!first || first.compareDocumentPosition(el) & 2)) first = el;
  }
  return first;
}

/** True when the title or the first heading names an annual report. */
export function titleLooksLikeReport(doc: Document): boolean {
  if (REPORT_TITLE.test(doc.title)) return true;
  const h = firstHeading(doc);
  return !!h && REPORT_TITLE.test(h.textContent ?? '');
}

/** Whether some table could carry a label (TWO_CELLS); a browser without `:has()` says yes. */
function labelTableCandidate(doc: Document): boolean {
  try {
    return TWO_CELLS.some((s) => found(doc, s));
  } catch {
    return true;
  }
}

/**
 * A table carrying one of the standard labels (titles that do not name the report, e.g. "2020年度报告"),
 * even split across elements inside its cell, in one of the page's first 12 tables that hold no
 * table (first 80 cells each). Live collections are read by index only (asking their length counts
 * the whole page).
 */
export function tableLooksLikeReport(doc: Document): boolean {
  if (!labelTableCandidate(doc)) return false;
  const tables = doc.getElementsByTagName('table');
  let seen = 0;
  for (let t = 0; seen < 12; t++) {
    const table = tables[t];
    if (!table) break;
    // Layout tables (old CMS templates nest the whole page in one) hold no labels of their own;
    // a table holds another one when the next table in document order is inside it.
    const next = tables[t + 1];
    if (next && table.contains(next)) continue;
    seen++;
    const cells = table.getElementsByTagName('td');
    for (let i = 0; i < 80; i++) {
      const cell = cells[i];
      if (!cell) break;
      const text = cell.textContent ?? '';
      if (text.length < 200 && TABLE_LABELS.test(text)) return true;
    }
  }
  return false;
}

/** Counts list entries that carry a date, stopping early once `enough` are seen. */
export function datedListEntries(doc: Document, enough = 3): number {
  // Only list entries with a link count: none on the page, no entry to read.
  if (!found(doc, 'li a')) return 0;
  const items = doc.getElementsByTagName('li');
  let n = 0;
  // The last list read whose text has no date: none of its entries (menus, mostly) can have one.
  let undated: Element | null = null;
  let dated: Element | null = null;
  for (let i = 0; i < 400; i++) {
    const li = items[i];
    if (!li) break;
    if (undated?.contains(li)) continue;
    const list = li.parentElement;
    if (list && list !== dated) {
      if (!DATE.test(list.textContent ?? '')) { undated = list; continue; }
      dated = list;
    }
    if (li.querySelector('a') && DATE.test(li.textContent ?? '')) n++;
    if (n >= enough) break;
  }
  return n;
}

/** Whether the page links an attachment or embeds a PDF (as `attachmentElements(doc, 1).length > 0`). */
export function hasAttachments(doc: Document): boolean {
  // `a:is(…)` tests every element for its tag first; a page without links answers `a` sooner.
  if (found(doc, 'a') && found(doc, LINK_QUERY)) return true;
  return EMBED_SELECTORS.some((s) => found(doc, s));
}

/**
 * The page's attachment links and embedded PDFs, in document order, at most `max`. Walks the page's
 * <a>, <iframe>, <embed> and <object> elements only (a selector list over every element of a huge page costs far more).
 */
export function attachmentElements(doc: Document, max = 50): Element[] {
  const out: Element[] = [];
  const links = doc.getElementsByTagName('a');
  for (let i = 0; out.length < max; i++) {
    const a = links[i];
    if (!a) break;
    if (a.matches(A_SELECTOR)) out.push(a);
  }
  for (const tag of ['iframe', 'embed', 'object']) {
    const els = doc.getElementsByTagName(tag);
    for (let i = 0; out.length < max; i++) {
      const el = els[i];
      if (!el) break;
      if (el.matches(EMBED_SELECTOR)) out.push(el);
    }
  }
  return out.length > 1 ? out.sort((x, y) => (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)) : out;
}

/** The path of an absolute URL, read off the string (as `new URL(url).pathname` for the URLs a page has). */
function urlPath(url: string): string | null {
  const m = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return m ? m[1] || '/' : null;
}

/** A URL shaped like a list page (index.html, index_N.html, column-index-N.shtml, a folder). */
export function listPageUrl(url: string): boolean {
  const path = urlPath(url);
  return path !== null && LIST_URL.test(path);
}

function looksLikeColumn(doc: Document, url: string): boolean {
  return datedListEntries(doc) >= 3 || (listPageUrl(url) && LIST_CLASSES.some((s) => found(doc, s)));
}

export function quickClassify(doc: Document, url: string): PageKinds {
  const report = titleLooksLikeReport(doc) || tableLooksLikeReport(doc);
  return { report, column: looksLikeColumn(doc, url), attachments: hasAttachments(doc) };
}

/** `anyKind(quickClassify(doc, url))`, stopping at the first yes (the gate's question). */
export function quickLook(doc: Document, url: string): boolean {
  return titleLooksLikeReport(doc) || hasAttachments(doc) || tableLooksLikeReport(doc) || looksLikeColumn(doc, url);
}

export function anyKind(k: PageKinds): boolean {
  return k.report || k.column || k.attachments;
}

export { ATTACHMENT_SELECTOR };
