/** A plain terminal table: each column as wide as its widest cell in display columns (Chinese counts two). */
import { displayWidth, padEnd, padStart } from './width.js';

/** Rows of cells → aligned lines (two spaces between columns; the last column is not padded). */
export function terminalTable(header: string[], rows: string[][], align: ('left' | 'right')[] = []): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  return all.map((r) => r.map((c, i) => {
    if (i === r.length - 1 && align[i] !== 'right') return c;
    return align[i] === 'right' ? padStart(c, widths[i]!) : padEnd(c, widths[i]!);
  }).join('  ').trimEnd());
}
