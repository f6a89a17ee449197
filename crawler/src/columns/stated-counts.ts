/**
 * Stated counts: the publication counts a report gives about itself ("共发布信息2260条", "“建设项目环境影响评价公示”570条")
 * compared with what the crawl found in that portal's columns for the report's year.
 *
 * A count is compared only when the crawl can check it: the column loaded and the crawl holds dated
 * items of that year (or, for a year with none, every column's dated items reach past it on both
 * sides, so zero is a real count). Otherwise the comparison is `cannot-compare` (found = null), never
 * "differs": a column that lists only this year's items says nothing about 2024's 2260.
 */
import type { ColumnSnapshot } from '../store/types.js';

/** A count a report states about its own publishing: the column (or 共发布信息 for the total) and the figure. */
export interface StatedCount { label: string; stated: number }

/** How a stated count compares with the crawl; `found` is null exactly when it cannot be compared. */
export type Comparison = 'same' | 'differs' | 'cannot-compare';

export interface Found {
  found: number | null;
  columnKey: string | null;
  comparison: Comparison;
  /** Why the count cannot be compared, when it cannot. */
  why: string | null;
}

const TOTAL = /共(?:主动)?(?:发布|公开)(?:政府)?信息(?:数)?\s*(\d+)\s*条/;
const NAMED = /[“"'‘「『]([^”"'’」』]{2,24})[”"'’」』]\s*(?:栏目)?\s*(\d+)\s*条/g;

export function extractStatedCounts(text: string): StatedCount[] {
  const out: StatedCount[] = [];
  const t = text.match(TOTAL);
  if (t) out.push({ label: '共发布信息', stated: Number(t[1]) });
  for (const m of text.matchAll(NAMED)) {
    const label = m[1]!.replace(/\s+/g, '');
    if (!out.some((c) => c.label === label)) out.push({ label, stated: Number(m[2]) });
  }
  return out;
}

/** The comparison of a stored stated-count row (found null = cannot compare). */
export function comparison(stated: number, found: number | null): Comparison {
  return found === null ? 'cannot-compare' : found === stated ? 'same' : 'differs';
}

/**
 * True when the crawl can count `year` in these columns: some item is dated in it, or every column's
 * dated items reach past it on both sides (so none in it is a real zero, not a list that starts later).
 */
function covers(cols: ColumnSnapshot[], year: number): boolean {
  const y = String(year);
  if (cols.some((c) => (c.perYear[y] ?? 0) > 0)) return true;
  const spans = (c: ColumnSnapshot) => c.oldest !== null && c.oldest < `${y}-01-01` && c.newest !== null && c.newest > `${y}-12-31`;
  return cols.length > 0 && cols.every(spans);
}

const cannot = (columnKey: string | null, why: string): Found => ({ found: null, columnKey, comparison: 'cannot-compare', why });

/** What the crawl found for a stated count: the named column's items dated in `year`, or all columns' for the total. */
export function foundFor(count: StatedCount, year: number, cols: ColumnSnapshot[]): Found {
  const y = String(year);
  const done = (found: number, columnKey: string | null): Found => ({ found, columnKey, comparison: comparison(count.stated, found), why: null });
  if (count.label === '共发布信息') {
    const counted = cols.filter((c) => !c.isParent && !c.isReports && c.status === 'ok');
    if (!covers(counted, year)) return cannot(null, `the crawl has no dated items of ${year} in any column`);
    return done(counted.reduce((s, c) => s + (c.perYear[y] ?? 0), 0), null);
  }
  const col = cols.find((c) => c.name === count.label) ?? cols.find((c) => c.name.includes(count.label) || count.label.includes(c.name));
  if (!col) return cannot(null, `no column named ${count.label} was crawled`);
  if (col.status !== 'ok') return cannot(col.key, `the column ${col.name} could not be loaded (${col.status})`);
  if (!covers([col], year)) return cannot(col.key, `the column ${col.name} has no dated items of ${year}`);
  return done(col.perYear[y] ?? 0, col.key);
}
