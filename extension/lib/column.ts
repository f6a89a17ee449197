/**
 * A disclosure column's list page: its items, newest date and freshness. The rules — column
 * categories, limits in days, freshness (国办秘函〔2019〕19号) and how dates are read — are
 * @gongkai/shared's (classifyColumn, judgeColumn, parseDate), the same the crawler judges portals by;
 * this file only reads the page. Pure: takes a Document.
 */
import { judgeColumn, parseDate, type ColumnJudgement } from '@gongkai/shared/browser';

export interface ColumnItem { title: string; date: string; href: string | null }

export interface ColumnVerdict extends ColumnJudgement {
  /** List pages the column has, when the page says (null: unknown or one). */
  pages: number | null;
}

/** The column's name: the CMS's ColumnName meta, a column heading, the breadcrumb's tail, the title. */
export function columnName(doc: Document): string {
  const clean = (x: string | null | undefined) => (x ?? '').replace(/\s+/g, ' ').trim();
  const meta = clean(doc.querySelector('meta[name="ColumnName" i]')?.getAttribute('content'));
  if (meta) return meta.slice(0, 60);
  const heading = clean(doc.querySelector('.column-title, .col-title, .lm-title, .lmmc')?.textContent);
  if (heading) return heading.slice(0, 60);
  const crumb = doc.querySelector('.breadcrumb, .crumb, .position, .bread, .location, .dqwz');
  if (crumb) {
    const tail = clean(crumb.textContent).split(/>|›|»|＞/).pop()?.trim();
    if (tail) return tail.slice(0, 60);
  }
  const h = clean(doc.querySelector('h2, h1, h3')?.textContent);
  return (h || clean(doc.title).split(/\s[-_|]\s|_/)[0] || '').slice(0, 60);
}

/** Number of list pages, from a TRS `createPageHTML(n, …)` call or a `var countPage = n`. */
export function pageCount(doc: Document): number | null {
  for (const sc of Array.from(doc.querySelectorAll('script:not([src])')).slice(0, 50)) {
    const m = /createPageHTML\(\s*(\d+)|countPage\s*=\s*(\d+)/.exec(sc.textContent ?? '');
    if (m) return Number(m[1] ?? m[2]);
  }
  return null;
}

/** Dated entries of the list: <li> (or table rows) holding a link and a date. */
export function columnItems(doc: Document): ColumnItem[] {
  const out: ColumnItem[] = [];
  const seen = new Set<string>();
  const rows = doc.querySelectorAll('li, tr');
  for (let i = 0; i < rows.length && out.length < 500; i++) {
    const row = rows[i]!;
    const a = row.querySelector('a');
    if (!a) continue;
    const date = parseDate(row.textContent ?? '');
    if (!date) continue;
    const href = a.getAttribute('href');
    const key = `${href}|${date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ title: (a.getAttribute('title') || a.textContent || '').replace(/\s+/g, ' ').trim(), date, href });
  }
  return out;
}

/** The column's verdict on `now` from the items on this page (`home`: the site's home page; `url`: the page's path or URL). */
export function columnVerdict(name: string, items: readonly ColumnItem[], now: Date,
  opts: { pages?: number | null; home?: boolean; url?: string } = {}): ColumnVerdict {
  const j = judgeColumn(name, items.map((it) => it.date), now, { url: opts.url, ...(opts.home ? { category: 'home' as const } : {}) });
  return { ...j, pages: opts.pages != null && opts.pages > 1 ? opts.pages : null };
}

/** A site's home page (`/`, `/index.html`). */
export function isHomePath(path: string): boolean {
  return /^\/(index\.s?html?)?$/i.test(path);
}

export function checkColumnPage(doc: Document, now: Date, path = doc.location?.pathname ?? ''): ColumnVerdict & { items: ColumnItem[] } {
  const items = columnItems(doc);
  const home = isHomePath(path);
  const name = home ? `首页 · ${(doc.title || '').trim().slice(0, 40)}` : columnName(doc);
  return { ...columnVerdict(name, items, now, { pages: pageCount(doc), home, url: path }), items };
}
