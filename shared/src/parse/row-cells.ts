/** Turning a source row into exactly the template's number of value cells. */
import type { Cell } from '../model/report.js';
import { makeCell, missingCell } from '../values/parse-cell.js';
import { alignTokens, type Row, type RowCell } from './rows.js';

/** OCR readings at or below this confidence are doubtful: shown, but never used in arithmetic. */
export const OCR_DOUBT_CONFIDENCE = 0.4;

/** A row of the source ready for mapping: label plus either cells or raw flattened tokens. */
export type SourceRow = Row & { tokens?: string[]; line?: number; lineText?: string };

/**
 * The `n` value cells of a source row. Flattened text rows are aligned from their tokens; grid and
 * cell-per-line rows take their last `n` value cells. A row that does not fit gets doubtful blank
 * cells and a note — never values shifted into the wrong column.
 */
export function rowCells(row: SourceRow, n: number, what: string, notes: string[]): Cell[] {
  if (row.tokens) {
    const { cells, first, doubt } = alignTokens(row.tokens, n);
    if (doubt) {
      notes.push(`${what} row "${row.label.slice(-24)}": ${doubt}`);
      return cells.map(() => missingCell(doubt));
    }
    // Offsets of each token within the line, for provenance.
    const line = row.line ?? row.at;
    const text = row.lineText ?? '';
    let pos = text.length - row.tokens.join(' ').length;
    const offsets = row.tokens.map((t) => { const s = pos; pos += t.length + 1; return s; });
    return cells.map((c, i) => {
      const s = offsets[i + first] ?? 0;
      return makeCell(c, { kind: 'text', line, start: Math.max(0, s), end: Math.max(0, s) + c.length });
    });
  }
  const vals: RowCell[] = row.values;
  if (vals.length < n) {
    const doubt = `row has ${vals.length} value cells where the template has ${n}`;
    notes.push(`${what} row "${row.label.slice(-24)}": ${doubt}`);
    return new Array(n).fill(0).map(() => missingCell(doubt));
  }
  return vals.slice(vals.length - n).map((v) => valueCell(v));
}

/**
 * A model cell from a source value cell: its printed text, doubtful when OCR was unsure or when the
 * slot is a copy of a merged cell (its value belongs to the slot the cell starts in).
 */
export function valueCell(v: RowCell): Cell {
  const extra: { ocrConfidence?: number; doubt?: string } = {};
  if (v.ocrConfidence !== undefined) {
    extra.ocrConfidence = v.ocrConfidence;
    if (v.ocrConfidence <= OCR_DOUBT_CONFIDENCE) extra.doubt = `OCR reading "${v.text.trim()}" has confidence ${v.ocrConfidence.toFixed(2)}: not read with certainty`;
  }
  if (v.copyH || v.copyV) extra.doubt = 'value of a merged cell spanning several slots';
  return makeCell(v.copyH || v.copyV ? '' : v.text, v.source, extra);
}
