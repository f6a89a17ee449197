/** Expanding rowspan/colspan into a rectangular grid. */
import type { SourceRef } from '../model/report.js';
import type { Grid, GridCell } from './types.js';

export interface RawCell {
  text: string; rowSpan: number; colSpan: number; source: SourceRef; ocrConfidence?: number;
  /** Printed width in CSS pixels (HTML `width=`/style width), when the source states it. */
  width?: number;
}
export interface RawRow { cells: RawCell[] }

const MAX_COLS = 200;

/**
 * Walk each row, skip slots already taken by a rowspan from above, and fill rowSpan × colSpan slots
 * per cell. Slots never filled (ragged rows) get an empty copy-less cell so every row has equal width.
 */
export function buildGrid(rows: RawRow[], index: number, page?: number): Grid {
  const out: (GridCell | undefined)[][] = [];
  rows.forEach((row, r) => {
    out[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (out[r]![c]) c++;
      if (c >= MAX_COLS) break;
      const rs = Math.max(1, Math.min(cell.rowSpan, rows.length - r));
      const cs = Math.max(1, Math.min(cell.colSpan, MAX_COLS - c));
      for (let dr = 0; dr < rs; dr++) {
        const rr = r + dr;
        out[rr] ??= [];
        for (let dc = 0; dc < cs; dc++) {
          const src = cell.source.kind === 'grid' ? { ...cell.source, row: r, col: c } : cell.source;
          const slot: GridCell = {
            text: cell.text, originRow: r, originCol: c, rowSpan: rs, colSpan: cs, copy: dr > 0 || dc > 0, source: src,
          };
          if (cell.ocrConfidence !== undefined) slot.ocrConfidence = cell.ocrConfidence;
          if (cell.width !== undefined) slot.width = cell.width;
          out[rr]![c + dc] = slot;
        }
      }
      c += cs;
    }
  });
  const width = Math.max(0, ...out.map((r) => r.length));
  const grid: GridCell[][] = out.map((r, ri) => {
    const full: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      full.push(r[c] ?? { text: '', originRow: ri, originCol: c, rowSpan: 1, colSpan: 1, copy: false,
        source: { kind: 'grid', table: index, row: ri, col: c } });
    }
    return full;
  });
  const g: Grid = { index, rows: grid };
  if (page !== undefined) g.page = page;
  return g;
}

/** Horizontal extent [x0, x1] of a cell in page units (CSS pixels for HTML, points for PDF). */
export type Extent = readonly [number, number];

/**
 * The horizontal extent of every slot's cell, as the page draws it, or null where unknown. PDF cells
 * carry their box; HTML cells their stated widths, laid end to end from the table's left edge (a cell
 * spanning down from a row above keeps the extent it has there). One cell of unknown width leaves
 * the rest of its row unknown: positions are never guessed. Null when no cell states a width or box.
 */
export function slotExtents(grid: Grid): (Extent | null)[][] | null {
  // No stated width or box anywhere (most HTML tables): nothing to lay out.
  if (!grid.rows.some((row) => row.some((s) => s.width !== undefined || (s.source.kind === 'grid' && s.source.box)))) return null;
  const byOrigin = new Map<number, Extent | null>();
  return grid.rows.map((row, r) => {
    const out: (Extent | null)[] = [];
    let cursor: number | null = 0;
    for (let c = 0; c < row.length;) {
      const slot = row[c]!;
      const key = slot.originRow * 4096 + slot.originCol;
      let ext: Extent | null;
      const box = slot.source.kind === 'grid' ? slot.source.box : undefined;
      if (slot.originRow !== r || slot.originCol !== c) ext = byOrigin.get(key) ?? null;
      else if (box) ext = [box[0], box[0] + box[2]];
      else if (cursor !== null && slot.width !== undefined) ext = [cursor, cursor + slot.width];
      else ext = null;
      if (slot.originRow === r && slot.originCol === c) byOrigin.set(key, ext);
      cursor = ext ? ext[1] : null;
      // Every slot of this cell in this row shares the extent.
      let k = c;
      while (k < row.length && row[k]!.originRow === slot.originRow && row[k]!.originCol === slot.originCol) { out.push(ext); k++; }
      c = k;
    }
    return out;
  });
}
