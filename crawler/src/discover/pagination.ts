/**
 * A list's further pages and what the list says about its own size. Static families: TRS
 * `createPageHTML(N, cur, name, ext)`, the TRS WCM pager script `var countPage = N` (with its record
 * count `var countnum = N`), the component CMS script pager `var purl = "…/index_<comp>"` +
 * `maxPageNum = N` (pages `<purl>_<N-1>.html` … `<purl>_1.html`, newest first), 下一页 + 尾页/末页
 * anchors (index_N.html, index_N.shtml, ?page=N …); a lone 下一页 is walked page by page. Counts are
 * capped before any array is built (a pager may claim 10 000 000 pages). Stated totals (recordCount,
 * countnum, 共N条, 共N页, the pager's page count) are returned so the crawl can tell a complete column
 * from an incomplete one.
 */
import type { CheerioAPI } from 'cheerio';
import { links } from './html.js';

/**
 * What a list page states about the whole column, with the text that says it. `huge`: a count had
 * more digits than are read exactly (over 15): it stands as HUGE_COUNT, a lower bound, and the
 * evidence says so.
 */
export interface StatedTotals { records: number | null; pages: number | null; evidence: string[]; huge?: boolean }

export interface Pagination {
  /** URLs of further pages (never more than the cap). */
  pages: string[];
  /** True when only a 下一页 link is known: walk page by page. */
  serial: boolean;
  stated: StatedTotals;
  /** True when the pager names more pages than the cap allowed. */
  capped: boolean;
}

export const DEFAULT_MAX_PAGES = 500;
const NEXT = /^(下一页|下页|后一页|>|›|»|>>)$/;
const LAST = /^(尾页|末页|最后一页|>>\|)$/;

const count = (s: string | undefined): number | null => {
  const n = Number(s);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
};

/** Digits read exactly in a stated count; a count with more is at least HUGE_COUNT. */
const EXACT_DIGITS = 15;
/** What a count of more than 15 digits is read as: 10^15, the least such a number can be. */
export const HUGE_COUNT = 10 ** EXACT_DIGITS;

/**
 * A count as a page states it, however many digits it has: exactly up to 15 digits (leading zeros
 * aside), else HUGE_COUNT with `huge` set — a page that claims that many pages or records is capped
 * like any other, never skipped as unreadable.
 */
const stated = (s: string | undefined): { n: number; huge: boolean } | null => {
  const d = (s ?? '').replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(d)) return null;
  return d.length > EXACT_DIGITS ? { n: HUGE_COUNT, huge: true } : { n: Number(d), huge: false };
};

/** The note a huge count adds to its evidence. */
const hugeNote = (digits: string) => `${digits.replace(/^0+(?=\d)/, '').length} digits, more than ${EXACT_DIGITS} read exactly: at least ${HUGE_COUNT}, not an exact total`;

/**
 * recordCount / countnum / 共N条 / 共N页 as the page prints or configures them. `var countnum = N` is
 * the record count of the TRS WCM pager script (beside `var countPage`); it is read only as a `var`
 * statement, so a word that merely contains it is not a count.
 */
export function statedTotals(html: string, text: string): StatedTotals {
  const out: StatedTotals = { records: null, pages: null, evidence: [] };
  const read = (m: RegExpMatchArray | null, into: 'records' | 'pages'): void => {
    const c = m ? stated(m[1]) : null;
    if (!m || !c) return;
    out[into] = c.n;
    out.evidence.push(c.huge ? `${m[0]} (${hugeNote(m[1]!)})` : m[0]);
    if (c.huge) out.huge = true;
  };
  read(html.match(/recordCount["']?\s*[:=]\s*["']?(\d+)/), 'records');
  if (out.records === null) read(html.match(/\bvar\s+countnum\s*=\s*(\d+)\b/i), 'records');
  if (out.records === null) read(text.match(/共\s*(\d+)\s*条/), 'records');
  read(text.match(/共\s*(\d+)\s*页/), 'pages');
  return out;
}

/** A pager's page count into `s`: the stated number of pages, its evidence, and the note when it is huge. */
function pagerCount(s: StatedTotals, digits: string, evidence: string): number {
  const c = stated(digits) ?? { n: 0, huge: false };
  s.pages = c.n;
  s.evidence.push(c.huge ? `${evidence} (${hugeNote(digits)})` : evidence);
  if (c.huge) s.huge = true;
  return c.n;
}

/** Further pages of a list page `base` (0-based page 0 names them all; later pages only walk on). */
export function paginate($: CheerioAPI, base: string, html: string, max = DEFAULT_MAX_PAGES): Pagination {
  const stated = statedTotals(html, $('body').text());
  const limit = Math.max(0, max - 1);
  const cph = html.match(/createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']\s*\)/);
  if (cph) {
    const n = pagerCount(stated, cph[1]!, cph[0]);
    const k = Math.min(Math.max(0, n - 1), limit);
    return { pages: Array.from({ length: k }, (_, i) => new URL(`${cph[3]}_${i + 1}.${cph[4]}`, base).href), serial: false, stated, capped: n - 1 > limit };
  }
  const cp = html.match(/var\s+countPage\s*=\s*(\d+)/);
  if (cp) {
    const n = pagerCount(stated, cp[1]!, cp[0]);
    const k = Math.min(Math.max(0, n - 1), limit);
    return { pages: Array.from({ length: k }, (_, i) => new URL(`index_${i + 1}.html`, base).href), serial: false, stated, capped: n - 1 > limit };
  }
  const comp = componentPager(html, base, limit);
  if (comp) {
    pagerCount(stated, comp.digits, comp.evidence);
    return { pages: comp.urls, serial: false, stated, capped: comp.capped };
  }
  let next: string | null = null, last: string | null = null;
  for (const l of links($, base)) {
    const t = $(l.el).text().replace(/\s+/g, '');
    if (NEXT.test(t)) next ??= l.url;
    if (LAST.test(t)) last ??= l.url;
  }
  if (next && last) {
    const range = between(next, last, limit);
    if (range) {
      if (stated.pages === null && range.total !== null) { stated.pages = range.total + 1; stated.evidence.push(`尾页 ${last}`); }
      return { pages: range.urls, serial: false, stated, capped: range.capped };
    }
  }
  return { pages: next ? [next] : [], serial: true, stated, capped: false };
}

/**
 * The script pager of the `<!--start component-->` CMS (丰城 jxfc.gov.cn; the same template on
 * mps.gov.cn and cssc.net.cn, as public scrapers of those sites read it): `var purl="…/index_<comp>"`,
 * the page count as `document.cookie="maxPageNum<comp>=N"` and `maxPageNum = N`. Its 下页 counts
 * down from N: page 2 is `<purl>_<N-1>.html`, the last page `<purl>_1.html`; `<purl>_<N>.html` is the
 * first page again (goPub shows the page's own list for it), so it is not planned. At most `limit` URLs.
 */
function componentPager(html: string, base: string, limit: number): { urls: string[]; digits: string; capped: boolean; evidence: string } | null {
  const purl = html.match(/\bvar\s+purl\s*=\s*["']([^"'\s]+)["']/);
  if (!purl) return null;
  const cookie = html.match(/document\.cookie\s*=\s*["']maxPageNum\d+=(\d+)["';]/);
  const set = [...html.matchAll(/\bmaxPageNum\s*=\s*(\d+)\s*;/g)].filter((m) => stated(m[1])?.n !== 0).at(-1);
  const m = cookie ?? set;
  const c = m ? stated(m[1]) : null;
  if (!c || c.n < 1) return null;
  // Page numbers count down from the stated one: exact even for a count of more than 15 digits.
  const top = BigInt(m![1]!);
  const k = Math.min(c.n - 1, limit);
  const urls: string[] = [];
  for (let i = 1; i <= k; i++) urls.push(new URL(`${purl[1]}_${top - BigInt(i)}.html`, base).href);
  return { urls, digits: m![1]!, capped: c.n - 1 > limit, evidence: `${purl[0]}; ${m![0].replace(/["';]$/, '')}` };
}

/** URLs from `first` to `last` differing in one number (index_2 … index_9, ?page=2 … ?page=9), at most `limit`. */
function between(first: string, last: string, limit: number): { urls: string[]; total: number | null; capped: boolean } | null {
  const re = /\d+/g;
  const a = [...first.matchAll(re)], b = [...last.matchAll(re)];
  if (a.length !== b.length) return null;
  const diff = a.map((m, i) => (m[0] !== b[i]![0] ? i : -1)).filter((i) => i >= 0);
  if (diff.length !== 1) return first === last ? { urls: [first], total: 1, capped: false } : null;
  const m = a[diff[0]!]!;
  const lo = count(m[0]), hi = count(b[diff[0]!]![0]);
  if (lo === null || hi === null || hi < lo) return null;
  const total = hi - lo + 1;
  const k = Math.min(total, limit);
  return {
    urls: Array.from({ length: k }, (_, i) => first.slice(0, m.index) + String(lo + i) + first.slice(m.index! + m[0].length)),
    total, capped: total > limit,
  };
}

/**
 * A list whose later pages come only from the CMS's XHR list API: TRS 海云/WCM `listModel` with a
 * `pagebar` config, Hanweb `dataproxy.jsp`/`unitbuild`. Returns the family and the endpoint the
 * page's own script names (null when it names none).
 */
export function xhrList(html: string): { family: 'trs-listmodel' | 'hanweb-jpage'; endpoint: string | null } | null {
  if (/\blistModel\b|\bpagebar\b/.test(html)) {
    const m = html.match(/["'](\/trsapi\/[^"']+|[^"'\s]*\/api\/[^"'\s]*list[^"'\s]*)["']/i);
    return { family: 'trs-listmodel', endpoint: m ? m[1]! : null };
  }
  if (/dataproxy\.jsp|unitbuild/i.test(html)) {
    const m = html.match(/["']([^"'\s]*(?:dataproxy\.jsp|unitbuild[^"'\s]*)[^"'\s]*)["']/i);
    return { family: 'hanweb-jpage', endpoint: m ? m[1]! : null };
  }
  return null;
}
