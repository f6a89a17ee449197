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

/** What a list page states about the whole column, with the text that says it. */
export interface StatedTotals { records: number | null; pages: number | null; evidence: string[] }

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

/**
 * recordCount / countnum / 共N条 / 共N页 as the page prints or configures them. `var countnum = N` is
 * the record count of the TRS WCM pager script (beside `var countPage`); it is read only as a `var`
 * statement, so a word that merely contains it is not a count.
 */
export function statedTotals(html: string, text: string): StatedTotals {
  const evidence: string[] = [];
  let records: number | null = null, pages: number | null = null;
  const rc = html.match(/recordCount["']?\s*[:=]\s*["']?(\d{1,15})/);
  if (rc) { records = count(rc[1]); evidence.push(rc[0]); }
  const cn = records === null ? html.match(/\bvar\s+countnum\s*=\s*(\d{1,15})\b/i) : null;
  if (cn) { records = count(cn[1]); evidence.push(cn[0]); }
  const tiao = text.match(/共\s*(\d{1,15})\s*条/);
  if (tiao && records === null) { records = count(tiao[1]); evidence.push(tiao[0]); }
  const ye = text.match(/共\s*(\d{1,15})\s*页/);
  if (ye) { pages = count(ye[1]); evidence.push(ye[0]); }
  return { records, pages, evidence };
}

/** Further pages of a list page `base` (0-based page 0 names them all; later pages only walk on). */
export function paginate($: CheerioAPI, base: string, html: string, max = DEFAULT_MAX_PAGES): Pagination {
  const stated = statedTotals(html, $('body').text());
  const limit = Math.max(0, max - 1);
  const cph = html.match(/createPageHTML\(\s*(\d{1,15})\s*,\s*(\d{1,15})\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']\s*\)/);
  if (cph) {
    const n = count(cph[1]) ?? 0;
    stated.pages = n;
    stated.evidence.push(cph[0]);
    const k = Math.min(Math.max(0, n - 1), limit);
    return { pages: Array.from({ length: k }, (_, i) => new URL(`${cph[3]}_${i + 1}.${cph[4]}`, base).href), serial: false, stated, capped: n - 1 > limit };
  }
  const cp = html.match(/var\s+countPage\s*=\s*(\d{1,15})/);
  if (cp) {
    const n = count(cp[1]) ?? 0;
    stated.pages = n;
    stated.evidence.push(cp[0]);
    const k = Math.min(Math.max(0, n - 1), limit);
    return { pages: Array.from({ length: k }, (_, i) => new URL(`index_${i + 1}.html`, base).href), serial: false, stated, capped: n - 1 > limit };
  }
  const comp = componentPager(html, base, limit);
  if (comp) {
    stated.pages = comp.total;
    stated.evidence.push(comp.evidence);
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
function componentPager(html: string, base: string, limit: number): { urls: string[]; total: number; capped: boolean; evidence: string } | null {
  const purl = html.match(/\bvar\s+purl\s*=\s*["']([^"'\s]+)["']/);
  if (!purl) return null;
  const cookie = html.match(/document\.cookie\s*=\s*["']maxPageNum\d+=(\d{1,15})["';]/);
  const set = [...html.matchAll(/\bmaxPageNum\s*=\s*(\d{1,15})\s*;/g)].filter((m) => count(m[1]) !== 0).at(-1);
  const m = cookie ?? set;
  const n = m ? count(m[1]) : null;
  if (n === null || n < 1) return null;
  const k = Math.min(n - 1, limit);
  const urls: string[] = [];
  for (let i = 1; i <= k; i++) urls.push(new URL(`${purl[1]}_${n - i}.html`, base).href);
  return { urls, total: n, capped: n - 1 > limit, evidence: `${purl[0]}; ${m![0].replace(/["';]$/, '')}` };
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
