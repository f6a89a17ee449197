/** What every check gets: the report, its history, and a collector for outcomes and findings. */
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../model/labels.js';
import type { Cell, Report, Table2Row, Table3Row } from '../model/report.js';
import { checkInfo } from './catalogue.js';
import { cellEvidence, type CellEvidence, type CheckOutcome, type Evidence, type Finding } from './types.js';

export interface CheckContext {
  report: Report;
  /** Earlier (or other) reports of the same agency. */
  history: Report[];
  /** ISO date used as "today". */
  today: string;
  deadlines: { department: string; government: string };
}

/** Collects outcomes: a check that found nothing passes, one that could not look says why. */
export class Collector {
  readonly findings: Finding[] = [];
  private readonly outcomes = new Map<string, CheckOutcome>();

  fail(id: string, message: { zh: string; en: string }, evidence: Evidence): void {
    this.findings.push({ id, severity: checkInfo(id).severity, message, evidence });
    this.outcomes.set(id, { id, status: 'fail' });
  }
  pass(id: string): void {
    if (!this.outcomes.has(id)) this.outcomes.set(id, { id, status: 'pass' });
  }
  cannotRun(id: string, zh: string, en: string): void {
    const cur = this.outcomes.get(id);
    if (!cur || cur.status === 'pass') this.outcomes.set(id, { id, status: 'cannot-run', reason: { zh, en } });
  }
  notApplicable(id: string, zh: string, en: string): void {
    if (!this.outcomes.has(id)) this.outcomes.set(id, { id, status: 'not-applicable', reason: { zh, en } });
  }
  list(): CheckOutcome[] {
    return [...this.outcomes.values()];
  }
}

/**
 * Value for arithmetic: printed blanks, dashes and 无 count as 0; unreadable or doubtful cells, and
 * cells of rows the source does not have at all (undefined), are NaN — the check cannot run on them.
 */
export function num(c: Cell | undefined): number {
  if (!c) return NaN;
  if (c.doubt) return NaN;
  if (c.kind === 'number') return c.value!;
  if (c.kind === 'text') return NaN;
  return 0;
}

/** How a cell is shown in an expression: the number, 空 for blank, or what was printed. */
export function show(c: Cell | undefined): string {
  if (!c || c.kind === 'blank') return '空';
  if (c.kind === 'number') return String(c.value);
  return c.raw;
}

/** Printed as nothing to report (blank, dash, 无). A missing row or a doubtful cell is not empty: it is unknown. */
export function isEmpty(c: Cell | undefined): boolean {
  return !!c && !c.doubt && (c.kind === 'blank' || c.kind === 'dash' || c.kind === 'none');
}

const T3_SHORT: Record<string, string> = {
  newReceived: '一、本年新收', carriedOver: '二、上年结转', total: '（七）总计', carriedForward: '四、结转下年度',
};

/** Labels depend only on the template: each made once (by row key, then column). */
const t3Labels = new Map<string, string[]>();
export function t3Label(key: string, col: number): string {
  let byCol = t3Labels.get(key);
  if (!byCol) { byCol = []; if (t3Labels.size < 200) t3Labels.set(key, byCol); }
  let label = byCol[col];
  if (label === undefined) {
    const def = TABLE3_ROWS.find((d) => d.key === key);
    const row = T3_SHORT[key] ?? def?.label.replace(/^.*\s/, '') ?? key;
    label = `${row} · ${TABLE3_COLUMNS[col]!.label}`;
    if (Number.isInteger(col) && col >= 0 && col < TABLE3_COLUMNS.length) byCol[col] = label;
  }
  return label;
}

/** Table-3 rows by key, built once per table (checks look cells up many times). */
const rowIndex = new WeakMap<object, Map<string, Table3Row>>();
function t3Row(report: Report, key: string) {
  const t = report.table3;
  if (!t) return undefined;
  let m = rowIndex.get(t.rows);
  if (!m || m.size !== t.rows.length) { m = new Map(t.rows.map((r) => [r.key, r])); rowIndex.set(t.rows, m); }
  return m.get(key);
}

/** Drops the row index of a report's table 3; `checkReport` calls it first, as a report may be edited between runs. */
export function forgetRowIndex(report: Report): void {
  if (report.table3) rowIndex.delete(report.table3.rows);
}

export function t3Cell(report: Report, key: string, col: number): Cell | undefined {
  return t3Row(report, key)?.cells[col];
}

/**
 * Evidence for a table-3 cell. A row matched by its place rather than its (misspelt) label says so
 * and keeps its printed label: "2.其他法律行政法规禁止公开 · 自然人（按位置匹配：“2.其他法律行政止公开”）".
 */
export function t3Ev(report: Report, key: string, col: number): CellEvidence {
  const row = t3Row(report, key);
  const label = row?.matchedBy === 'position' ? `${t3Label(key, col)}${byPlaceMark(row.printed)}` : t3Label(key, col);
  return cellEvidence('table3', key, col, label, row?.cells[col]);
}

/** What a cell label says of a row matched by its place: its printed label, "（按位置匹配：“2.其他法律行政止公开”）". */
export function byPlaceMark(printed: string): string {
  return `（按位置匹配：“${printed.replace(/\s+/g, '')}”）`;
}

/** Label of a table-2 cell, "行政许可 · 本年处理决定数量"; a row matched by its place says so, as table 3's do (`t3Ev`). */
export function t2Label(row: Table2Row, col: number): string {
  const label = `${row.label} · ${row.columns[col] ?? ''}`;
  return row.matchedBy === 'position' ? `${label}${byPlaceMark(row.printed)}` : label;
}

export function t4Label(i: number): string {
  return `${TABLE4_GROUPS[Math.floor(i / 5)]!.label} · ${TABLE4_COLUMNS[i % 5]!.label}`;
}

export function t4Ev(report: Report, i: number): CellEvidence {
  return cellEvidence('table4', TABLE4_GROUPS[Math.floor(i / 5)]!.key, i, t4Label(i), report.table4?.cells[i]);
}

/** "a+b+c" of shown values and their sum (NaN if any is unknown). */
export function sumExpr(cells: (Cell | undefined)[]): { text: string; value: number } {
  return { text: cells.map(show).join('+'), value: cells.reduce((s, c) => s + num(c), 0) };
}
