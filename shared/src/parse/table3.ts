/** Table 3 (收到和处理政府信息公开申请情况): rows of any source → the 26 template rows × 7 columns. */
import { TABLE3_COLUMNS, TABLE3_ROWS, type Table3RowDef } from '../model/labels.js';
import type { Cell, Table3 } from '../model/report.js';
import { missingCell } from '../values/parse-cell.js';
import { labelKey } from '../text/normalize.js';
import { matchLabel } from './match-label.js';
import { matchByPlace, type UnplacedRow } from './match-place.js';
import type { SourceRow } from './row-cells.js';
import { cellsOf } from './placement.js';
import { spend } from './budget.js';

/** Header wording of table 3's seven columns (with variants seen in real reports), in order. */
export const TABLE3_HEADER: readonly (readonly string[])[] = TABLE3_COLUMNS.map((c) =>
  c.key === 'otherOrg' ? [c.label, '其他组织'] : c.key === 'total' ? [c.label, '合计'] : [c.label]);

const LAYOUT_2021 = ['逾期不补正', '缴纳费用', '收费通知'];

/** 2021 when the (六) rows of the 2021 template are present. */
export function table3Layout(rows: SourceRow[]): '2019' | '2021' {
  const all = labelKey(rows.map((r) => r.label).join(''));
  return LAYOUT_2021.some((k) => all.includes(k)) ? '2021' : '2019';
}

/** The template rows of each layout, made once (label scores are remembered per list). */
const DEFS: Record<'2019' | '2021', readonly Table3RowDef[]> = {
  2019: TABLE3_ROWS.filter((d) => d.templates.includes('2019')),
  2021: TABLE3_ROWS.filter((d) => d.templates.includes('2021')),
};

/** Map source rows to table 3. Returns null when no template row is found. */
export function mapTable3(rows: SourceRow[], notes: string[]): Table3 | null {
  const layout = table3Layout(rows);
  const defs = DEFS[layout];
  const found = new Map<string, { printed: string; cells: Cell[]; byPlace?: true }>();
  // Rows no label matched, with the template rows matched before and after them (for matching by place).
  const unplaced: (UnplacedRow<SourceRow> & { started: boolean })[] = [];
  let open: typeof unplaced = [];
  let from = 0;
  let started = false;
  const matched = (index: number): void => { for (const u of open) u.next = index; open = []; };
  for (const row of rows) {
    spend();
    const hasValues = row.tokens !== undefined || row.values.length > 0;
    if (!hasValues || !row.label) continue;
    // A header row (申请人情况 / 自然人 / 法人或其他组织) is never a data row, however the spans fell.
    const key = labelKey(row.label);
    if (/自然人|申请人情况|法人或其他组织/.test(key) && !/本年新收/.test(key)) continue;
    const matches = matchLabel(defs, row.label, from);
    if (!matches.length) {
      const u = { row, printed: row.label, prev: from - 1, next: defs.length, started };
      unplaced.push(u);
      open.push(u);
      continue;
    }
    started = true;
    matched(Math.min(...matches.map((m) => m.index)));
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
  const byPlace = new Set<UnplacedRow<SourceRow>>();
  for (const [u, i] of matchByPlace(defs, new Set(found.keys()), unplaced)) {
    const def = defs[i]!;
    byPlace.add(u);
    found.set(def.key, { printed: u.printed, cells: cellsOf(u.row, 7, 'table 3', notes), byPlace: true });
    notes.push(`table 3: row "${u.printed.replace(/\s+/g, '')}" matched by its place to ${def.label.replace(/^.*\s/, '')} (按位置匹配)`);
  }
  // Unmatched rows of seven values inside the table are rows the template does not have (小计 …).
  const extra: Table3['extraRows'] = unplaced
    .filter((u) => !byPlace.has(u) && u.started && u.row.values.length >= 7 && !/^[\s\d]*$/.test(u.printed))
    .map((u) => ({ printed: u.printed, cells: cellsOf(u.row, 7, 'table 3', notes) }));
  const missingRows = defs.filter((d) => !found.has(d.key)).map((d) => d.key);
  return {
    layout,
    rows: defs.filter((d) => found.has(d.key)).map((d) => {
      const f = found.get(d.key)!;
      return { key: d.key, printed: f.printed, cells: f.cells, ...(f.byPlace ? { matchedBy: 'position' as const } : {}) };
    }),
    missingRows,
    extraRows: extra,
  };
}
