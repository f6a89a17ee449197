/**
 * A disclosure column's list page: its items, newest date and freshness by the national check-list
 * (国办秘函〔2019〕19号): dynamic/news columns must have an item within 2 weeks, notice/policy columns
 * within 6 months; a column with no item at all is an empty column (空白栏目). Pure: takes a Document.
 */

export type ColumnType = 'dynamic' | 'notice' | 'other';
export type Freshness = 'fresh' | 'stale' | 'empty' | 'no-threshold';

export interface ColumnItem { title: string; date: string; href: string | null }

export interface ColumnVerdict {
  name: string;
  type: ColumnType;
  /** Items on this page. */
  count: number;
  /** List pages the column has, when the page says (null: unknown or one). */
  pages: number | null;
  newest: string | null;
  /** Days between the newest item and `now`. */
  ageDays: number | null;
  /** The threshold that applies, in days (null when the check-list sets none for this type). */
  limitDays: number | null;
  freshness: Freshness;
}

export const LIMIT_DAYS: Record<ColumnType, number | null> = { dynamic: 14, notice: 183, other: null };

const DATE_RE = /((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

export function parseDate(text: string): string | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function columnType(name: string): ColumnType {
  // The home page counts like a dynamic column: no new item for 2 weeks fails the check-list.
  if (/^首页/.test(name) || /动态|要闻|新闻|资讯|快讯|工作信息|政务信息/.test(name)) return 'dynamic';
  if (/通知公告|公告|通知|政策文件|政策|文件|规范性文件|法规/.test(name)) return 'notice';
  return 'other';
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

export function daysBetween(isoA: string, now: Date): number {
  const a = Date.UTC(Number(isoA.slice(0, 4)), Number(isoA.slice(5, 7)) - 1, Number(isoA.slice(8, 10)));
  const b = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((b - a) / 86_400_000);
}

export function judgeColumn(name: string, items: readonly ColumnItem[], now: Date, pages: number | null = null): ColumnVerdict {
  const type = columnType(name);
  const limitDays = LIMIT_DAYS[type];
  const newest = items.reduce<string | null>((m, it) => (m === null || it.date > m ? it.date : m), null);
  const ageDays = newest ? daysBetween(newest, now) : null;
  let freshness: Freshness;
  if (items.length === 0) freshness = 'empty';
  else if (limitDays === null) freshness = 'no-threshold';
  else freshness = (ageDays ?? Infinity) <= limitDays ? 'fresh' : 'stale';
  return { name, type, count: items.length, pages: pages !== null && pages > 1 ? pages : null, newest, ageDays, limitDays, freshness };
}

/** A site's home page (`/`, `/index.html`). */
export function isHomePath(path: string): boolean {
  return /^\/(index\.s?html?)?$/i.test(path);
}

export function checkColumnPage(doc: Document, now: Date, path = doc.location?.pathname ?? ''): ColumnVerdict & { items: ColumnItem[] } {
  const items = columnItems(doc);
  const name = isHomePath(path) ? `首页 · ${(doc.title || '').trim().slice(0, 40)}` : columnName(doc);
  return { ...judgeColumn(name, items, now, pageCount(doc)), items };
}
