/**
 * Finding the disclosure section and its columns: the section is the page whose links name the
 * standard columns (指南 · 制度 · 法定主动公开内容 · 年报, 国办公开办函〔2019〕61号); its columns are the
 * column-like links in the container holding those names, with nesting giving parent columns. The
 * records of a dated list on the page (records.ts) are articles, not columns, whatever their URLs
 * look like; a link to the page itself, the home page or another column that differs from it only
 * by a query that selects nothing (`index.php?link=3`, tracking parameters) is a copy, not a column.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { links, type Link } from './html.js';
import { datedRecordUrls } from './records.js';
import { dateFromUrl, urlKind } from './urls.js';

export const SECTION_TEXT = /^(政府信息公开|信息公开|政务公开|政府信息公开专栏|信息公开目录|政府信息公开目录)$/;
export const SECTION_PATH = /\/(zfxxgk|xxgk|zwgk|xxgkml)(\/|$)/i;
const STANDARD = /信息公开指南|公开指南|信息公开制度|公开制度|法定主动公开|年报|年度报告/;
export const REPORTS_NAME = /年报|年度报告/;
export const REPORTS_PATH = /\/(zfxxgknb|xxgknb|ndbg|gknb|nb)\//i;

export interface ColumnLinkFound { url: string; name: string; parentUrl: string | null }

/** Links from a home or hub page that may lead to the disclosure section, best first. */
export function sectionCandidates($: CheerioAPI, base: string): string[] {
  const host = new URL(base).host;
  const scored = new Map<string, number>();
  // A home page's dated news ("…政府信息公开工作年度报告") are articles, not the way to the section.
  const articles = new Set([...datedRecordUrls($, base)].filter((u) => !isDirectory(u)));
  for (const l of links($, base)) {
    const u = new URL(l.url);
    if (u.host !== host || urlKind(u) !== 'page' || l.url === base || articles.has(l.url)) continue;
    let s = 0;
    if (/^政府信息公开/.test(l.text)) s += 4;
    else if (SECTION_TEXT.test(l.text)) s += 2;
    if (/zfxxgk/i.test(u.pathname)) s += 2;
    else if (SECTION_PATH.test(u.pathname)) s += 1;
    if (s > 0) scored.set(l.url, Math.max(s, scored.get(l.url) ?? 0));
  }
  return [...scored].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([u]) => u);
}

/** True when the page links at least two of the standard columns. */
export function isSection($: CheerioAPI, base: string): boolean {
  const names = new Set(links($, base, { skipChrome: true }).map((l) => l.text).filter((t) => STANDARD.test(t) && t.length <= 16)
    .map((t) => t.match(STANDARD)![0]));
  return names.size >= 2;
}

/**
 * Column links inside the container that holds the standard column names (or all column-like links).
 * `exclude` holds the page itself and the home page: neither, nor a query-only copy of either (nor of the
 * site's root), is a column.
 */
export function columnLinks($: CheerioAPI, base: string, exclude: Set<string>): ColumnLinkFound[] {
  const host = new URL(base).host;
  // Records of a dated list (a section's newest articles per column): articles, never columns — unless
  // the record's address is a directory (`/tzgg/`, `/tzgg/index.html`): a catalogue dating each column's last update.
  const articles = new Set([...datedRecordUrls($, base)].filter((u) => !isDirectory(u)));
  const all = links($, base, { skipChrome: true }).filter((l) => {
    const u = new URL(l.url);
    return u.host === host && urlKind(u) === 'page' && !dateFromUrl(l.url) && !articles.has(l.url) && u.pathname !== '/'
      && l.text.length >= 2 && l.text.length <= 20
      && !exclude.has(l.url) && !/^(首页|更多|more|上一页|下一页|尾页|末页|\d+)$/i.test(l.text);
  });
  const anchors = all.filter((l) => STANDARD.test(l.text));
  const scope = anchors.length >= 2 ? commonAncestor($, anchors.map((a) => a.el)) : null;
  const chosen = scope ? all.filter((l) => $(l.el).parents().toArray().includes(scope)) : all;
  // Pages already known by their query-free address: the page, the site's root, then each column taken.
  const seen = new Set<string>([...exclude, new URL('/', base).href].map(pageAddress));
  const out: ColumnLinkFound[] = [];
  for (const l of chosen) {
    const key = pageAddress(l.url);
    if (seen.has(key) || seen.has(l.url)) continue;
    seen.add(key);
    seen.add(l.url);
    out.push({ url: l.url, name: l.text, parentUrl: parentLink($, l, base) });
  }
  return out;
}

/**
 * Query parameters that select what a page shows (a column, an item, a CMS route): `catid`, `classid`,
 * `id`, `columnId` … (any name ending in id), PHPCMS/ThinkPHP routes `m`/`c`/`a`, `page`. Any other
 * parameter (`link`, `utm_source`, `spm`, `from` …) only tracks how the visitor came.
 */
const SELECTS = /id$|^(m|c|a|g|s|q|mod|act|action|ctl|op|do|r|page|p|cat|catalog|class|type|column|channel|node|list|path|name|code|word|keyword|key)$/i;

const DEFAULT_DOC = /\/(?:index|default|main)\.(?:s?html?|php|jsp|aspx?|do)$/i;

/** A directory's address (`/tzgg/`, `/tzgg/index.html`, no query): how columns, not articles, are addressed. */
const isDirectory = (raw: string): boolean => {
  const u = new URL(raw);
  return !u.search && (u.pathname.endsWith('/') || DEFAULT_DOC.test(u.pathname));
};

/**
 * A page's address for telling copies apart: the URL itself when its query selects content; otherwise
 * its origin and directory path (a default document — index.html, index.php, default.aspx … — is
 * its directory) without the query. `/index.php?link=3` and `/` give the same address.
 */
export function pageAddress(raw: string): string {
  const u = new URL(raw);
  u.hash = '';
  const keys = [...u.searchParams.keys()];
  if (keys.some((k) => SELECTS.test(k))) return u.href;
  u.search = '';
  u.pathname = u.pathname.replace(DEFAULT_DOC, '/');
  return u.href;
}

function commonAncestor($: CheerioAPI, els: Element[]): Element | null {
  const chains = els.map((e) => $(e).parents().toArray());
  return chains[0]?.find((p) => chains.every((c) => c.includes(p))) ?? null;
}

/** In nested menus (<li><a>法定主动公开内容</a><ul><li><a>政策文件</a>…), the enclosing item's link. */
function parentLink($: CheerioAPI, l: Link, base: string): string | null {
  const outer = $(l.el).closest('li').parent().closest('li');
  const a = outer.children('a').first();
  const href = a.attr('href');
  return href ? new URL(href, base).href : null;
}
