/**
 * Turning each source shape into rows of cells, so one mapper per table serves every format:
 * - grids (HTML, DOCX, ruled PDF): one row per <tr>, spans expanded;
 * - "cell per line" text dumps (seeds 001, 002): tab-indented lines are cells, blank lines end rows;
 * - flattened PDF text (seed 000): label fragments accumulate until a line of values, where cells
 *   are joined by single spaces and a blank cell leaves an empty string between them.
 */
import type { SourceRef } from '../model/report.js';
import type { Grid } from '../extract/types.js';
import type { Extent } from '../extract/grid.js';
import type { HeaderColumn } from './placement.js';
import { isValueText } from '../values/parse-cell.js';
import { spend } from './budget.js';

export interface RowCell {
  text: string;
  source: SourceRef;
  /** Slot filled by a colspan/rowspan from another slot. */
  copyH?: boolean;
  copyV?: boolean;
  ocrConfidence?: number;
  /** Grid sources: the cell's first column and its column span in the expanded grid. */
  col?: number;
  span?: number;
  /** Grid sources: the cell's horizontal extent on the page, when widths or boxes give it. */
  x?: Extent;
}

export interface Row {
  /** Label text (all label cells joined). */
  label: string;
  /** Label cells in order (for grids and cell-per-line text). */
  labels: string[];
  /** Trailing value cells, in order. */
  values: RowCell[];
  /** First line (text sources) or row index (grids). */
  at: number;
  /** For flattened text: how the value line split, when it did not split cleanly. */
  doubt?: string;
  /** Grid rows: the template columns as the table's header draws them (null: header not found). */
  header?: HeaderColumn[] | null;
}

/**
 * A cell that is meant as a number but is not one: a count written in Chinese numerals (二十七) or a
 * letter O typed for 0. It stays in the value columns (and is reported as unreadable) instead of
 * ending the row's values and pushing every other cell into the wrong place.
 */
const MISREAD_NUMBER = /^[\s\d一二三四五六七八九十百千零〇两OoIl.,，+\-]{1,8}$/u;
const HAS_DIGITISH = /[\d一二三四五六七八九十百千零〇两OoIl]/u;
export function isMisreadNumber(text: string): boolean {
  const t = text.trim();
  return MISREAD_NUMBER.test(t) && HAS_DIGITISH.test(t);
}

/** Split a list of cells into leading labels and the trailing run of value-like cells. */
function splitCells(cells: RowCell[], at: number): Row {
  let k = cells.length;
  // Whether each trailing cell reads as a value, computed once per cell.
  const isValue: boolean[] = [];
  while (k > 0) {
    const t = cells[k - 1]!.text;
    const v = isValueText(t);
    if (!v && !isMisreadNumber(t)) break;
    isValue[k - 1] = v;
    k--;
  }
  // A run of only misread "numbers" is a label (一, 二 …), not values.
  if (!isValue.includes(true)) k = cells.length;
  const labelCells = cells.slice(0, k);
  const labels: string[] = [];
  for (const c of labelCells) {
    const t = c.text.trim();
    if (t && labels[labels.length - 1] !== t) labels.push(t);
  }
  return { label: labels.join(' '), labels, values: cells.slice(k), at };
}

/** Rows of a grid. `dedupeH` drops horizontal span copies (table 2's merged value cells); `extents` (`slotExtents`) gives cells their page extent. */
export function gridRows(grid: Grid, dedupeH: boolean, extents: (Extent | null)[][] | null = null): Row[] {
  return grid.rows.map((r, ri) => {
    const cells: RowCell[] = [];
    r.forEach((slot, ci) => {
      const copyH = slot.copy && slot.originRow === ri;
      const copyV = slot.copy && slot.originRow !== ri;
      if (dedupeH && copyH) return;
      const cell: RowCell = { text: slot.text, source: slot.source, col: slot.originCol, span: slot.colSpan };
      if (copyH) cell.copyH = true;
      if (copyV) cell.copyV = true;
      if (slot.ocrConfidence !== undefined) cell.ocrConfidence = slot.ocrConfidence;
      const x = extents?.[ri]?.[ci];
      if (x) cell.x = x;
      cells.push(cell);
    });
    return splitCells(cells, ri);
  });
}

/** True when a region of text is a "cell per line" dump (many tab-indented lines). */
export function isCellPerLine(lines: string[], from: number, to: number): boolean {
  let tabbed = 0;
  for (let i = from; i < to; i++) if (lines[i]!.startsWith('\t')) tabbed++;
  return tabbed >= 6;
}

/** Rows of a "cell per line" dump between two line indices. */
export function cellLineRows(lines: string[], from: number, to: number): Row[] {
  const rows: Row[] = [];
  let cells: RowCell[] = [];
  let start = from;
  const end = (): void => {
    if (cells.length) rows.push(splitCells(cells, start));
    cells = [];
  };
  for (let i = from; i < to; i++) {
    spend();
    const line = lines[i]!;
    if (line.startsWith('\t')) {
      if (!cells.length) start = i;
      const text = line.slice(1);
      cells.push({ text, source: { kind: 'text', line: i, start: 1, end: line.length } });
    } else if (line.trim() === '') {
      end();
    } else if (cells.length) {
      // A cell whose text wrapped onto an unindented line ("本年新\n制作数量").
      const last = cells[cells.length - 1]!;
      last.text += line;
    }
  }
  end();
  return rows;
}

const VALUE_TOKEN = /^[+\-]?[\d０-９][\d０-９,，.．]*(?:[（(][+\-][)）])?(?:万元|元|件|个|项|条)?$|^[\/／—–-]$|^无$|^$/u;

/** Split a flattened line into label text and value tokens (cells joined by single spaces). */
export function splitFlatLine(line: string): { label: string; tokens: string[] | null } {
  const body = line.replace(/\u00a0|\u3000/g, ' ');
  const parts = body.split(' ');
  let k = parts.length;
  while (k > 0 && VALUE_TOKEN.test(parts[k - 1]!)) k--;
  const label = parts.slice(0, k).join(' ').trim();
  const rest = parts.slice(k);
  // A label line with only a trailing space is not a value line.
  if (rest.every((t) => t === '') && rest.length <= 2 && label) return { label, tokens: null };
  if (rest.length === 0) return { label, tokens: null };
  return { label, tokens: rest };
}

/**
 * Align value tokens to `n` columns. Cells were joined by single spaces, so splitting on single
 * spaces gives the cells back; PDF text adds at most one stray space at either end.
 */
export function alignTokens(tokens: string[], n: number): { cells: string[]; first: number; doubt?: string } {
  let t = tokens.slice();
  let first = 0;
  if (t.every((x) => x === '')) return { cells: new Array(n).fill(''), first };
  while (t.length > n && t[t.length - 1] === '') t = t.slice(0, -1);
  while (t.length > n && t[0] === '') { t = t.slice(1); first++; }
  if (t.length === n) return { cells: t, first };
  return { cells: new Array(n).fill(''), first, doubt: `${t.filter((x) => x).length} values on one line could not be aligned to ${n} columns: "${tokens.join(' ')}"` };
}

/**
 * Rows of flattened text: label fragments accumulate until a value line; the values are kept as raw
 * tokens (aligned later, when the mapper knows how many columns the row has).
 */
export function flatRows(lines: string[], from: number, to: number, isHeader: (label: string) => boolean): (Row & { tokens: string[]; line: number; lineText: string })[] {
  const rows: (Row & { tokens: string[]; line: number; lineText: string })[] = [];
  let acc: string[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    spend();
    const raw = lines[i]!;
    if (raw === '' || raw.startsWith('\u0000')) continue;
    // trimEnd, not /\s+$/: that regex is quadratic on a long run of spaces not at the end.
    const trimmedEnd = raw.trimEnd();
    const allSpace = raw.trim() === '';
    if (allSpace) {
      // A line of spaces only: a row whose cells are all blank (seed 000), if long enough to be one.
      if (raw.length >= 4 && acc.length) {
        rows.push({ label: acc.join(''), labels: acc.slice(), values: [], at: start, tokens: [''], line: i, lineText: raw });
        acc = [];
      }
      continue;
    }
    const { label, tokens } = splitFlatLine(raw.replace(/^\s/, ''));
    if (tokens === null || (tokens.every((x) => x === '') && trimmedEnd.length === raw.length)) {
      if (isHeader(label)) { acc = []; continue; }
      if (!acc.length) start = i;
      acc.push(label.trim());
      continue;
    }
    if (label) { if (!acc.length) start = i; acc.push(label); }
    rows.push({ label: acc.join(''), labels: acc.slice(), values: [], at: start, tokens, line: i, lineText: raw });
    acc = [];
  }
  return rows;
}
