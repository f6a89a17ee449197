/**
 * A column's list records, found the way data-record mining does it: every title link is lifted to
 * its record root (the highest ancestor holding no other title link), records are grouped by the
 * tag path of that root (so rows wrapped as `li`, `tr`, one `dl` per row, `div` per row, or one list
 * split over several `<ul>` fall into one group), and the group that looks most like a column's
 * content (dated rows, article-length titles, outside the page chrome) is the list. URL shapes are
 * a hint, never a filter. A record's date is the one printed in its own cells; the URL's date is
 * only a fallback, and `dateSource` says which.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { links, type Link } from './html.js';
import { dateFromUrl, findDate, urlKind } from './urls.js';

export interface ListRecord {
  url: string;
  title: string;
  date: string | null;
  /** Where the date came from: printed in the row, or read from the URL (fallback). */
  dateSource: 'printed' | 'url' | null;
}

const NOT_TITLE = /^(首页|上一页|下一页|下页|上页|尾页|末页|最后一页|更多|更多>>|more|more>>|>>|<<|>|<|›|»|\d+|\[?\d+\]?|返回|打印|关闭|查看更多|详细|详情)$/i;

/** A link that may be a record's title: has text, is not a pager/"more" link, not a fragment. */
function titleLinks($: CheerioAPI, base: string): Link[] {
  const seen = new Set<Element>();
  return links($, base, { skipChrome: true }).filter((l) => {
    if (seen.has(l.el)) return false; // onclick targets give a second Link for the same element
    seen.add(l.el);
    const t = l.text.replace(/\s+/g, '');
    return t.length >= 2 && !NOT_TITLE.test(t);
  });
}

/** The record root of each title link: climb while the parent holds no other title link. */
function recordRoots($: CheerioAPI, anchors: Link[]): Map<Element, Link> {
  const count = new Map<AnyNode, number>();
  for (const a of anchors) for (const p of $(a.el).parents().toArray()) count.set(p, (count.get(p) ?? 0) + 1);
  const roots = new Map<Element, Link>();
  for (const a of anchors) {
    let root: Element = a.el;
    for (const p of $(a.el).parents().toArray()) {
      if (p.tagName === 'body' || p.tagName === 'html' || (count.get(p) ?? 0) > 1) break;
      root = p;
    }
    if (!roots.has(root)) roots.set(root, a);
  }
  return roots;
}

/** Tag path of an element up to <body>: `div.main>ul.list>li` (first class only, no ids, no indices). */
function tagPath($: CheerioAPI, el: Element): string {
  const seg = (e: Element) => {
    const cls = ($(e).attr('class') ?? '').trim().split(/\s+/)[0];
    return cls ? `${e.tagName}.${cls}` : e.tagName;
  };
  const up = $(el).parents().toArray().filter((p) => p.tagName !== 'html' && p.tagName !== 'body').reverse();
  return [...up.map(seg), el.tagName].join('>');
}

/** Text of a record that is not its title: the root's text, or (root = the link itself) the text up to the next link. */
function ownText($: CheerioAPI, root: Element, link: Link): string {
  if (root !== link.el) return $(root).text().replace(link.text, ' ');
  let out = '';
  for (let n = root.next; n; n = n.next) {
    if (n.type === 'tag') {
      const tag = (n as Element).tagName;
      if (tag === 'a' || $(n).find('a').length > 0 || (tag === 'br' && out.trim())) break;
    }
    out += n.type === 'text' ? (n as unknown as { data: string }).data : $(n).text();
  }
  return out;
}

function recordOf($: CheerioAPI, root: Element, link: Link): ListRecord {
  const printed = findDate(ownText($, root, link).replace(/\s+/g, ' '))
    // A date in its own element inside the link: <a>标题<span>2020-01-20</span></a>
    ?? findDate($(link.el).children().toArray().map((c) => $(c).text()).join(' '));
  const fromUrl = printed ? null : dateFromUrl(link.url);
  return { url: link.url, title: link.text, date: printed ?? fromUrl, dateSource: printed ? 'printed' : fromUrl ? 'url' : null };
}

interface Group { path: string; records: ListRecord[]; score: number }

function score(records: ListRecord[]): number {
  const n = records.length;
  const printed = records.filter((r) => r.dateSource === 'printed').length;
  const dated = records.filter((r) => r.date).length;
  const avgTitle = records.reduce((s, r) => s + r.title.length, 0) / n;
  const docs = records.filter((r) => urlKind(new URL(r.url)) !== 'page').length;
  // Dated rows are the mark of a list; short undated link runs are menus.
  const shape = avgTitle >= 6 ? 1 : avgTitle >= 4 ? 0.5 : 0.2;
  // A group with no date anywhere and no article or document link is navigation (a footer site map,
  // a department directory): however long, it yields to any group that has a date or an article.
  const evidence = printed + dated + docs > 0 ? 1 : 0.1;
  return (n + 3 * printed + dated + docs) * shape * evidence;
}

/** Every group of repeated records on the page, best first. */
export function recordGroups($: CheerioAPI, base: string): Group[] {
  const roots = recordRoots($, titleLinks($, base));
  const byPath = new Map<string, ListRecord[]>();
  for (const [root, link] of roots) {
    const path = tagPath($, root);
    const list = byPath.get(path) ?? byPath.set(path, []).get(path)!;
    if (!list.some((r) => r.url === link.url)) list.push(recordOf($, root, link));
  }
  const groups: Group[] = [];
  for (const [path, records] of byPath) {
    // One row is a list only when it looks like one (a dated record: a 年报 column with one report).
    if (records.length < 2 && !(records.length === 1 && records[0]!.dateSource === 'printed')) continue;
    groups.push({ path, records, score: score(records) });
  }
  return groups.sort((a, b) => b.score - a.score);
}

/** The list records of a page (a column's list, or a home page's news): the best group, or none. */
export function listRecords($: CheerioAPI, base: string): ListRecord[] {
  const best = recordGroups($, base)[0];
  if (!best) return [];
  // Undated runs of short links are navigation, not a list.
  if (!best.records.some((r) => r.date) && best.records.reduce((s, r) => s + r.title.length, 0) / best.records.length < 6) return [];
  return best.records;
}

/** URLs of dated records anywhere on the page (articles a section or home page lists): never columns. */
export function datedRecordUrls($: CheerioAPI, base: string): Set<string> {
  const out = new Set<string>();
  for (const g of recordGroups($, base)) {
    if (g.records.filter((r) => r.dateSource === 'printed').length * 2 >= g.records.length) for (const r of g.records) out.add(r.url);
  }
  return out;
}
