/**
 * Finding and fetching an agency's earlier reports from the same portal's annual-report column.
 * Only same-origin URLs are ever requested; fetched HTML is parsed inertly (DOMParser: no scripts,
 * no subresource loads) and handed to the shared parser.
 */
import { decodeBytes } from '@gongkai/shared/browser';

const COLUMN_TEXT = /年报|年度报告/;
const REPORT_LINK = /(信息公开|政务公开).{0,8}(年度报告|年报)|年度报告/;

export function sameOrigin(href: string, base: string): URL | null {
  try {
    const u = new URL(href, base);
    const b = new URL(base);
    return u.origin === b.origin && (u.protocol === 'http:' || u.protocol === 'https:') ? u : null;
  } catch {
    return null;
  }
}

/** The annual-report column of a report page: a breadcrumb link, else the TRS article's folder. */
export function reportColumnUrl(doc: Document, pageUrl: string): URL | null {
  const crumbs = doc.querySelectorAll('.breadcrumb a, .crumb a, .position a, .bread a, .location a, .dqwz a');
  for (let i = crumbs.length - 1; i >= 0; i--) {
    const a = crumbs[i]!;
    if (COLUMN_TEXT.test(a.textContent ?? '')) {
      const u = sameOrigin(a.getAttribute('href') ?? '', pageUrl);
      if (u) return u;
    }
  }
  const u = sameOrigin(pageUrl, pageUrl);
  if (!u) return null;
  const trs = u.pathname.replace(/\/\d{6}\/t\d{8}_\d+\.s?html?$/i, '/');
  const path = trs !== u.pathname ? trs : u.pathname.replace(/[^/]*$/, '');
  return new URL(path, u.origin);
}

export interface ReportLink { url: URL; year: number; text: string }

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
  const res = await fetch(url.href, { credentials: 'same-origin', redirect: 'follow', signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  if (!sameOrigin(res.url || url.href, pageUrl)) throw new Error('redirected to another origin');
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > 8_000_000) throw new Error('page too large');
  const { text } = decodeBytes(bytes, res.headers.get('content-type'));
  return new DOMParser().parseFromString(text, 'text/html');
}
