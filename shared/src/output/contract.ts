/**
 * The machine contract of `gongkai parse --json` (and of crawler exports). Stable: fields are only
 * ever added. Documented in docs/json-contract.md.
 */
import { TABLE2_BLOCKS } from '../model/labels.js';
import type { Cell, Report } from '../model/report.js';
import type { CheckOutcome, CheckResult, Finding } from '../checks/types.js';

type Value = number | string | null;

export interface ContractJson {
  schema: 'gongkai.report/1';
  agency: string | null;
  year: number | null;
  template: Report['template'];
  title: string | null;
  publishedAt: string | null;
  source: Report['source'];
  tables: {
    /** Template row label → values; money columns (采购总金额, 本年收费金额) as printed text. */
    table2: Record<string, Value[]> | null;
    /** Row key → 7 values [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]; null = not a number. */
    table3: Record<string, (number | null)[]> | null;
    /** 15 values: 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5. */
    table4: (number | null)[] | null;
  };
  /** The cells as printed, same shapes as `tables`: keeps blank ("") distinct from "/", "无" and "0". */
  printed: {
    table2: Record<string, string[]> | null;
    table3: Record<string, string[]> | null;
    table4: string[] | null;
  };
  /**
   * Every cell whose value is left out as doubtful (its value above is null; its printed text stays):
   * where it is and why. `row` is the table-2 row label or table-3 row key, `""` for table 4.
   */
  doubtful: DoubtfulCell[];
  findings: Finding[];
  checks: CheckOutcome[];
  score: number;
  notes: string[];
}

/** A doubtful cell's address in the contract's tables, with the parser's reason. */
export interface DoubtfulCell { table: 'table2' | 'table3' | 'table4'; row: string; col: number; reason: string }

function doubtfulCells(report: Report): DoubtfulCell[] {
  const out: DoubtfulCell[] = [];
  const add = (table: DoubtfulCell['table'], row: string, cells: Cell[]) =>
    cells.forEach((c, col) => { if (c.doubt) out.push({ table, row, col, reason: c.doubt }); });
  for (const r of report.table2?.rows ?? []) add('table2', r.label, r.cells);
  for (const r of report.table3?.rows ?? []) add('table3', r.key, r.cells);
  if (report.table4) add('table4', '', report.table4.cells);
  return out;
}

const v = (c: Cell): number | null => (c.kind === 'number' && !c.doubt ? c.value : null);

export function toContract(report: Report, result: CheckResult): ContractJson {
  const t2 = report.table2;
  const moneyCols = (item: string) => {
    const b = t2 ? TABLE2_BLOCKS[t2.layout].find((x) => x.item === item) : undefined;
    return b ? b.columns.map((c) => c.kind === 'money') : [];
  };
  return {
    schema: 'gongkai.report/1',
    agency: report.agency,
    year: report.year,
    template: report.template,
    title: report.title,
    publishedAt: report.publishedAt,
    source: report.source,
    tables: {
      table2: t2 ? Object.fromEntries(t2.rows.map((r) => {
        const money = moneyCols(r.item);
        return [r.label, r.cells.map((c, i) => (money[i] ? (c.kind === 'blank' || c.doubt ? null : c.raw) : v(c)))];
      })) : null,
      table3: report.table3 ? Object.fromEntries(report.table3.rows.map((r) => [r.key, r.cells.map(v)])) : null,
      table4: report.table4 ? report.table4.cells.map(v) : null,
    },
    printed: {
      table2: t2 ? Object.fromEntries(t2.rows.map((r) => [r.label, r.cells.map((c) => c.raw)])) : null,
      table3: report.table3 ? Object.fromEntries(report.table3.rows.map((r) => [r.key, r.cells.map((c) => c.raw)])) : null,
      table4: report.table4 ? report.table4.cells.map((c) => c.raw) : null,
    },
    doubtful: doubtfulCells(report),
    findings: result.findings,
    checks: result.outcomes,
    score: result.score.value,
    notes: report.notes,
  };
}
