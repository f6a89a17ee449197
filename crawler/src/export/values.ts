/**
 * The reports' own numbers as data: `values` (tidy, one row per cell of tables 2, 3 and 4 of every
 * primary report) and, for the spreadsheet, one wide sheet per table (one row per report, one column
 * per cell). Built from each stored report's JSON contract with @gongkai/shared's tidyCells.
 */
import { createHash } from 'node:crypto';
import { tidyCells, type ContractJson, type TidyCell } from '@gongkai/shared';
import type { StoredDoc } from '../store/types.js';
import { tableOf, type CellValue, type Column, type Table } from './sheet.js';

/** Where an agency is: a GB/T 2260 code and name and its level; null fields (with a note why) when they cannot be told. */
export interface RegionInfo { code: string | null; name: string | null; level: string | null; note: string | null }
export interface RegionOf { (agency: string | null, host: string): RegionInfo | null }

/** A report's stable id: its document's content hash (the same bytes give the same id in every run). */
export const reportId = (d: Pick<StoredDoc, 'sha256'>): string => d.sha256.slice(0, 16);

/** An agency's stable id: from its portal host and name (the same agency on two sites stays two). */
export const agencyId = (agency: string | null, host: string): string =>
  createHash('sha256').update(`${host}\u0000${agency ?? ''}`).digest('hex').slice(0, 12);

export interface ReportCells { doc: StoredDoc; contract: ContractJson; cells: TidyCell[] }

/** Primary reports with a contract, and their tidy cells. */
export function reportCells(docs: StoredDoc[]): ReportCells[] {
  const out: ReportCells[] = [];
  for (const doc of docs) {
    if (!doc.isPrimary || !doc.contract) continue;
    const contract = JSON.parse(doc.contract) as ContractJson;
    out.push({ doc, contract, cells: tidyCells(contract) });
  }
  return out.sort((a, b) => (a.doc.agency ?? '').localeCompare(b.doc.agency ?? '') || (a.doc.year ?? 0) - (b.doc.year ?? 0));
}

const REPORT_COLUMNS = (regionOf: RegionOf) => {
  const region = (r: ReportCells) => regionOf(r.doc.agency, r.doc.host);
  return [
    { key: 'report_id', zh: '报告编号', type: 'text', get: (r: ReportCells) => reportId(r.doc) },
    { key: 'agency_id', zh: '机关编号', type: 'text', get: (r: ReportCells) => agencyId(r.doc.agency, r.doc.host) },
    { key: 'agency', zh: '机关', type: 'text', get: (r: ReportCells) => r.doc.agency },
    { key: 'region_code', zh: '行政区划代码', type: 'text', get: (r: ReportCells) => region(r)?.code ?? null },
    { key: 'region', zh: '行政区划', type: 'text', get: (r: ReportCells) => region(r)?.name ?? null },
    { key: 'level', zh: '层级', type: 'text', get: (r: ReportCells) => region(r)?.level ?? null },
    { key: 'region_note', zh: '区划说明', type: 'text', get: (r: ReportCells) => region(r)?.note ?? null },
    { key: 'year', zh: '年度', type: 'int', get: (r: ReportCells) => r.doc.year },
    { key: 'template', zh: '格式', type: 'text', get: (r: ReportCells) => r.contract.template },
  ] as const;
};

/** `values`: one row per cell of every primary report. */
export function valuesTable(docs: StoredDoc[], regionOf: RegionOf): Table {
  const head = REPORT_COLUMNS(regionOf);
  const rows: { r: ReportCells; c: TidyCell }[] = [];
  for (const r of reportCells(docs)) for (const c of r.cells) rows.push({ r, c });
  return tableOf<{ r: ReportCells; c: TidyCell }>('values', [
    ...head.map((h) => ({ key: h.key, zh: h.zh, type: h.type, get: (x: { r: ReportCells }) => h.get(x.r) as CellValue })),
    { key: 'table', zh: '表', type: 'text', get: (x) => x.c.table },
    { key: 'row', zh: '行', type: 'text', get: (x) => x.c.row },
    { key: 'row_label', zh: '行名称', type: 'text', get: (x) => x.c.rowLabel },
    { key: 'column', zh: '列', type: 'text', get: (x) => x.c.column },
    { key: 'column_label', zh: '列名称', type: 'text', get: (x) => x.c.columnLabel },
    { key: 'value', zh: '数值', type: 'num', get: (x) => x.c.value },
    { key: 'unit', zh: '单位', type: 'text', get: (x) => x.c.unit },
    { key: 'printed', zh: '原文', type: 'text', get: (x) => x.c.printed },
    { key: 'state', zh: '状态', type: 'text', get: (x) => x.c.state },
    { key: 'source_url', zh: '来源', type: 'url', get: (x) => x.r.doc.url },
    { key: 'sha256', zh: 'SHA-256', type: 'text', get: (x) => x.r.doc.sha256 },
  ], rows);
}

/**
 * One wide sheet per table (`table2`, `table3`, `table4`): a row per primary report, a column per
 * cell headed `row_label/column_label` (Chinese) or `row/column`. A cell that is not a number holds
 * its printed text (blank stays empty; doubtful cells are marked `?` before their text).
 */
export function wideTables(docs: StoredDoc[], regionOf: RegionOf): Table[] {
  const reports = reportCells(docs);
  const head = REPORT_COLUMNS(regionOf);
  return (['table2', 'table3', 'table4'] as const).map((table) => {
    const keys = new Map<string, Column>();
    for (const r of reports) for (const c of r.cells) {
      if (c.table !== table) continue;
      const key = `${c.row}/${c.column}`;
      if (!keys.has(key)) keys.set(key, { key, zh: `${c.rowLabel}/${c.columnLabel}`, type: 'num' });
    }
    const cols = [...keys.values()];
    const rows = reports.map((r) => {
      const byKey = new Map(r.cells.filter((c) => c.table === table).map((c) => [`${c.row}/${c.column}`, c]));
      return [
        ...head.map((h) => h.get(r) as CellValue),
        ...cols.map((col): CellValue => {
          const c = byKey.get(col.key);
          if (!c || c.state === 'blank') return null;
          if (c.state === 'value') return c.value;
          return c.state === 'doubtful' ? `?${c.printed}` : c.printed;
        }),
      ];
    });
    return { name: table, columns: [...head.map(({ key, zh, type }) => ({ key, zh, type }) as Column), ...cols], rows };
  });
}
