/**
 * Blank is not zero in a total. The one home of the rule: a blank 总计 cell whose parts state
 * numbers (a row's applicant columns, or the outcome rows under （七）总计) is **not stated** — the
 * agency left the total out, it did not report 0. Checks never compare against it as if it were 0:
 * `structure.totals-blank` lists such cells once; arithmetic checks that need one skip it or use
 * the stated parts in its place and say so; prose checks compare against what the table does state
 * (the sum of the applicant columns when a row's 总计 is blank).
 *
 * A blank total whose parts are all blank or 0 is consistent (nothing reported) and stays 0; '/',
 * '—' and 无 are printed statements, never "not stated".
 */
import { TABLE3_ROWS } from '../model/labels.js';
import type { Cell, Report } from '../model/report.js';
import { num, show, t3Cell } from './context.js';

const TOTAL_COL = 6;

/** Outcome leaf rows of the report's layout that the table prints (their sum is （七）总计). */
export function outcomeKeys(r: Report): string[] {
  if (!r.table3) return [];
  const printed = new Set(r.table3.rows.map((x) => x.key));
  return TABLE3_ROWS.filter((d) => d.outcome && d.templates.includes(r.table3!.layout) && printed.has(d.key)).map((d) => d.key);
}

const cache = new WeakMap<object, { n: number; set: Set<string> }>();

/** Drops what was computed for a report's table 3 (a report may be edited between two check runs). */
export function forgetStated(r: Report): void {
  if (r.table3) cache.delete(r.table3.rows);
}

/** The not-stated totals of a table, as "key|col", computed once per check run (checks ask many times). */
function notStatedSet(r: Report): Set<string> {
  const t = r.table3!;
  const hit = cache.get(t.rows);
  if (hit && hit.n === t.rows.length) return hit.set;
  const set = new Set<string>();
  const leaves = outcomeKeys(r).map((k) => t.rows.find((x) => x.key === k));
  for (const row of t.rows) {
    if (row.key === 'total') {
      for (let c = 0; c < TOTAL_COL; c++) if (isBlank(row.cells[c]) && leaves.some((l) => l && statesNumber(l.cells[c]))) set.add(`total|${c}`);
    }
    if (isBlank(row.cells[TOTAL_COL]) && row.cells.slice(0, TOTAL_COL).some(statesNumber)) set.add(`${row.key}|${TOTAL_COL}`);
  }
  cache.set(t.rows, { n: t.rows.length, set });
  return set;
}

const isBlank = (c: Cell | undefined): boolean => !!c && !c.doubt && c.kind === 'blank';
const statesNumber = (c: Cell | undefined): boolean => !!c && !c.doubt && c.kind === 'number' && c.value !== 0;

/** The cells a total adds up: a row's applicant columns (col 6), or the outcome rows (row （七）). */
export function partsOf(r: Report, key: string, col: number): { key: string; col: number }[] {
  if (col === TOTAL_COL) return [0, 1, 2, 3, 4, 5].map((c) => ({ key, col: c }));
  if (key === 'total') return outcomeKeys(r).map((k) => ({ key: k, col }));
  return [];
}

/** True when the cell is a total left blank while its parts state numbers. */
export function notStated(r: Report, key: string, col: number): boolean {
  if (!r.table3 || (col !== TOTAL_COL && key !== 'total')) return false;
  const set = notStatedSet(r);
  return set.size > 0 && set.has(`${key}|${col}`);
}

/** A value for arithmetic: the cell's own, or — for a total not stated — the sum of its stated parts. */
export interface StatedValue {
  value: number;
  /** How it is shown in an expression: "28", "空", or "（272，总计未填，按各列之和 258+12+空+空+1+1）". */
  text: string;
  /** True when the value is the sum of the parts of a total the report left blank. */
  derived: boolean;
  /** For a derived value: the parts' sum as shown, "258+12+空+空+1+1". */
  parts?: string;
}

/**
 * The value a check may use for a table-3 cell. A stated cell gives itself (blank, '/' and 无 as 0,
 * unreadable as NaN); a total not stated gives the sum of its parts, marked `derived`.
 */
export function statedValue(r: Report, key: string, col: number): StatedValue {
  const cell = t3Cell(r, key, col);
  if (!notStated(r, key, col)) return { value: num(cell), text: show(cell), derived: false };
  const parts = partsOf(r, key, col).map((p) => statedValue(r, p.key, p.col));
  const value = parts.reduce((s, p) => s + p.value, 0);
  const how = col === TOTAL_COL ? '按申请人各列之和' : '按各办理结果之和';
  const shown = parts.map((p) => p.text).join('+');
  return { value, text: `（${value}，总计未填，${how} ${shown}）`, derived: true, parts: shown };
}

/** Every table-3 total left blank while its parts state numbers, in table order. */
export function blankTotals(r: Report): { key: string; col: number }[] {
  if (!r.table3) return [];
  const set = notStatedSet(r);
  return [...set].map((k) => { const i = k.lastIndexOf('|'); return { key: k.slice(0, i), col: Number(k.slice(i + 1)) }; });
}

/* Table 4: each group's 总计 (cell gi·5+4) against its four parts (维持, 纠正, 其他, 尚未审结). */

const T4_TOTAL = 4;

/** True when table-4 cell `i` is a group's 总计 left blank while its four parts state numbers. */
export function t4NotStated(r: Report, i: number): boolean {
  const c = r.table4?.cells;
  if (!c || i % 5 !== T4_TOTAL || !isBlank(c[i])) return false;
  return c.slice(i - T4_TOTAL, i).some(statesNumber);
}

/**
 * The value a check may use for table-4 cell `i`: the cell's own, or — for a 总计 not stated — the
 * sum of its group's four parts, shown as "（1，总计未填，按各结果之和 0+0+1+0）".
 */
export function t4StatedValue(r: Report, i: number): StatedValue {
  const c = r.table4?.cells ?? [];
  if (!t4NotStated(r, i)) return { value: num(c[i]), text: show(c[i]), derived: false };
  const parts = c.slice(i - T4_TOTAL, i);
  const value = parts.reduce((s, p) => s + num(p), 0);
  const shown = parts.map(show).join('+');
  return { value, text: `（${value}，总计未填，按各结果之和 ${shown}）`, derived: true, parts: shown };
}

/** Indexes of the table-4 totals left blank while their parts state numbers, in table order. */
export function blankTable4Totals(r: Report): number[] {
  if (!r.table4) return [];
  return [4, 9, 14].filter((i) => t4NotStated(r, i));
}
