/**
 * structure.totals-blank: totals the report leaves blank while their parts state numbers — table 3
 * (e.g. 总计 empty in every outcome row, only 一、二、（七） and 四 filled in) and table 4 (a group's
 * 总计 empty beside its 维持/纠正/其他/尚未审结). One warning lists them; the arithmetic, prose and
 * cross-year checks treat them as not stated (checks/stated.ts), never as 0.
 */
import type { CheckContext, Collector } from './context.js';
import { t3Ev, t3Label, t4Ev, t4Label } from './context.js';
import { blankTable4Totals, blankTotals, statedValue, t4StatedValue } from './stated.js';

const ID = 'structure.totals-blank';

export function checkTotalsBlank(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  if (!r.table3 && !r.table4) { out.cannotRun(ID, '没有表三和表四', 'no table 3 or table 4'); return; }
  const blanks = blankTotals(r);
  const blanks4 = blankTable4Totals(r);
  if (!blanks.length && !blanks4.length) { out.pass(ID); return; }
  const names = blanks.map((b) => t3Label(b.key, b.col));
  const parts = blanks.map((b) => {
    const v = statedValue(r, b.key, b.col);
    return `${t3Label(b.key, b.col)} = 空，${b.col === 6 ? '申请人各列' : '各办理结果'} ${v.parts} = ${v.value}`;
  }).slice(0, 12).concat(blanks4.map((i) => {
    const v = t4StatedValue(r, i);
    return `表四 ${t4Label(i)} = 空，各结果 ${v.parts} = ${v.value}`;
  }));
  const list = names.length > 8 ? `${names.slice(0, 8).join('、')}等${names.length}处` : names.join('、');
  const zh = [
    blanks.length ? `表三有${blanks.length}个总计单元格未填写而其各部分填有数字：${list}` : '',
    blanks4.length ? `表四有${blanks4.length}个总计单元格未填写而其各部分填有数字：${blanks4.map(t4Label).join('、')}` : '',
  ].filter(Boolean).join('；');
  const en = [
    blanks.length ? `Table 3 leaves ${blanks.length} total cell(s) blank while their parts state numbers (${blanks.map((b) => `${b.key}/${b.col}`).slice(0, 8).join(', ')}${blanks.length > 8 ? ', …' : ''})` : '',
    blanks4.length ? `Table 4 leaves ${blanks4.length} total cell(s) blank while their parts state numbers (${blanks4.map(t4Label).join(', ')})` : '',
  ].filter(Boolean).join('; ');
  out.fail(ID, {
    zh: `${zh}。未填的总计不视为0，相关核对改用已填的各部分`,
    en: `${en}; they are treated as not stated, not as 0, and the checks use the stated parts`,
  }, { cells: blanks.slice(0, 50).map((b) => t3Ev(r, b.key, b.col)).concat(blanks4.map((i) => t4Ev(r, i))), sentences: [], expression: parts.join('；') });
}
