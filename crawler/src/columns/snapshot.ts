/**
 * One snapshot per column per run: item count, newest/oldest date, items per year and per month, and
 * the column's status. A column whose first page loaded is `ok` only when the crawl holds all of it:
 * when the column states more records than were found (recordCount, 共N条, the pager's pages × page
 * size) or some of its later pages could not be reached (an XHR list API that failed or that the page
 * does not name), it is `incomplete`, with both numbers and the reason — never `ok`.
 */
import type { ColumnRow, ColumnSnapshot, ColumnTaskStatus, ItemRow } from '../store/types.js';

export function buildSnapshots(runId: number, cols: ColumnRow[], items: ItemRow[], status: Map<string, ColumnTaskStatus>): ColumnSnapshot[] {
  const byCol = new Map<string, ItemRow[]>();
  for (const i of items) (byCol.get(i.columnKey) ?? byCol.set(i.columnKey, []).get(i.columnKey)!).push(i);
  return cols.map((c) => {
    const its = byCol.get(c.key) ?? [];
    const dates = its.map((i) => i.date).filter((d): d is string => !!d).sort();
    const perYear: Record<string, number> = {}, perMonth: Record<string, number> = {};
    for (const d of dates) {
      perYear[d.slice(0, 4)] = (perYear[d.slice(0, 4)] ?? 0) + 1;
      perMonth[d.slice(0, 7)] = (perMonth[d.slice(0, 7)] ?? 0) + 1;
    }
    const st = status.get(c.key);
    let state = st?.failed ? st.failed.kind : st?.needsBrowser && st.pages === 0 ? 'needs-browser' : st && st.pages > 0 ? 'ok' : 'pending';
    let error = st?.failed?.error ?? null;
    if (state === 'ok' && !c.isParent) {
      const why = incompleteReason(c, its.length, st!);
      if (why) { state = 'incomplete'; error = why; }
    }
    return {
      ...c, runId, status: state, error, pages: st?.pages ?? 0, itemCount: its.length,
      newest: dates.at(-1) ?? null, oldest: dates[0] ?? null, perYear, perMonth, ...dateSources(its),
    };
  });
}

/**
 * How many of a column's items have their date printed in their row, and how many only in their URL;
 * both null when a dated item does not say (stored before schema v8): unknown, not 0.
 */
function dateSources(its: ItemRow[]): Pick<ColumnSnapshot, 'datesPrinted' | 'datesFromUrl'> {
  if (its.some((i) => i.date && !i.dateSource)) return { datesPrinted: null, datesFromUrl: null };
  return { datesPrinted: its.filter((i) => i.dateSource === 'printed').length, datesFromUrl: its.filter((i) => i.dateSource === 'url').length };
}

/** Why a loaded column is not all there, or null when nothing says so. */
function incompleteReason(c: ColumnRow, found: number, st: ColumnTaskStatus): string | null {
  const short = c.stated ? found < c.stated.total : false;
  if (st.unreached) return st.unreached;
  if (c.unreached && short) return `${c.unreached} (the column states ${c.stated!.exact ? '' : 'at least '}${c.stated!.total}, the crawl reached ${found})`;
  if (short) return `the column states ${c.stated!.exact ? '' : 'at least '}${c.stated!.total} records (${c.stated!.evidence}), the crawl reached ${found}`;
  return null;
}

/**
 * Where a column's item dates came from, as the summary and the `columns` command print it:
 * `printed 9 · URL 1` (printed in their rows / read only from their URLs), `?` when not known (items stored before schema v8).
 */
export function dateSourceText(c: Pick<ColumnSnapshot, 'datesPrinted' | 'datesFromUrl'>): string {
  return c.datesPrinted === null || c.datesFromUrl === null ? '?' : `printed ${c.datesPrinted} · URL ${c.datesFromUrl}`;
}

/**
 * A column's status as the summary and the `columns` command print it: `incomplete 15/20 (XHR pages
 * not reachable: …)`, `ok`, `http-500` …
 */
export function statusText(c: Pick<ColumnSnapshot, 'status' | 'itemCount' | 'stated' | 'error'>): string {
  if (c.status !== 'incomplete') return c.status;
  const of = c.stated ? `${c.stated.exact ? '' : '≥'}${c.stated.total}` : '?';
  return `incomplete ${c.itemCount}/${of}${c.error ? ` (${c.error})` : ''}`;
}
