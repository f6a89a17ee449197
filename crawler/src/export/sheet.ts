/**
 * Typed export tables and their writers: CSV (UTF-8 with BOM for Excel/WPS, formula-injection guard)
 * and XLSX sheets (real dates, booleans, numbers and hyperlinks, autofilter and frozen header).
 * Every table of `gongkai export` is one of these; docs/dataset.md lists them.
 */
import type ExcelJS from 'exceljs';

/** How a column's values are written: CSV writes them as text, XLSX as the matching cell type. */
export type ColumnType = 'text' | 'int' | 'num' | 'date' | 'bool' | 'url';

export interface Column {
  key: string;
  /** Header in Chinese (`--lang zh`). */
  zh: string;
  type: ColumnType;
}

export type CellValue = string | number | boolean | null;

export interface Table {
  /** File name (CSV) and sheet name (XLSX). */
  name: string;
  columns: Column[];
  rows: CellValue[][];
}

export type HeaderLang = 'en' | 'zh';

/** Builds a table from records with one accessor per column. */
export function tableOf<T>(name: string, spec: (Column & { get(r: T): CellValue })[], records: Iterable<T>): Table {
  const rows: CellValue[][] = [];
  for (const r of records) rows.push(spec.map((c) => c.get(r)));
  return { name, columns: spec.map(({ key, zh, type }) => ({ key, zh, type })), rows };
}

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab/CR) gets a leading
 * apostrophe, as OWASP advises for CSV: a scraped title can never become a formula when opened.
 */
export function guardFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvField(v: CellValue, type: ColumnType): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  const s = type === 'url' && /^https?:\/\//i.test(v) ? v : guardFormula(v); // a URL column's non-URL text is guarded too
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row as a CSV line (no line break), each field by its column's type (text guarded against formulas). */
export function csvLine(r: CellValue[], columns: Column[]): string {
  return r.map((v, i) => csvField(v, columns[i]!.type)).join(',');
}

/** The table as CSV: BOM, CRLF, a header row in the chosen language. */
export function toCsv(t: Table, lang: HeaderLang = 'en'): string {
  const lines = [t.columns.map((c) => csvField(lang === 'zh' ? c.zh : c.key, 'text')).join(',')];
  for (const r of t.rows) lines.push(csvLine(r, t.columns));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

function xlsxValue(v: CellValue, type: ColumnType): ExcelJS.CellValue {
  if (v === null) return null;
  if (type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
    return Number.isNaN(d.getTime()) ? v : d;
  }
  if (type === 'url' && typeof v === 'string' && /^https?:\/\//i.test(v)) return { text: v, hyperlink: v };
  return v;
}

/** Adds the table as a sheet: typed cells, bold frozen header, autofilter, column widths. */
export function addSheet(wb: ExcelJS.Workbook, t: Table, lang: HeaderLang = 'en'): void {
  const ws = wb.addWorksheet(t.name.slice(0, 31));
  const header = ws.addRow(t.columns.map((c) => (lang === 'zh' ? c.zh : c.key)));
  header.font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((v, i) => xlsxValue(v, t.columns[i]!.type)));
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.type === 'date') col.numFmt = 'yyyy-mm-dd';
    if (c.type === 'url') col.font = { color: { argb: 'FF0563C1' }, underline: true };
    const sample = t.rows.slice(0, 200).map((r) => String(r[i] ?? '').length);
    col.width = Math.min(60, Math.max(8, (lang === 'zh' ? c.zh.length * 2 : c.key.length) + 2, ...sample.map((n) => n + 2)));
  });
  header.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  if (t.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
}
