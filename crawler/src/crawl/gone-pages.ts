/**
 * Politeness after failures: a column whose later list pages answer 404/410 `limit` times in a row
 * (as the answers come in; a page that loads resets the count) has its remaining later pages left
 * unrequested — each is recorded as a `not-fetched` skip naming the pages that were gone, and the
 * column is judged incomplete with that reason (store/sql.ts toColumnStatus). Per worker and per run:
 * a resumed run or another worker asks at most `limit` more times.
 */
import type { Task } from '../store/types.js';

/** The kind of a later list page left unrequested. */
export const NOT_FETCHED = 'not-fetched';

export class GonePages {
  private readonly streak = new Map<string, { n: number; last: string }>();
  constructor(private readonly limit: number) {}

  /** The column key of a later page of a column (a list page after the first, an XHR list answer), else null. */
  static laterPageOf(t: Task): string | null {
    return t.kind === 'column' && (t.meta.column.page > 0 || !!t.meta.column.api) && !t.meta.column.pager ? t.meta.column.key : null;
  }

  /** Why `t` is not requested (its column's later pages are gone), or null to fetch it. */
  refusal(t: Task): string | null {
    const key = GonePages.laterPageOf(t);
    const s = key === null || this.limit <= 0 ? undefined : this.streak.get(key);
    if (!s || s.n < this.limit) return null;
    return `not requested: ${s.n} later list pages of the column in a row answered 404/410 (the last ${s.last})`;
  }

  /** A task's answer: 404/410 on a later page lengthens its column's streak, anything else loaded ends it. */
  answered(t: Task, status: number | null): void {
    const key = GonePages.laterPageOf(t);
    if (key === null) return;
    if (status === 404 || status === 410) {
      const s = this.streak.get(key) ?? { n: 0, last: t.url };
      this.streak.set(key, { n: s.n + 1, last: t.url });
    } else if (status !== null && status < 400) this.streak.delete(key);
  }
}
