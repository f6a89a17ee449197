/**
 * structure.totals-blank: table-3 totals the report leaves blank while their parts state numbers
 * (e.g. 总计 empty in every outcome row, only 一、二、（七） and 四 filled in). One warning lists them;
 * the arithmetic and prose checks treat them as not stated (checks/stated.ts), never as 0.
 */
import type { CheckContext, Collector } from './context.js';
import { t3Ev, t3Label } from './context.js';
import { blankTotals, statedValue } from './stated.js';

const ID = 'structure.totals-blank';

export function checkTotalsBlank(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  if (!r.table3) { out.cannotRun(ID, '没有表三', 'no table 3'); return; }
  const blanks = blankTotals(r);
  if (!blanks.length) { out.pass(ID); return; }
  const names = blanks.map((b) => t3Label(b.key, b.col));
  const parts = blanks.map((b) => {
    const v = statedValue(r, b.key, b.col);
    return `${t3Label(b.key, b.col)} = 空，${b.col === 6 ? '申请人各列' : '各办理结果'} ${v.parts} = ${v.value}`;
  });
  const list = names.length > 8 ? `${names.slice(0, 8).join('、')}等${names.length}处` : names.join('、');
  out.fail(ID, {
    zh: `表三有${blanks.length}个总计单元格未填写而其各部分填有数字：${list}。未填的总计不视为0，相关核对改用已填的各部分`,
    en: `Table 3 leaves ${blanks.length} total cell(s) blank while their parts state numbers (${blanks.map((b) => `${b.key}/${b.col}`).slice(0, 8).join(', ')}${blanks.length > 8 ? ', …' : ''}); they are treated as not stated, not as 0, and the checks use the stated parts`,
  }, { cells: blanks.slice(0, 50).map((b) => t3Ev(r, b.key, b.col)), sentences: [], expression: parts.slice(0, 12).join('；') });
}
