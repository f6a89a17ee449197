/**
 * The crawler's store rows judged by the check-list rules of @gongkai/shared (classifyColumn,
 * columnFreshness, judgePortal — one home, shared with the extension). This file only maps the
 * store's snapshots onto them: a column that did not load has unknown freshness, parents are not judged.
 */
import { columnFreshness, isColumnCategory, judgePortal as judge, CHECKLIST_THRESHOLDS,
  type ColumnState, type Freshness, type PortalVerdict, type Thresholds } from '@gongkai/shared';
import type { ColumnSnapshot, PortalRow } from '../store/types.js';

/** A stored verdict (JSON in the `verdicts` table). Runs stored before `judged`/`fault` existed read as judged. */
export type Verdict = PortalVerdict;

/** A snapshot as the shared rules see it (a stored category the rules do not know counts as `other`). */
export function columnState(c: ColumnSnapshot): ColumnState {
  return { name: c.name, category: isColumnCategory(c.category) ? c.category : 'other', itemCount: c.itemCount, newest: c.newest, loaded: c.status === 'ok' };
}

/** Freshness of one column on `now`. */
export function freshness(c: ColumnSnapshot, now: string, t: Thresholds = CHECKLIST_THRESHOLDS): Freshness {
  return columnFreshness(columnState(c), now, t);
}

/** The portal's verdict from its leaf columns. */
export function judgePortal(portal: PortalRow, cols: ColumnSnapshot[], now: string, t: Thresholds = CHECKLIST_THRESHOLDS): Verdict {
  return judge(portal, cols.filter((c) => !c.isParent).map(columnState), now, t);
}
