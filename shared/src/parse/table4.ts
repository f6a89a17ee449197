/** Table 4 (行政复议、行政诉讼): the one row of 15 numbers under the three-level header. */
import type { Table4 } from '../model/report.js';
import { alignTokens } from './rows.js';
import type { SourceRow } from './row-cells.js';
import { cellsOf } from './placement.js';
import { TABLE4_COLUMNS } from '../model/labels.js';

/** Header wording of table 4's fifteen leaf columns, in order (尚未完结 is a common variant). */
export const TABLE4_HEADER: readonly (readonly string[])[] = [0, 1, 2].flatMap(() =>
  TABLE4_COLUMNS.map((c) => (c.key === 'pending' ? [c.label, '尚未完结'] : [c.label])));

export function mapTable4(rows: SourceRow[], notes: string[]): Table4 | null {
  for (const row of rows) {
    if (row.tokens) {
      const a = alignTokens(row.tokens, 15);
      if (a.doubt || a.cells.every((c) => c === '')) continue;
    } else if (row.values.length < 15 || row.values.every((v) => v.text.trim() === '')) {
      continue;
    }
    return { cells: cellsOf(row, 15, 'table 4', notes) };
  }
  return null;
}
