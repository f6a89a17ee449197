/**
 * Finding and fetching an agency's earlier reports from the same portal's annual-report column.
 * Only same-origin URLs are ever requested; fetched HTML is parsed inertly (DOMParser: no scripts,
 * no subresource loads) and handed to the shared parser.
 */
import { decodeBytes } from '@gongkai/shared/browser';

const COLUMN_TEXT = /年报|年度报告/;
const REPORT_LINK = /(信息公开|政务公开).{0,8}(年度报告|年报)|年度报告/;

export { sameOrigin } from './same-origin';
import { sameOrigin } from './same-origin';

/**
 * Where the annual-report column of a report page may be, most likely first: breadcrumb or menu
 * links named 年报/年度报告, then the column folder implied by the CMS's article URL (TRS
 * `…/202101/t20210120_1.htm`, `…/content/post_1.html`, Hanweb `/art/2021/1/28/art_1229_1.html` →
 * `/col/col1229/index.html`), then the parent folders. Same origin only.
 */
export function reportColumnCandidates(doc: Document, pageUrl: string): URL[] {
  const out: URL[] = [];
  const add = (href: string) => {
    const u = sameOrigin(href, pageUrl);
    if (u && u.href !== pageUrl && !out.some((o) => o.href === u.href)) out.push(u);
  };
  const crumbs = doc.querySelectorAll('.breadcrumb a, .crumb a, .position a, .bread a, .location a, .dqwz a');
  for (let i = crumbs.length - 1; i >= 0; i--) if (COLUMN_TEXT.test(crumbs[i]!.textContent ?? '')) add(crumbs[i]!.getAttribute('href') ?? '');
  for (const href of columnLinks(doc)) add(href);
  const u = sameOrigin(pageUrl, pageUrl);
  if (!u) return out;
  const p = u.pathname;
  const trs = p.replace(/\/\d{6}\/t\d{8}_\d+\.s?html?$/i, '/');
  if (trs !== p) add(trs);
  const content = p.replace(/\/content\/post_\d+\.s?html?$/i, '/');
  if (content !== p) add(content);
  const hanweb = /^\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_(\d+)_\d+\.s?html?$/i.exec(p);
  if (hanweb) add(`/col/col${hanweb[1]}/index.html`);
  const parent = p.replace(/[^/]*$/, '');
  add(parent);
  add(parent.replace(/[^/]+\/$/, ''));
  // Last: the disclosure section's hub page, whose menu names the annual-report column.
  for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, 1000)) {
    if (/^(政府信息公开|政务公开|信息公开)$/.test((a.textContent ?? '').trim())) add(a.getAttribute('href') ?? '');
  }
  return out;
}

/** Menu or breadcrumb links named like an annual-report column (short text, no year). */
export function columnLinks(doc: Document): string[] {
  const out: string[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, 1000)) {
    const text = (a.textContent ?? '').trim();
    if (text.length <= 16 && COLUMN_TEXT.test(text) && !/\d{4}/.test(text)) out.push(a.getAttribute('href') ?? '');
  }
  return out;
}

export interface ReportLink { url: URL; year: number; text: string }

/**
 * The next page of a column list: a "下一页" link, else page `index_N` of a TRS pager
 * (`createPageHTML(count, …)` — its links only exist once its script has run, which a fetched page's
 * never does). Same origin only.
 */
export function nextListPage(doc: Document, current: URL, n: number): URL | null {
  for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, 2000)) {
    if (/^\s*下一页\s*$/.test(a.textContent ?? '')) {
      const u = sameOrigin(a.getAttribute('href') ?? '', current.href);
      if (u && u.href !== current.href) return u;
    }
  }
  let pages = 0;
  for (const sc of Array.from(doc.querySelectorAll('script:not([src])')).slice(0, 50)) {
    const m = /createPageHTML\(\s*(\d+)\s*,\s*\d+\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']/.exec(sc.textContent ?? '');
    if (m) { pages = Number(m[1]); if (n < pages) return sameOrigin(`${m[2]}_${n}.${m[3]}`, current.href); }
  }
  return null;
}

/** Links of a column page that name an annual report of a year before `beforeYear`. */
export function earlierReportLinks(doc: Document, base: string, beforeYear: number, agency: string | null): ReportLink[] {
  const out = new Map<number, ReportLink>();
  const short = agency?.replace(/^.{0,6}?(省|市|县|区)/, '') ?? null;
  for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, 2000)) {
    const text = (a.getAttribute('title') || a.textContent || '').replace(/\s+/g, '');
    if (!REPORT_LINK.test(text)) continue;
    const m = /((?:19|20)\d\d)\s*年/.exec(text);
    const year = m ? Number(m[1]) : NaN;
    if (!(year < beforeYear)) continue;
    // A city column may list several agencies: keep ours when the link names an agency.
    if (agency && /局|委|办|政府|院|厅|部|署/.test(text) && !text.includes(agency) && !(short && text.includes(short))) continue;
    const url = sameOrigin(a.getAttribute('href') ?? '', base);
    if (url && !out.has(year)) out.set(year, { url, year, text });
  }
  return [...out.values()].sort((x, y) => y.year - x.year);
}

/** Fetches a same-origin HTML page and parses it inertly. */
export async function fetchDocument(url: URL, pageUrl: string, signal?: AbortSignal): Promise<Document> {
  if (!sameOrigin(url.href, pageUrl)) throw new Error('cross-origin request refused');
  // Redirects are not followed: one could send the browser to another site.
  const res = await fetch(url.href, { credentials: 'same-origin', redirect: 'manual', signal });
  if (res.type === 'opaqueredirect') throw new Error('redirect not followed');
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > 8_000_000) throw new Error('page too large');
  const { text } = decodeBytes(bytes, res.headers.get('content-type'));
  return new DOMParser().parseFromString(text, 'text/html');
}
