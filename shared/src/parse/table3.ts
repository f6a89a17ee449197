/** Table 3 (收到和处理政府信息公开申请情况): rows of any source → the 26 template rows × 7 columns. */
import { TABLE3_COLUMNS, TABLE3_ROWS, type Table3RowDef } from '../model/labels.js';
import type { Cell, Table3 } from '../model/report.js';
import { missingCell } from '../values/parse-cell.js';
import { labelKey } from '../text/normalize.js';
import { matchLabel } from './match-label.js';
import type { SourceRow } from './row-cells.js';
import { cellsOf } from './placement.js';

/** Header wording of table 3's seven columns (with variants seen in real reports), in order. */
export const TABLE3_HEADER: readonly (readonly string[])[] = TABLE3_COLUMNS.map((c) =>
  c.key === 'otherOrg' ? [c.label, '其他组织'] : c.key === 'total' ? [c.label, '合计'] : [c.label]);

const LAYOUT_2021 = ['逾期不补正', '缴纳费用', '收费通知'];

/** 2021 when the (六) rows of the 2021 template are present. */
export function table3Layout(rows: SourceRow[]): '2019' | '2021' {
  const all = labelKey(rows.map((r) => r.label).join(''));
  return LAYOUT_2021.some((k) => all.includes(k)) ? '2021' : '2019';
}

/** Map source rows to table 3. Returns null when no template row is found. */
export function mapTable3(rows: SourceRow[], notes: string[]): Table3 | null {
  const layout = table3Layout(rows);
  const defs: Table3RowDef[] = TABLE3_ROWS.filter((d) => d.templates.includes(layout));
  const found = new Map<string, { printed: string; cells: Cell[] }>();
  const extra: Table3['extraRows'] = [];
  let from = 0;
  let started = false;
  for (const row of rows) {
    const hasValues = row.tokens !== undefined || row.values.length > 0;
    if (!hasValues || !row.label) continue;
    // A header row (申请人情况 / 自然人 / 法人或其他组织) is never a data row, however the spans fell.
    if (/自然人|申请人情况|法人或其他组织/.test(row.label) && !/本年新收/.test(row.label)) continue;
    const matches = matchLabel(defs, row.label, from);
    if (!matches.length) {
      if (started && row.values.length >= 7 && !/^[\s\d]*$/.test(row.label)) {
        extra.push({ printed: row.label, cells: cellsOf(row, 7, 'table 3', notes) });
      }
      continue;
    }
    started = true;
    const cells = cellsOf(row, 7, 'table 3', notes);
    if (matches.length > 1) {
      const keys = matches.map((m) => defs[m.index]!.key);
      if (cells.every((c) => c.kind === 'blank' && !c.doubt)) {
        for (const m of matches) found.set(defs[m.index]!.key, { printed: row.label, cells: cells.map((c) => ({ ...c })) });
      } else {
        const doubt = `one line of values under two merged labels (${keys.join(', ')}): not assigned`;
        notes.push(`table 3: ${doubt}`);
        for (const m of matches) found.set(defs[m.index]!.key, { printed: row.label, cells: cells.map(() => missingCell(doubt)) });
      }
      from = Math.max(...matches.map((m) => m.index)) + 1;
      continue;
    }
    const def = defs[matches[0]!.index]!;
    if (found.has(def.key)) continue;
    found.set(def.key, { printed: row.label, cells });
    from = matches[0]!.index + 1;
  }
  if (found.size === 0) return null;
  const missingRows = defs.filter((d) => !found.has(d.key)).map((d) => d.key);
  return {
    layout,
    rows: defs.filter((d) => found.has(d.key)).map((d) => ({ key: d.key, printed: found.get(d.key)!.printed, cells: found.get(d.key)!.cells })),
    missingRows,
    extraRows: extra,
  };
}
