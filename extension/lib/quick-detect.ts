/**
 * The gate's first look at a page: cheap tests only (title, a few selectors, the URL), so a page
 * that is none of ours costs next to nothing. The full report detection (`isLikelyReportPage` of
 * @gongkai/shared) runs later, in the lens, only when this says "maybe".
 *
 * Deliberately free of imports: the gate bundle must stay tiny.
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
const ATTACHMENT_SELECTOR = [
  'a[href$=".pdf" i]', 'a[href$=".doc" i]', 'a[href$=".docx" i]', 'a[href$=".wps" i]', 'a[href*=".pdf?" i]',
  'a[href*="viewer.html?file=" i]', 'a[onclick*=".pdf" i]', 'a[onclick*=".doc" i]', 'a[onclick*=".wps" i]',
  'a[href^="javascript:" i][href*=".pdf" i]', 'a[href^="javascript:" i][href*=".doc" i]', 'a[href^="javascript:" i][href*=".wps" i]',
  'iframe[src*=".pdf" i]', 'embed[src*=".pdf" i]', 'object[data*=".pdf" i]',
].join(',');
const LIST_URL = /\/(index(_\d+)?\.s?html?|column-index-\d+\.shtml|list(_\d+)?\.s?html?)?$/i;
const DATE = /(19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}/;

/** True when the title or the first heading names an annual report. */
export function titleLooksLikeReport(doc: Document): boolean {
  if (REPORT_TITLE.test(doc.title)) return true;
  const h = doc.querySelector('h1,h2,.title,.article-title');
  return !!h && REPORT_TITLE.test(h.textContent ?? '');
}

const TABLE_LABELS = /本年新收|上年结转政府信息公开申请|第二十条第（一）项|结果维持/;

/**
 * A table carrying one of the standard labels (titles that do not name the report, e.g. "2020年度报告").
 * Live collections are read by index only (asking their length counts the whole page).
 */
export function tableLooksLikeReport(doc: Document): boolean {
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
  const items = doc.getElementsByTagName('li');
  let n = 0;
  for (let i = 0; i < 400; i++) {
    const li = items[i];
    if (!li) break;
    if (li.querySelector('a') && DATE.test(li.textContent ?? '')) n++;
    if (n >= enough) break;
  }
  return n;
}

const A_SELECTOR = ATTACHMENT_SELECTOR.split(',').filter((x) => x.startsWith('a[')).join(',');
const EMBED_SELECTOR = ATTACHMENT_SELECTOR.split(',').filter((x) => !x.startsWith('a[')).join(',');

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

export function quickClassify(doc: Document, url: string): PageKinds {
  const report = titleLooksLikeReport(doc) || tableLooksLikeReport(doc);
  const attachments = attachmentElements(doc, 1).length > 0;
  let path = '/';
  try { path = new URL(url).pathname; } catch { /* keep '/' */ }
  const column = (datedListEntries(doc) >= 3 || (LIST_URL.test(path) && doc.querySelector('.list,.xxgk_list,ul.list,.zfxxgk_list,.empty,.no-data') !== null));
  return { report, column, attachments };
}

/** A URL shaped like a list page (index.html, index_N.html, column-index-N.shtml, a folder). */
export function listPageUrl(url: string): boolean {
  try {
    return LIST_URL.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

export function anyKind(k: PageKinds): boolean {
  return k.report || k.column || k.attachments;
}

export { ATTACHMENT_SELECTOR };
