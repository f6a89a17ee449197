/**
 * Timeliness: published by the Article 49 deadline (portal/deadline.ts: 31 Jan for departments,
 * townships and government offices, 31 Mar for county-level-and-above governments). For an agency of
 * unknown kind only what holds under both dates is said: late after the later one, on time by the
 * earlier one; in between the check cannot run and says why.
 */
import { agencyKind, judgeTimeliness } from '../portal/deadline.js';
import type { CheckContext, Collector } from './context.js';

const KIND_ZH = { government: '政府', department: '部门', unknown: '（机关类型未知，按较晚的）政府' } as const;
const KIND_EN = { government: 'government', department: 'department', unknown: 'government (agency kind unknown: the later)' } as const;

export function checkTimeliness(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  const id = 'timeliness.deadline';
  if (r.year === null) { out.cannotRun(id, '报告年度未知', 'report year unknown'); return; }
  if (!r.publishedAt) { out.cannotRun(id, '未知发布日期', 'publication date unknown'); return; }
  const kind = agencyKind(r.agency);
  const t = judgeTimeliness(r.year, r.publishedAt, kind, ctx.deadlines);
  if (t.status === 'unknown-kind') {
    out.cannotRun(id, `无法判断机关是政府还是部门：${r.publishedAt}发布，晚于部门期限${t.earliest}、早于政府期限${t.latest}`,
      `agency kind unknown (government or department): published ${r.publishedAt}, after the department deadline ${t.earliest} but by the government deadline ${t.latest}`);
  } else if (t.status === 'late') {
    out.fail(id, {
      zh: `${r.publishedAt}发布，晚于${KIND_ZH[kind]}报告期限${t.deadline}共${t.days}天`,
      en: `Published ${r.publishedAt}, ${t.days} day(s) after the ${KIND_EN[kind]} deadline ${t.deadline}`,
    }, { cells: [], sentences: [{ text: r.publishedAt, source: null }], expression: `${r.publishedAt} > ${t.deadline}` });
  } else out.pass(id);
}
