/**
 * The JSON contract as tidy data: one record per cell of tables 2, 3 and 4, keyed by table, row and
 * column, with the value, the printed text and the cell's state. Crawler exports (values.csv, the
 * XLSX sheets) and batch parsing build on it; docs/dataset.md documents the fields.
 */
import { TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../model/labels.js';
import { makeCell } from '../values/parse-cell.js';
import type { ContractJson } from './contract.js';

/**
 * What a cell holds: `value` a number the report prints; `blank` nothing printed; `slash` a
 * not-applicable mark (`/`, `—`, `-`); `none-text` 无; `text` other text; `doubtful` printed, but its
 * reading or placement is not certain (the value is left out).
 */
export type CellState = 'value' | 'blank' | 'slash' | 'none-text' | 'text' | 'doubtful';

export interface TidyCell {
  table: 'table2' | 'table3' | 'table4';
  /** Table 2: the template row label; table 3: the row key (README); table 4: review | litigationDirect | litigationAfterReview. */
  row: string;
  rowLabel: string;
  /** Table 2: the template column label; table 3: naturalPerson … total; table 4: upheld … total. */
  column: string;
  columnLabel: string;
  /** The number (money: its amount in the printed unit), or null when the state is not `value`. */
  value: number | null;
  /** The unit printed with the number (元, 万元 …), if any. */
  unit: string | null;
  printed: string;
  state: CellState;
}

type Tables = Pick<ContractJson, 'template' | 'printed' | 'doubtful'>;

function stateOf(printed: string, doubt: boolean): { state: CellState; value: number | null; unit: string | null } {
  const cell = makeCell(printed, null);
  if (doubt) return { state: 'doubtful', value: null, unit: null };
  switch (cell.kind) {
    case 'number': return { state: 'value', value: cell.value, unit: cell.unit };
    case 'blank': return { state: 'blank', value: null, unit: null };
    case 'dash': return { state: 'slash', value: null, unit: null };
    case 'none': return { state: 'none-text', value: null, unit: null };
    default: return { state: 'text', value: null, unit: null };
  }
}

/** Every cell of the contract's tables 2, 3 and 4 as a tidy record, in template order. */
export function tidyCells(c: Tables): TidyCell[] {
  const doubtful = new Set((c.doubtful ?? []).map((d) => `${d.table}\u0000${d.row}\u0000${d.col}`));
  const isDoubtful = (table: string, row: string, col: number) => doubtful.has(`${table}\u0000${row}\u0000${col}`);
  const out: TidyCell[] = [];
  const t2 = c.printed.table2;
  if (t2) {
    for (const block of TABLE2_BLOCKS[c.template === '2021' ? '2021' : '2019']) {
      for (const r of block.rows) {
        const cells = t2[r.label];
        if (!cells) continue;
        block.columns.forEach((col, i) => {
          const printed = cells[i] ?? '';
          out.push({ table: 'table2', row: r.label, rowLabel: r.label, column: col.label, columnLabel: col.label, printed,
            ...stateOf(printed, isDoubtful('table2', r.label, i)) });
        });
      }
    }
  }
  const t3 = c.printed.table3;
  if (t3) {
    for (const def of TABLE3_ROWS) {
      const cells = t3[def.key];
      if (!cells) continue;
      TABLE3_COLUMNS.forEach((col, i) => {
        const printed = cells[i] ?? '';
        out.push({ table: 'table3', row: def.key, rowLabel: def.label, column: col.key, columnLabel: col.label, printed,
          ...stateOf(printed, isDoubtful('table3', def.key, i)) });
      });
    }
  }
  const t4 = c.printed.table4;
  if (t4) {
    t4.forEach((printed, i) => {
      const g = TABLE4_GROUPS[Math.floor(i / 5)], col = TABLE4_COLUMNS[i % 5];
      if (!g || !col) return;
      out.push({ table: 'table4', row: g.key, rowLabel: g.label, column: col.key, columnLabel: col.label, printed,
        ...stateOf(printed, isDoubtful('table4', '', i)) });
    });
  }
  return out;
}
