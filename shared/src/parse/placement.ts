/**
 * Placing a grid row's value cells under the template's columns, as a reader does.
 *
 * Word and WPS exports often give the header and the body different grids: 自然人 spans two grid
 * columns in the header and one in the body, a value cell spans two. Reading "the last seven slots"
 * then shifts every value one column over. A row is placed instead:
 * 1. by order, when it has exactly as many value cells as the template has columns;
 * 2. by geometry otherwise — page extents (HTML widths, PDF boxes) with a tolerance, or else the
 *    grid columns of the header cells, which must then line up exactly;
 * 3. when order and geometry both apply they must agree, column by column;
 * and a column that neither settles gets a doubtful cell. A cell is the report's value for its
 * column or doubtful, never another column's value.
 */
import type { Cell } from '../model/report.js';
import type { Grid } from '../extract/types.js';
import { slotExtents, type Extent } from '../extract/grid.js';
import { missingCell, parseValue } from '../values/parse-cell.js';
import { labelKey } from '../text/normalize.js';
import type { Row, RowCell } from './rows.js';
import { rowCells, valueCell, type SourceRow } from './row-cells.js';

/** One template column as the table's header draws it. */
export interface HeaderColumn {
  /** Template label (自然人, 商业企业 …). */
  label: string;
  /** Grid columns [from, to) of the header cell. */
  cols: Extent;
  /** Page extent of the header cell, when known. */
  x?: Extent;
}

/** Each column's header keys, and all of them, made once per label list. */
const keysOfLabels = new WeakMap<readonly (readonly string[])[], { want: string[][]; any: Set<string> }>();
function headerKeys(labels: readonly (readonly string[])[]): { want: string[][]; any: Set<string> } {
  let k = keysOfLabels.get(labels);
  if (!k) {
    const want = labels.map((vs) => vs.map(labelKey));
    k = { want, any: new Set(want.flat()) };
    keysOfLabels.set(labels, k);
  }
  return k;
}

/**
 * The header cells naming the template's columns, left to right: origin cells above the first row
 * holding a number, whose text is one of `labels[i]` (variants per column), exactly in template
 * order. Null when the header does not name every column once, in order.
 */
export function headerColumns(grid: Grid, labels: readonly (readonly string[])[], extents: (Extent | null)[][] | null = slotExtents(grid)): HeaderColumn[] | null {
  const { want, any } = headerKeys(labels);
  const found: { key: string; col: number; span: number; x: Extent | null }[] = [];
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    if (row.some((s) => !s.copy && DIGIT.test(s.text) && parseValue(s.text).kind === 'number')) break;
    for (let c = 0; c < row.length; c++) {
      const s = row[c]!;
      if (s.copy || s.text.length > 24) continue;
      const key = labelKey(s.text);
      if (any.has(key)) found.push({ key, col: c, span: s.colSpan, x: extents?.[r]?.[c] ?? null });
    }
  }
  found.sort((a, b) => a.col - b.col);
  if (found.length !== want.length || !found.every((f, i) => want[i]!.includes(f.key))) return null;
  return found.map((f, i) => {
    const h: HeaderColumn = { label: labels[i]![0]!, cols: [f.col, f.col + f.span] };
    if (f.x) h.x = f.x;
    return h;
  });
}

/** The row's value cells, one per source cell (a cell spanning several slots counts once). */
export function distinctValues(row: Row): RowCell[] {
  const out: RowCell[] = [];
  for (const v of row.values) {
    if (v.col !== undefined && out.length && out[out.length - 1]!.col === v.col) continue;
    out.push(v);
  }
  return out;
}

const DIGIT = /[\d０-９]/;
const overlap = (a: Extent, b: Extent): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
const width = (a: Extent): number => a[1] - a[0];

/** Column j → the cell(s) under it, or null when the geometry does not settle the row. */
type Assignment = (RowCell | null)[];

/**
 * Geometric placement. With page extents a cell covers a column when they share at least half of
 * the narrower of the two; a share between a quarter and a half is ambiguous. With grid columns
 * a cell must cover whole columns. Each column needs exactly one covering cell; a cell over
 * several columns is a merged cell; a number under no column means the geometry is wrong.
 */
function byGeometry(cells: RowCell[], header: HeaderColumn[], usePage: boolean): { columns: Assignment; merged: Set<RowCell> } | null {
  const iv = (c: RowCell): Extent | undefined => (usePage ? c.x : c.col !== undefined ? [c.col, c.col + (c.span ?? 1)] : undefined);
  const hv = (h: HeaderColumn): Extent | undefined => (usePage ? h.x : h.cols);
  const columns: Assignment = header.map(() => null);
  const merged = new Set<RowCell>();
  for (const cell of cells) {
    const a = iv(cell);
    if (!a || width(a) <= 0) return null;
    const covered: number[] = [];
    for (let j = 0; j < header.length; j++) {
      const b = hv(header[j]!)!;
      const o = overlap(a, b);
      if (o <= 0) continue;
      const m = Math.min(width(a), width(b));
      if (usePage) {
        if (o >= 0.5 * m) covered.push(j);
        else if (o > 0.25 * m) return null;
      } else {
        if (o < width(b) && o < width(a)) return null; // partial overlap of grid columns
        covered.push(j);
      }
    }
    if (!covered.length) {
      if (parseValue(cell.text).kind === 'number') return null;
      continue;
    }
    for (const j of covered) {
      if (columns[j]) return null; // two cells under one column
      columns[j] = cell;
    }
    if (covered.length > 1) merged.add(cell);
  }
  if (columns.some((c) => c === null)) return null;
  return { columns, merged };
}

/**
 * Placement by count: the row's value cells, less blank cells before the first stated one (an empty
 * cell left of the values, as label columns often have), are exactly the template's columns.
 */
function byOrder(cells: RowCell[], n: number): RowCell[] | null {
  if (cells.length === n) return cells;
  if (cells.length < n) return null;
  const surplus = cells.length - n;
  const lead = cells.slice(0, surplus);
  return lead.every((c) => c.text.trim() === '' && !c.copyV) ? cells.slice(surplus) : null;
}

/** A placed value cell; a number in a cell merged over several columns cannot be split: doubtful. */
function placed(v: RowCell, mergedOver: string[] | null): Cell {
  const cell = valueCell(v);
  const k = cell.kind;
  if (mergedOver && !cell.doubt && k !== 'blank' && k !== 'dash' && k !== 'none') {
    // A blank, dash or 无 across merged columns says the same for each; a number cannot be split.
    cell.doubt = `one merged cell "${v.text.trim()}" spans ${mergedOver.join('、')}: not split between them`;
  }
  return cell;
}

/**
 * The template's `header.length` (or `n`) cells of a grid row. See the module comment for the rules.
 * `what` names the table in notes.
 */
export function placeGridRow(row: Row, header: HeaderColumn[] | null, n: number, what: string, notes: string[]): Cell[] {
  const cells = distinctValues(row);
  const order = byOrder(cells, n);
  // The usual case: header and body grids agree, one cell per header column.
  if (order && header && header.length === n && order.every((c, j) => c.col === header[j]!.cols[0] && c.col + (c.span ?? 1) === header[j]!.cols[1])) {
    return order.map((v) => valueCell(v));
  }
  let geo: ReturnType<typeof byGeometry> = null;
  if (header && header.length === n) {
    const page = header.every((h) => h.x) && cells.every((c) => c.x);
    geo = byGeometry(cells, header, page) ?? (page ? byGeometry(cells, header, false) : null);
  }
  const label = row.label.replace(/\s+/g, '').slice(-24);
  if (!order && !geo) {
    const doubt = `row has ${cells.length} value cells where the template has ${n}`;
    notes.push(`${what} row "${label}": ${doubt}`);
    return new Array(n).fill(0).map(() => missingCell(doubt));
  }
  const names = header?.map((h) => h.label) ?? [];
  const mergedOver = (v: RowCell): string[] | null => {
    if (!geo?.merged.has(v)) return null;
    return names.filter((_, j) => geo!.columns[j] === v);
  };
  const out: Cell[] = [];
  let disagree = 0;
  for (let j = 0; j < n; j++) {
    const a = order?.[j] ?? null;
    const b = geo?.columns[j] ?? null;
    if (a && b && a !== b) {
      disagree++;
      out.push(missingCell(`the cells of this row do not line up with the header's ${names[j] ?? `column ${j + 1}`} column: not placed`));
      continue;
    }
    const v = (a ?? b)!;
    out.push(placed(v, a && !geo ? null : mergedOver(v)));
  }
  if (disagree) notes.push(`${what} row "${label}": ${disagree} cell(s) where the count of cells and the header's geometry disagree: marked doubtful`);
  return out;
}

/**
 * The `n` value cells of any source row: grid rows are placed under their table's header columns
 * (`row.header`, see `placeGridRow`); text rows are aligned as `rowCells` does.
 */
export function cellsOf(row: SourceRow, n: number, what: string, notes: string[]): Cell[] {
  if (!row.tokens && row.values.length && row.values.every((v) => v.col !== undefined)) return placeGridRow(row, row.header ?? null, n, what, notes);
  return rowCells(row, n, what, notes);
}
