/** Cross-year checks: this report against the same agency's earlier reports. */
import type { Report } from '../model/report.js';
import { dice } from '../text/fuzzy.js';
import { cellEvidence } from './types.js';
import type { CheckContext, Collector } from './context.js';
import { isEmpty, num, show, t2Label, t3Cell, t3Ev } from './context.js';
import { TABLE3_COLUMNS } from '../model/labels.js';
import { notStated, statedValue } from './stated.js';

const IDS = ['history.carry-over', 'history.table2-stock', 'history.copy-paste', 'history.missing-year'];

function yearOf(history: Report[], year: number): Report | undefined {
  return history.find((h) => h.year === year);
}

export function checkHistory(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  if (!ctx.history.length) { for (const id of IDS) out.notApplicable(id, '没有该机关其他年度的报告', 'no other years of this agency given'); return; }
  if (r.year === null) { for (const id of IDS) out.cannotRun(id, '报告年度未知', 'report year unknown'); return; }
  const prev = yearOf(ctx.history, r.year - 1);
  carryOver(r, prev, out);
  table2Stock(r, prev, out);
  copyPaste(r, prev, out);
  missingYears(r, ctx.history, out);
}

function carryOver(r: Report, prev: Report | undefined, out: Collector): void {
  const id = 'history.carry-over';
  if (!prev) { out.cannotRun(id, `没有${r.year! - 1}年度报告`, `no ${r.year! - 1} report`); return; }
  if (!r.table3 || !prev.table3) { out.cannotRun(id, '本年或上年缺少表三', 'table 3 missing in this or last year'); return; }
  for (let c = 0; c < 7; c++) {
    const cellNow = t3Cell(r, 'carriedOver', c);
    const cellBefore = t3Cell(prev, 'carriedForward', c);
    if (isEmpty(cellNow) && isEmpty(cellBefore) && !notStated(r, 'carriedOver', c) && !notStated(prev, 'carriedForward', c)) continue;
    // A 总计 left blank beside stated parts is not stated (checks/stated.ts): its parts' sum stands for it, said so.
    const now = statedValue(r, 'carriedOver', c);
    const before = statedValue(prev, 'carriedForward', c);
    if (Number.isNaN(now.value) || Number.isNaN(before.value)) {
      const which = [Number.isNaN(now.value) ? `${r.year}年 二、上年结转` : '', Number.isNaN(before.value) ? `${prev.year}年 四、结转下年度` : ''].filter(Boolean).join('、');
      out.cannotRun(id, `“${TABLE3_COLUMNS[c]!.label}”列：${which}无法读取`, `column ${TABLE3_COLUMNS[c]!.label}: unreadable cell`); continue;
    }
    if (now.value !== before.value) {
      const expression = `${r.year}年 二、上年结转 = ${now.text} ≠ ${prev.year}年 四、结转下年度 = ${before.text}`;
      const cells = (rep: Report, key: string, table: string) => (c === 6 && notStated(rep, key, 6) ? [6, 0, 1, 2, 3, 4, 5] : [c]).map((k) => ({ ...t3Ev(rep, key, k), table }));
      out.fail(id, {
        zh: `“${TABLE3_COLUMNS[c]!.label}”列：${expression}`,
        en: `Column ${TABLE3_COLUMNS[c]!.label}: carried over in ${r.year} is ${now.value}, but ${prev.year} carried forward ${before.value}`,
      }, { cells: [...cells(r, 'carriedOver', 'table3'), ...cells(prev, 'carriedForward', `table3@${prev.year}`)], sentences: [], expression, left: now.value, right: before.value, otherYear: prev.year! });
    } else out.pass(id);
  }
}

function table2Stock(r: Report, prev: Report | undefined, out: Collector): void {
  const id = 'history.table2-stock';
  if (!prev) { out.cannotRun(id, `没有${r.year! - 1}年度报告`, `no ${r.year! - 1} report`); return; }
  if (!r.table2 || !prev.table2) { out.cannotRun(id, '本年或上年缺少表二', 'table 2 missing in this or last year'); return; }
  if (r.table2.layout !== prev.table2.layout) { out.notApplicable(id, '两年表二格式不同', 'the two years use different table 2 layouts'); return; }
  const notStatedRows: string[] = []; let compared = 0;
  for (const row of r.table2.rows) {
    const old = prev.table2.rows.find((x) => x.label === row.label);
    if (!old) continue;
    let expected: number; let actual: number; let expression: string; let cells;
    if (r.table2.layout === '2019') {
      // last year's 上一年项目数量 + 本年增/减 = this year's 上一年项目数量 (blocks 五, 六, 八)
      if (!row.columns[0]?.includes('上一年项目数量')) continue;
      const [pItems, pDelta] = old.cells; const items = row.cells[0];
      if ([pItems, pDelta, items].some((c) => c === undefined || c.kind !== 'number')) continue;
      expected = num(pItems) + num(pDelta); actual = num(items);
      expression = `${prev.year}年 ${num(pItems)} + ${num(pDelta)} = ${expected} ≠ ${r.year}年 上一年项目数量 ${actual}`;
      cells = [cellEvidence('table2', row.label, 0, t2Label(row, 0), items), cellEvidence(`table2@${prev.year}`, row.label, 0, `${prev.year} ${row.label} · 上一年项目数量`, pItems), cellEvidence(`table2@${prev.year}`, row.label, 1, `${prev.year} ${row.label} · 本年增/减`, pDelta)];
    } else {
      // 现行有效(N) = 现行有效(N−1) + 制发(N) − 废止(N)
      if (!row.columns[2]?.includes('现行有效')) continue;
      const [issued, repealed, valid] = row.cells; const pValid = old.cells[2];
      if ([issued, repealed, valid, pValid].some((c) => c === undefined || Number.isNaN(num(c)) || (c.kind !== 'number' && c.kind !== 'blank'))) continue;
      // A blank 现行有效 is a stock not stated, never 0: nothing to carry over from or to.
      if (valid!.kind === 'blank' || pValid!.kind === 'blank') {
        if ([issued, repealed, valid, pValid].some((c) => c!.kind === 'number')) notStatedRows.push(`${valid!.kind === 'blank' ? r.year : prev.year}年${row.label}`);
        continue;
      }
      expected = num(pValid) + num(issued) - num(repealed); actual = num(valid);
      expression = `${prev.year}年现行有效 ${num(pValid)} + 制发 ${num(issued)} − 废止 ${num(repealed)} = ${expected} ≠ ${r.year}年现行有效 ${actual}`;
      cells = row.cells.map((c, i) => cellEvidence('table2', row.label, i, t2Label(row, i), c)).concat(cellEvidence(`table2@${prev.year}`, row.label, 2, `${prev.year} ${row.label} · 现行有效件数`, pValid));
    }
    compared++;
    if (expected !== actual) {
      out.fail(id, { zh: `${row.label}：${expression}`, en: `${row.label}: from ${prev.year}'s report ${expected} expected, ${actual} reported` },
        { cells, sentences: [], expression, left: actual, right: expected, otherYear: prev.year! });
    } else out.pass(id);
  }
  if (!compared && notStatedRows.length) out.cannotRun(id, `${notStatedRows.join('、')}的现行有效件数未填写，无从衔接`, `现行有效 left blank (${notStatedRows.join(', ')}): nothing to compare`);
}

function copyPaste(r: Report, prev: Report | undefined, out: Collector): void {
  const id = 'history.copy-paste';
  if (!prev) { out.cannotRun(id, `没有${r.year! - 1}年度报告`, `no ${r.year! - 1} report`); return; }
  let compared = 0;
  for (const n of [5, 6]) {
    const a = r.sections.find((s) => s.n === n)?.text.replace(/\s+/g, '') ?? '';
    const b = prev.sections.find((s) => s.n === n)?.text.replace(/\s+/g, '') ?? '';
    if (a.length < 60 || b.length < 60) continue; // "无。" is not copying
    compared++;
    const sim = dice(a.replace(/\d+/g, '#'), b.replace(/\d+/g, '#'));
    if (sim >= 0.9) {
      out.fail(id, {
        zh: `第${'一二三四五六'[n - 1]}部分与${prev.year}年度报告相似度${Math.round(sim * 100)}%（内容雷同）`,
        en: `Section ${n} is ${Math.round(sim * 100)}% similar to the ${prev.year} report`,
      }, { cells: [], sentences: [{ text: a.slice(0, 120), source: null }, { text: b.slice(0, 120), source: null }], left: sim, right: 0.9, otherYear: prev.year! });
    } else out.pass(id);
  }
  if (!compared) out.notApplicable(id, '两年的第五、六部分都过短（如“无。”），无从比较', 'sections 五/六 too short in one of the years to compare');
}

function missingYears(r: Report, history: Report[], out: Collector): void {
  const id = 'history.missing-year';
  const years = [...new Set([r.year!, ...history.map((h) => h.year).filter((y): y is number => y !== null)])].sort();
  const gaps: number[] = [];
  for (let y = years[0]!; y <= years[years.length - 1]!; y++) if (!years.includes(y)) gaps.push(y);
  if (gaps.length) {
    out.fail(id, { zh: `缺少${gaps.join('、')}年度报告`, en: `No report for ${gaps.join(', ')}` }, { cells: [], sentences: [] });
  } else out.pass(id);
}
