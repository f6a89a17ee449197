/**
 * `totals`: per region, level and year, the sums of the headline figures of the primary reports
 * (applications received and carried over, granted, partially granted, denied; reviews and suits by
 * outcome). A report adds to a figure only when every cell the figure needs is a value the report
 * prints: a doubtful, blank, `/`, 无 or text cell makes it `missing` for that figure (listed by
 * report_id), never a silent 0.
 */
import { TABLE3_ROWS, TABLE4_COLUMNS, TABLE4_GROUPS, type TidyCell } from '@gongkai/shared';
import type { StoredDoc } from '../store/types.js';
import { tableOf, type Table } from './sheet.js';
import { reportCells, reportId, type RegionOf, type ReportCells } from './values.js';

type Address = [table: TidyCell['table'], row: string, column: string];

/** A headline figure: its key, Chinese name and the cells it sums (table3 cells are the 总计 column). */
export interface Figure { key: string; zh: string; cells: Address[] }

const t3 = (row: string): Address => ['table3', row, 'total'];

export const FIGURES: Figure[] = [
  { key: 'received', zh: '本年新收申请', cells: [t3('newReceived')] },
  { key: 'carried_over', zh: '上年结转申请', cells: [t3('carriedOver')] },
  { key: 'granted', zh: '予以公开', cells: [t3('granted')] },
  { key: 'partially_granted', zh: '部分公开', cells: [t3('partiallyGranted')] },
  { key: 'denied', zh: '不予公开（8项合计）', cells: TABLE3_ROWS.filter((r) => r.key.startsWith('denied.')).map((r) => t3(r.key)) },
  ...TABLE4_GROUPS.flatMap((g) => TABLE4_COLUMNS.map((c): Figure => ({
    key: `${{ review: 'review', litigationDirect: 'suit_direct', litigationAfterReview: 'suit_after_review' }[g.key] ?? g.key}.${c.key}`,
    zh: `${g.label}·${c.label}`, cells: [['table4', g.key, c.key]] }))),
];

/** A report's figure: the sum, or null when a needed cell is not a value. */
export function figureOf(r: Pick<ReportCells, 'cells'>, f: Figure): number | null {
  let sum = 0;
  for (const [table, row, column] of f.cells) {
    const c = r.cells.find((x) => x.table === table && x.row === row && x.column === column);
    if (!c || c.state !== 'value' || c.value === null) return null;
    sum += c.value;
  }
  return sum;
}

interface Group { code: string | null; name: string | null; level: string | null; year: number | null; reports: ReportCells[] }
interface Row { g: Group; f: Figure; sum: number; counted: number; missing: string[] }

export function totalsTable(docs: StoredDoc[], regionOf: RegionOf): Table {
  const groups = new Map<string, Group>();
  for (const r of reportCells(docs)) {
    const reg = regionOf(r.doc.agency, r.doc.host);
    const g = { code: reg?.code ?? null, name: reg?.name ?? null, level: reg?.level ?? null, year: r.doc.year };
    const key = `${g.code}\u0000${g.level}\u0000${g.year}`;
    const have = groups.get(key) ?? { ...g, reports: [] };
    have.reports.push(r);
    groups.set(key, have);
  }
  const rows: Row[] = [];
  const order = [...groups.values()].sort((a, b) => (a.code ?? '~').localeCompare(b.code ?? '~') || (a.level ?? '~').localeCompare(b.level ?? '~') || (a.year ?? 0) - (b.year ?? 0));
  for (const g of order) {
    for (const f of FIGURES) {
      const row: Row = { g, f, sum: 0, counted: 0, missing: [] };
      for (const r of g.reports) {
        const v = figureOf(r, f);
        if (v === null) row.missing.push(reportId(r.doc));
        else { row.sum += v; row.counted++; }
      }
      rows.push(row);
    }
  }
  return tableOf<Row>('totals', [
    { key: 'region_code', zh: '行政区划代码', type: 'text', get: (x) => x.g.code },
    { key: 'region', zh: '行政区划', type: 'text', get: (x) => x.g.name },
    { key: 'level', zh: '层级', type: 'text', get: (x) => x.g.level },
    { key: 'year', zh: '年度', type: 'int', get: (x) => x.g.year },
    { key: 'figure', zh: '指标', type: 'text', get: (x) => x.f.key },
    { key: 'figure_label', zh: '指标名称', type: 'text', get: (x) => x.f.zh },
    { key: 'cells', zh: '所取单元格', type: 'text', get: (x) => x.f.cells.map((c) => c.join('/')).join(' + ') },
    { key: 'sum', zh: '合计', type: 'num', get: (x) => x.sum },
    { key: 'reports', zh: '报告数', type: 'int', get: (x) => x.g.reports.length },
    { key: 'reports_counted', zh: '计入报告数', type: 'int', get: (x) => x.counted },
    { key: 'reports_missing', zh: '缺失报告数', type: 'int', get: (x) => x.missing.length },
    { key: 'missing_report_ids', zh: '缺失报告编号', type: 'text', get: (x) => x.missing.join(' ') },
  ], rows);
}
