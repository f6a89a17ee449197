/** Cell-level checks: impossible counts, table 2 units and the 2021 stock rule. */
import { TABLE2_BLOCKS } from '../model/labels.js';
import type { Cell } from '../model/report.js';
import { cellEvidence, type CellEvidence } from './types.js';
import type { CheckContext, Collector } from './context.js';
import { num, t2Label, t3Ev, t4Ev } from './context.js';

function badCount(c: Cell, signedAllowed: boolean): string | null {
  if (c.doubt) return null; // reported by structure.unreadable-cells
  if (c.kind === 'text') return `无法识别“${c.raw}”`;
  if (c.kind !== 'number') return null;
  if (!Number.isInteger(c.value)) return `小数“${c.raw}”`;
  if (c.value! < 0 && !signedAllowed) return `负数“${c.raw}”`;
  return null;
}

export function checkValues(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  const bad: { ev: CellEvidence; why: string }[] = [];
  r.table3?.rows.forEach((row) => row.cells.forEach((c, i) => { const w = badCount(c, false); if (w) bad.push({ ev: t3Ev(r, row.key, i), why: w }); }));
  r.table4?.cells.forEach((c, i) => { const w = badCount(c, false); if (w) bad.push({ ev: t4Ev(r, i), why: w }); });
  r.table2?.rows.forEach((row) => {
    const block = TABLE2_BLOCKS[r.table2!.layout].find((b) => b.item === row.item);
    row.cells.forEach((c, i) => {
      const kind = block?.columns[i]?.kind ?? 'count';
      if (kind === 'money') return;
      const w = badCount(c, kind === 'delta');
      if (w) bad.push({ ev: cellEvidence('table2', row.label, i, t2Label(row, i), c), why: w });
    });
  });
  if (!r.table2 && !r.table3 && !r.table4) { out.cannotRun('values.invalid', '没有可检查的表格', 'no tables'); return; }
  if (bad.length) {
    out.fail('values.invalid', {
      zh: `${bad.length}个数量单元格不合法：${bad.slice(0, 5).map((b) => `${b.ev.label} ${b.why}`).join('；')}`,
      en: `${bad.length} count cell(s) are negative, fractional or unreadable: ${bad.slice(0, 5).map((b) => `${b.ev.label} "${b.ev.raw}"`).join('; ')}`,
    }, { cells: bad.map((b) => b.ev), sentences: [] });
  } else out.pass('values.invalid');
}

export function checkTable2Rules(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  if (!r.table2 || r.table2.layout !== '2021') {
    out.notApplicable('table2.fee-unit', '仅适用于2021年版表二', 'applies to the 2021 table 2 only');
    out.notApplicable('table2.stock', '仅适用于2021年版表二', 'applies to the 2021 table 2 only');
    return;
  }
  const fee = r.table2.rows.find((x) => x.label === '行政事业性收费')?.cells[0];
  if (fee && fee.kind === 'number') {
    const wrongUnit = fee.unit !== null && fee.unit !== '万元';
    const huge = fee.unit === null && fee.value! >= 100000;
    if (wrongUnit || huge) {
      out.fail('table2.fee-unit', {
        zh: `行政事业性收费“${fee.raw}”：${wrongUnit ? `单位为${fee.unit}，格式要求万元` : '按万元计数额过大，可能误填为元'}`,
        en: `Fee "${fee.raw}": ${wrongUnit ? `unit ${fee.unit}, template requires 万元` : 'implausibly large in 万元 (entered in 元?)'}`,
      }, { cells: [cellEvidence('table2', '行政事业性收费', 0, '行政事业性收费 · 本年收费金额', fee)], sentences: [] });
    } else out.pass('table2.fee-unit');
  } else out.pass('table2.fee-unit');

  for (const label of ['规章', '行政规范性文件']) {
    const row = r.table2.rows.find((x) => x.label === label);
    if (!row) continue;
    const [issued, repealed, valid] = row.cells;
    if (!issued || issued.kind !== 'number' || Number.isNaN(num(repealed))) continue;
    if (!valid || valid.kind !== 'number' || valid.doubt) { out.cannotRun('table2.stock', `${label}的现行有效件数未填或无法读取`, `${label}: currently valid count not given`); continue; }
    if (num(issued) > num(valid) + num(repealed)) {
      const expression = `本年制发 ${num(issued)} > 现行有效 ${num(valid)} + 本年废止 ${num(repealed)}`;
      out.fail('table2.stock', { zh: `${label}：${expression}`, en: `${label}: issued ${num(issued)} > valid ${num(valid)} + repealed ${num(repealed)}` },
        { cells: row.cells.map((c, i) => cellEvidence('table2', label, i, `${label} · ${row.columns[i]}`, c)), sentences: [], expression, left: num(issued), right: num(valid) + num(repealed) });
    } else out.pass('table2.stock');
  }
}
