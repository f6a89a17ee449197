/**
 * Reading portal pages with cheerio: links (incl. onclick/iframe/embed/object/pdf.js viewer targets),
 * list items with their dates, pagination in all the forms real CMSes use, and containers of column links.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { dateFromUrl, findDate, urlKind } from './urls.js';

export interface Link { url: string; text: string; el: Element }
export interface ListItem { url: string; title: string; date: string | null }

const CHROME = /(^|\s)(header|head|top|nav|navbar|menu|footer|foot|bottom|position|breadcrumb|crumb|location|dqwz)(\s|$)/i;

export function parse(html: string): CheerioAPI {
  return load(html);
}

function resolveHref(href: string | undefined, base: string): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h || /^(javascript|mailto|tel|data):/i.test(h) || h.startsWith('#')) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** True when the element sits in page chrome (header, nav bar, footer, breadcrumb). */
function inChrome($: CheerioAPI, el: Element): boolean {
  return $(el).parents().toArray().some((p) => CHROME.test(`${$(p).attr('class') ?? ''} ${$(p).attr('id') ?? ''}`));
}

export function links($: CheerioAPI, base: string, opts: { skipChrome?: boolean } = {}): Link[] {
  const out: Link[] = [];
  $('a').each((_, el) => {
    if (opts.skipChrome && inChrome($, el)) return;
    const text = ($(el).attr('title') || $(el).text()).replace(/\s+/g, ' ').trim();
    const href = resolveHref($(el).attr('href'), base);
    if (href) out.push({ url: href, text, el });
    const onclick = $(el).attr('onclick') ?? '';
    const m = onclick.match(/(?:window\.open|location\.href\s*=)\s*\(?\s*['"]([^'"]+)['"]/);
    const target = m ? resolveHref(m[1], base) : null;
    if (target) out.push({ url: target, text, el });
  });
  return out;
}

/** Documents embedded in an article: attachment links, iframes/embeds/objects, pdf.js viewers. */
export function attachments($: CheerioAPI, base: string): { url: string; text: string }[] {
  const found = new Map<string, string>();
  const add = (raw: string | null | undefined, text: string) => {
    const u = resolveHref(raw ?? undefined, base);
    if (!u) return;
    const url = new URL(u);
    const viewerFile = url.searchParams.get('file');
    const target = viewerFile && /viewer/i.test(url.pathname) ? resolveHref(viewerFile, u) : u;
    if (target && urlKind(new URL(target)) === 'attachment' && !found.has(target)) found.set(target, text);
  };
  for (const l of links($, base, { skipChrome: true })) add(l.url, l.text);
  $('iframe[src], embed[src]').each((_, el) => add($(el).attr('src'), ''));
  $('object[data]').each((_, el) => add($(el).attr('data'), ''));
  return [...found].map(([url, text]) => ({ url, text }));
}

/** The list items of a list page: article/attachment links grouped by container, the biggest group wins. */
export function listItems($: CheerioAPI, base: string): ListItem[] {
  const groups = new Map<AnyNode, ListItem[]>();
  for (const l of links($, base, { skipChrome: true })) {
    const kind = urlKind(new URL(l.url));
    if (kind === 'page') continue;
    const row = $(l.el).closest('li, tr, dd, p, .item');
    const container = (row.length ? row.parent() : $(l.el).parent()).get(0);
    if (!container) continue;
    const rowText = (row.length ? row : $(l.el).parent()).text();
    const date = findDate(rowText.replace(l.text, ' ')) ?? dateFromUrl(l.url);
    const list = groups.get(container) ?? [];
    if (!list.some((i) => i.url === l.url)) list.push({ url: l.url, title: l.text, date });
    groups.set(container, list);
  }
  let best: ListItem[] = [];
  for (const g of groups.values()) if (g.length > best.length) best = g;
  return best;
}

const NEXT = /^(下一页|下页|后一页|>|›|»|>>)$/;
const LAST = /^(尾页|末页|最后一页|>>\|)$/;

/**
 * Further pages of a list, from page 0: createPageHTML(N, cur, name, ext) and `countPage` scripts,
 * or next/last anchors (all pages between them are generated, so no page waits on the previous one).
 */
export function paginate($: CheerioAPI, base: string, html: string): { pages: string[]; serial: boolean } {
  const cph = html.match(/createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']\s*\)/);
  if (cph) {
    const n = Number(cph[1]);
    return { pages: Array.from({ length: Math.max(0, n - 1) }, (_, i) => new URL(`${cph[3]}_${i + 1}.${cph[4]}`, base).href), serial: false };
  }
  const cp = html.match(/var\s+countPage\s*=\s*(\d+)/);
  if (cp) return { pages: Array.from({ length: Math.max(0, Number(cp[1]) - 1) }, (_, i) => new URL(`index_${i + 1}.html`, base).href), serial: false };
  let next: string | null = null, last: string | null = null;
  for (const l of links($, base)) {
    const t = $(l.el).text().replace(/\s+/g, '');
    if (NEXT.test(t)) next ??= l.url;
    if (LAST.test(t)) last ??= l.url;
  }
  if (next && last) {
    const range = between(next, last);
    if (range) return { pages: range, serial: false };
  }
  return { pages: next ? [next] : [], serial: true };
}

/** All URLs from `first` to `last` that differ only in one number (index_2 … index_9, ?page=2 … ?page=9). */
function between(first: string, last: string): string[] | null {
  const re = /\d+/g;
  const a = [...first.matchAll(re)], b = [...last.matchAll(re)];
  if (a.length !== b.length) return null;
  const diff = a.map((m, i) => (m[0] !== b[i]![0] ? i : -1)).filter((i) => i >= 0);
  if (diff.length !== 1) return first === last ? [first] : null;
  const m = a[diff[0]!]!;
  const lo = Number(m[0]), hi = Number(b[diff[0]!]![0]);
  if (!(hi >= lo) || hi - lo > 2000) return null;
  return Array.from({ length: hi - lo + 1 }, (_, i) => first.slice(0, m.index) + String(lo + i) + first.slice(m.index! + m[0].length));
}

/** The page's site name: <meta name="SiteName">, else the last part of the title. */
export function siteName($: CheerioAPI): string | null {
  const meta = $('meta[name="SiteName"], meta[name="sitename"]').attr('content')?.trim();
  if (meta) return meta;
  const title = $('title').text().trim();
  return title ? title.split(/\s*[-|_—–－]\s*/).pop() || null : null;
}

/** True when the list is built by script (XHR/JSONP data proxy) and the static HTML has no items. */
export function needsScript(html: string): boolean {
  return /dataproxy|jpage|XMLHttpRequest|\$\.ajax|\$\.get\(|\$\.post\(|fetch\(/i.test(html);
}
