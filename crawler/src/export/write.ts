/**
 * `gongkai export`: JSON (summary + each report's stable contract), JSON Lines (one contract per
 * report), CSV (a directory, one file per table) and XLSX (one workbook, a sheet per table).
 * Tables: the run's (reports, findings, columns, items, portals, claims, faults), the reports' own numbers
 * (values, and their totals by region, level and year; in the workbook also table2/table3/table4
 * wide), and with runs the time series
 * (column_snapshots, column_months, portals_over_time). docs/dataset.md documents every column.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunSummary } from '../report/summary.js';
import type { FindingRow, ItemRow, StoredDoc } from '../store/types.js';
import { itemsTable, runTables } from './tables.js';
import { addSheet, toCsv, type HeaderLang, type Table } from './sheet.js';
import { agencyId, valuesTable, wideTables, reportId, type RegionOf } from './values.js';
import { columnMonthsTable, columnSnapshotsTable, portalsOverTimeTable, type RunData } from './series.js';
import { totalsTable } from './totals.js';

export type ExportFormat = 'json' | 'jsonl' | 'csv' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'jsonl', 'csv', 'xlsx'];

export interface ExportOptions {
  /** Header language of CSV files and sheets (default en: snake_case keys). */
  lang?: HeaderLang;
  /** Runs for the time-series tables (`--runs all`); omitted: no time series. */
  series?: RunData[];
  /** Region of an agency (values' region_code/region/level, totals' groups); regions.ts builds one. */
  regionOf?: RegionOf;
  /** The run's column items (the `items` table, after `columns`); omitted: no items table. */
  items?: ItemRow[];
}

const noRegion: RegionOf = () => null;

export function toJson(s: RunSummary, docs: StoredDoc[], findings: FindingRow[]): string {
  // gongkai.crawl/1 keeps its names: the stated counts are `claims`, the report's figure `claimed`.
  const { statedCounts, ...summary } = s;
  return JSON.stringify({
    schema: 'gongkai.crawl/1',
    ...summary,
    claims: statedCounts.map((c) => ({ docUrl: c.docUrl, label: c.label, agency: c.agency, year: c.year, claimed: c.stated, found: c.found, columnKey: c.columnKey })),
    findingsDetail: findings.map((f) => ({ ...f, evidence: f.evidence ? JSON.parse(f.evidence) : null })),
    contracts: docs.filter((d) => d.contract).map((d) => ({ url: d.url, primary: d.isPrimary, ...JSON.parse(d.contract!) })),
  }, null, 2) + '\n';
}

/**
 * One report per line: its JSON contract plus where it came from (url, sha256, report_id, primary)
 * and, with a region resolver, who and where (agency_id, region_code, region, level).
 */
export function toJsonLines(docs: StoredDoc[], regionOf?: RegionOf): string {
  return docs.filter((d) => d.contract).map((d) => {
    const reg = regionOf?.(d.agency, d.host);
    const where = regionOf ? { agency_id: agencyId(d.agency, d.host), region_code: reg?.code ?? null, region: reg?.name ?? null, level: reg?.level ?? null } : {};
    return JSON.stringify({ ...JSON.parse(d.contract!), url: d.url, sha256: d.sha256, report_id: reportId(d), primary: d.isPrimary, ...where }) + '\n';
  }).join('');
}

/** Every table of the export, in file order. */
export function exportTables(s: RunSummary, docs: StoredDoc[], findings: FindingRow[], opts: ExportOptions, wide: boolean): Table[] {
  const regionOf = opts.regionOf ?? noRegion;
  const run = runTables(s, findings);
  const at = run.findIndex((t) => t.name === 'columns') + 1;
  if (opts.items) run.splice(at, 0, itemsTable(s, opts.items));
  return [
    ...run,
    valuesTable(docs, regionOf),
    totalsTable(docs, regionOf),
    ...(wide ? wideTables(docs, regionOf) : []),
    ...(opts.series ? [columnSnapshotsTable(opts.series), columnMonthsTable(opts.series), portalsOverTimeTable(opts.series)] : []),
  ];
}

/** Writes the export; returns the files written. `out` is a file for json/jsonl/xlsx and a directory for csv. */
export async function writeExport(format: ExportFormat, out: string, s: RunSummary, docs: StoredDoc[], findings: FindingRow[], opts: ExportOptions = {}): Promise<string[]> {
  if (format === 'json') {
    writeFileSync(out, toJson(s, docs, findings));
    return [out];
  }
  if (format === 'jsonl') {
    writeFileSync(out, toJsonLines(docs, opts.regionOf));
    return [out];
  }
  if (format === 'csv') {
    mkdirSync(out, { recursive: true });
    return exportTables(s, docs, findings, opts, false).map((t) => {
      const f = join(out, `${t.name}.csv`);
      writeFileSync(f, toCsv(t, opts.lang));
      return f;
    });
  }
  const { default: ExcelJS } = await import('exceljs'); // heavy: loaded only for an XLSX export
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai Lens';
  for (const t of exportTables(s, docs, findings, opts, true)) addSheet(wb, t, opts.lang);
  await wb.xlsx.writeFile(out);
  return [out];
}
