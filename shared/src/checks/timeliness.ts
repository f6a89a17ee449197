/** Timeliness: published by the Article 49 deadline (31 Jan for departments, 31 Mar for governments). */
import { agencyKind } from '../parse/meta.js';
import type { CheckContext, Collector } from './context.js';

export function checkTimeliness(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  const id = 'timeliness.deadline';
  if (r.year === null) { out.cannotRun(id, '报告年度未知', 'report year unknown'); return; }
  if (!r.publishedAt) { out.cannotRun(id, '未知发布日期', 'publication date unknown'); return; }
  const kind = agencyKind(r.agency);
  // An agency we cannot classify gets the later (government) deadline: no accusation on a guess.
  const mmdd = kind === 'department' ? ctx.deadlines.department : ctx.deadlines.government;
  const deadline = `${r.year + 1}-${mmdd}`;
  if (r.publishedAt > deadline) {
    const days = Math.round((Date.parse(r.publishedAt) - Date.parse(deadline)) / 86400000);
    out.fail(id, {
      zh: `${r.publishedAt}发布，晚于${kind === 'department' ? '部门' : '政府'}报告期限${deadline}共${days}天`,
      en: `Published ${r.publishedAt}, ${days} day(s) after the ${kind === 'department' ? 'department' : 'government'} deadline ${deadline}`,
    }, { cells: [], sentences: [{ text: r.publishedAt, source: null }], expression: `${r.publishedAt} > ${deadline}` });
  } else out.pass(id);
}
