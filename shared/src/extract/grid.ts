/** Expanding rowspan/colspan into a rectangular grid. */
import type { SourceRef } from '../model/report.js';
import type { Grid, GridCell } from './types.js';

export interface RawCell { text: string; rowSpan: number; colSpan: number; source: SourceRef; ocrConfidence?: number }
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
