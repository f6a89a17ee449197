/** Arithmetic inside the tables: table 3's printed identity, column and row sums, table 4 sums. */
import { TABLE3_COLUMNS, TABLE4_GROUPS } from '../model/labels.js';
import type { Cell } from '../model/report.js';
import type { CheckContext, Collector } from './context.js';
import { isEmpty, num, show, sumExpr, t3Cell, t3Ev, t4Ev } from './context.js';
import { notStated, outcomeKeys, statedValue, t4NotStated, type StatedValue } from './stated.js';

const colName = (c: number) => TABLE3_COLUMNS[c]!.label;

export function checkTable3(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  const ids = ['table3.identity', 'table3.outcome-sum', 'table3.row-sum'];
  if (!r.table3) { for (const id of ids) out.cannotRun(id, '没有表三', 'no table 3'); return; }
  // Outcome rows the table prints: a row the agency left out adds nothing to its own （七）总计.
  const keys = outcomeKeys(r);
  // A total left blank while its parts state numbers is not stated (checks/stated.ts): never read as 0.
  const sum = (vs: StatedValue[]) => ({ text: vs.map((v) => v.text).join('+'), value: vs.reduce((a, v) => a + v.value, 0) });

  for (let c = 0; c < 7; c++) {
    // 一 + 二 = （七） + 四
    const idKeys = ['newReceived', 'carriedOver', 'total', 'carriedForward'];
    const cells = idKeys.map((k) => t3Cell(r, k, c));
    const vals = idKeys.map((k) => statedValue(r, k, c));
    if (cells.every(isEmpty)) { /* nothing reported in this column */ }
    else if (vals.some((x) => Number.isNaN(x.value))) out.cannotRun('table3.identity', `“${colName(c)}”列有无法读取的单元格`, `unreadable cell in column ${colName(c)}`);
    else {
      const left = sum(vals.slice(0, 2));
      const right = sum(vals.slice(2));
      if (left.value !== right.value) {
        const expression = `一+二 = ${left.text} = ${left.value} ≠ （七）总计+四 = ${right.text} = ${right.value}`;
        out.fail('table3.identity', {
          zh: `表三“${colName(c)}”列：${expression}`,
          en: `Table 3, column ${colName(c)}: new + carried over = ${left.value}, but total handled + carried forward = ${right.value}`,
        }, { cells: idKeys.map((k) => t3Ev(r, k, c)), sentences: [], expression, left: left.value, right: right.value });
      } else out.pass('table3.identity');
    }

    // （七）总计 = Σ outcome leaves; a （七） cell not stated has nothing to compare (structure.totals-blank says so).
    const total = t3Cell(r, 'total', c);
    const leaves = keys.map((k) => t3Cell(r, k, c));
    if (isEmpty(total) && leaves.every(isEmpty)) continue;
    if (notStated(r, 'total', c)) continue;
    const leafVals = keys.map((k) => statedValue(r, k, c));
    if ([num(total), ...leafVals.map((v) => v.value)].some(Number.isNaN)) { out.cannotRun('table3.outcome-sum', `“${colName(c)}”列有无法读取的单元格`, `unreadable cell in column ${colName(c)}`); continue; }
    const present = keys.filter((k) => !isEmpty(t3Cell(r, k, c)) || notStated(r, k, c));
    const s = sum(present.map((k) => statedValue(r, k, c)));
    if (s.value !== num(total)) {
      const expression = `（七）总计 = ${show(total)} ≠ ${s.text || '0'} = ${s.value}`;
      out.fail('table3.outcome-sum', {
        zh: `表三“${colName(c)}”列：${expression}（各办理结果之和）`,
        en: `Table 3, column ${colName(c)}: total handled ${num(total)} ≠ sum of outcome rows ${s.value}`,
      }, { cells: [t3Ev(r, 'total', c), ...present.map((k) => t3Ev(r, k, c))], sentences: [], expression, left: num(total), right: s.value });
    } else out.pass('table3.outcome-sum');
  }

  // Per row: 总计 = 自然人 + five organisation columns; a 总计 not stated is listed by structure.totals-blank.
  for (const row of r.table3.rows) {
    const parts = row.cells.slice(0, 6);
    const tot = row.cells[6];
    if (isEmpty(tot) && parts.every(isEmpty)) continue;
    if (notStated(r, row.key, 6)) continue;
    if ([tot, ...parts].some((x) => Number.isNaN(num(x)))) { out.cannotRun('table3.row-sum', `“${row.printed.slice(-16)}”行有无法读取的单元格`, `unreadable cell in row ${row.key}`); continue; }
    const s = sumExpr(parts);
    if (s.value !== num(tot)) {
      const expression = `总计 = ${show(tot)} ≠ ${s.text} = ${s.value}`;
      out.fail('table3.row-sum', {
        zh: `表三“${row.printed.replace(/\s+/g, '').slice(-20)}”行：${expression}`,
        en: `Table 3, row ${row.key}: total ${num(tot)} ≠ sum of applicant columns ${s.value}`,
      }, { cells: [6, 0, 1, 2, 3, 4, 5].map((c) => t3Ev(r, row.key, c)), sentences: [], expression, left: num(tot), right: s.value });
    } else out.pass('table3.row-sum');
  }
}

export function checkTable4(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  if (!r.table4) { out.cannotRun('table4.sum', '没有表四', 'no table 4'); return; }
  // A group's 总计 left blank while its parts state numbers is not stated (checks/stated.ts): nothing
  // to compare, and structure.totals-blank lists it — never "总计 = 空 ≠ 1".
  let compared = 0; const skipped: string[] = [];
  TABLE4_GROUPS.forEach((g, gi) => {
    const cells: (Cell | undefined)[] = r.table4!.cells.slice(gi * 5, gi * 5 + 5);
    if (cells.every(isEmpty)) return;
    if (t4NotStated(r, gi * 5 + 4)) { skipped.push(g.label); return; }
    compared++;
    if (cells.some((x) => Number.isNaN(num(x)))) { out.cannotRun('table4.sum', `“${g.label}”有无法读取的单元格`, `unreadable cell in ${g.key}`); return; }
    const s = sumExpr(cells.slice(0, 4));
    if (s.value !== num(cells[4])) {
      const expression = `总计 = ${show(cells[4])} ≠ ${s.text} = ${s.value}`;
      out.fail('table4.sum', { zh: `表四“${g.label}”：${expression}`, en: `Table 4, ${g.key}: total ${num(cells[4])} ≠ upheld+corrected+other+pending ${s.value}` },
        { cells: [4, 0, 1, 2, 3].map((i) => t4Ev(r, gi * 5 + i)), sentences: [], expression, left: num(cells[4]), right: s.value });
    } else out.pass('table4.sum');
  });
  if (!compared && skipped.length) out.cannotRun('table4.sum', `表四${skipped.join('、')}的总计未填写，无从核对`, `table 4 leaves the total of ${skipped.join(', ')} blank: nothing to compare`);
}
