/** One snapshot per column per run: item count, newest/oldest date, items per year and per month. */
import type { ColumnRow, ColumnSnapshot, ItemRow } from '../store/types.js';

export function buildSnapshots(runId: number, cols: ColumnRow[], items: ItemRow[],
  status: Map<string, { pages: number; failed: { kind: string; error: string } | null; needsBrowser: boolean }>): ColumnSnapshot[] {
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
    const state = st?.failed ? st.failed.kind : st?.needsBrowser && st.pages === 0 ? 'needs-browser' : st && st.pages > 0 ? 'ok' : 'pending';
    return {
      ...c, runId, status: state, error: st?.failed?.error ?? null, pages: st?.pages ?? 0, itemCount: its.length,
      newest: dates.at(-1) ?? null, oldest: dates[0] ?? null, perYear, perMonth,
    };
  });
}
