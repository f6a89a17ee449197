/** `gongkai export`: JSON (summary + each report's stable contract), CSV (one file per table), XLSX (one sheet per table). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunSummary } from '../report/summary.js';
import type { FindingRow, StoredDoc } from '../store/types.js';
import { runTables, type Table } from './tables.js';

export type ExportFormat = 'json' | 'csv' | 'xlsx';

const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(t: Table): string {
  // BOM so that spreadsheet programs read the Chinese text as UTF-8.
  return '\ufeff' + [t.header, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function toJson(s: RunSummary, docs: StoredDoc[], findings: FindingRow[]): string {
  return JSON.stringify({
    schema: 'gongkai.crawl/1',
    ...s,
    findingsDetail: findings.map((f) => ({ ...f, evidence: f.evidence ? JSON.parse(f.evidence) : null })),
    contracts: docs.filter((d) => d.contract).map((d) => ({ url: d.url, primary: d.isPrimary, ...JSON.parse(d.contract!) })),
  }, null, 2) + '\n';
}

/** Writes the export; returns the files written. `out` is a file for json/xlsx and a directory for csv. */
export async function writeExport(format: ExportFormat, out: string, s: RunSummary, docs: StoredDoc[], findings: FindingRow[]): Promise<string[]> {
  if (format === 'json') {
    writeFileSync(out, toJson(s, docs, findings));
    return [out];
  }
  const tables = runTables(s, findings);
  if (format === 'csv') {
    mkdirSync(out, { recursive: true });
    return tables.map((t) => {
      const f = join(out, `${t.name}.csv`);
      writeFileSync(f, toCsv(t));
      return f;
    });
  }
  const { default: ExcelJS } = await import('exceljs'); // heavy: loaded only for an XLSX export
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai Lens';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name);
    ws.addRow(t.header).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    t.header.forEach((h, i) => (ws.getColumn(i + 1).width = Math.min(60, Math.max(8, h.length + 2, ...t.rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2)))));
  }
  await wb.xlsx.writeFile(out);
  return [out];
}
