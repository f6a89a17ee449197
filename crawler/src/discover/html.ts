/**
 * Reading portal pages with cheerio: links (incl. onclick/iframe/embed/object/pdf.js viewer targets),
 * list items (records.ts) and pagination (pagination.ts), attachments, the site name.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { listRecords, type ListRecord } from './records.js';
import { urlKind } from './urls.js';

export interface Link { url: string; text: string; el: Element }
export type ListItem = ListRecord;

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

/**
 * The list items of a list page: the records of its best group of repeated rows (see records.ts),
 * with where each date came from.
 */
export function listItems($: CheerioAPI, base: string): ListItem[] {
  return listRecords($, base);
}

export { paginate } from './pagination.js';

/**
 * A value a CMS template left unfilled: the template's own label (网站名称, 站点名称, 栏目名称,
 * 网站域名, 政府网站标识码 …, as the real Epoint page's SiteName/SiteDomain/SiteIDCode metas hold) or
 * an unexpanded template tag (`{{name}}`, `${name}`, `$!{name}`, `#{name}`, `<%= %>`, `<TRS_…>`).
 * Such a value says nothing about the site and counts as absent.
 */
export function isTemplatePlaceholder(value: string): boolean {
  const v = value.trim();
  return /^(?:网站|站点|栏目|频道|网页|页面)(?:名称|名字|域名|标题)$|^政府网站标识码$|^(?:描述|关键词|关键字)$/.test(v)
    || /\{\{[^}]*\}\}|\$!?\{[^}]*\}|#\{[^}]*\}|<%[\s\S]*?%>|<\/?TRS_/i.test(v);
}

/** A meta tag's content, unless it is empty or a template placeholder. */
export function metaContent($: CheerioAPI, name: string): string | null {
  const v = $(`meta[name="${name}"], meta[name="${name.toLowerCase()}"]`).attr('content')?.trim();
  return v && !isTemplatePlaceholder(v) ? v : null;
}

/** The page's site name: <meta name="SiteName"> (not a template placeholder), else the last part of the title. */
export function siteName($: CheerioAPI): string | null {
  const meta = metaContent($, 'SiteName');
  if (meta) return meta;
  // The page's own <title> (a page may embed a whole document, with its own <title>, in its body).
  const title = $('title').first().text().trim();
  const last = title ? title.split(/\s*[-|_—–－]\s*/).pop() : null;
  return last && !isTemplatePlaceholder(last) ? last : null;
}

/** True when the list is built by script (XHR/JSONP data proxy) and the static HTML has no items. */
export function needsScript(html: string): boolean {
  return /dataproxy|jpage|XMLHttpRequest|\$\.ajax|\$\.get\(|\$\.post\(|fetch\(/i.test(html);
}
