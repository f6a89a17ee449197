/**
 * Table 2 (主动公开政府信息情况): blocks of 第二十条 items, in either template's layout. Rows are
 * matched by label (exact, then by similarity) and, where the label does not settle it, by place in
 * the template's fixed row order (match-place.ts, the rule table 3 uses too): a row matched by place
 * keeps its printed label and `matchedBy: 'position'` (按位置匹配).
 */
import { TABLE2_BLOCKS, type Table2BlockDef } from '../model/labels.js';
import type { Table2 } from '../model/report.js';
import { labelKey } from '../text/normalize.js';
import { matchLabel, type LabelDef } from './match-label.js';
import { matchByPlace, type UnplacedRow } from './match-place.js';
import { rowCells, type SourceRow } from './row-cells.js';
import { spend } from './budget.js';

const LAYOUT_HINTS: Record<'2019' | '2021', string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增减', '采购项目数量', '采购总金额'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
};

/** Which layout the table's own headers show (null when no header wording is found). */
export function table2Layout(regionText: string): '2019' | '2021' | null {
  const key = labelKey(regionText);
  const score = (l: '2019' | '2021') => LAYOUT_HINTS[l].filter((h) => key.includes(labelKey(h))).length;
  const a = score('2019');
  const b = score('2021');
  if (a === 0 && b === 0) return null;
  return b > a ? '2021' : '2019';
}

/** Header lines of table 2 (信息内容 … column names, 第二十条 item lines). */
export function isTable2Header(label: string): boolean {
  const k = labelKey(label);
  return k.includes('信息内容') || k.includes('第二十条') || Object.values(LAYOUT_HINTS).flat().some((h) => k.includes(labelKey(h)));
}

/** A template row of the layout, as a label definition (key = the template label). */
interface Slot extends LabelDef { block: Table2BlockDef; label: string; keys: string[] }

function slots(layout: '2019' | '2021'): Slot[] {
  return (SLOTS[layout] ??= makeSlots(layout));
}
/** Made once per layout (label scores are remembered per list). */
const SLOTS: Partial<Record<'2019' | '2021', Slot[]>> = {};
function makeSlots(layout: '2019' | '2021'): Slot[] {
  return TABLE2_BLOCKS[layout].flatMap((block) => block.rows.map((r) => {
    const leaf = [r.label, ...(r.aliases ?? [])];
    return { key: r.label, leaf, block, label: r.label, keys: leaf.map(labelKey) };
  }));
}

/**
 * Longest label key a table-2 row label (with its item's group text) is taken to have: longer
 * printed labels are sentences of the section's prose, matched only when they end with a template
 * label, never by similarity or by place.
 */
const ROW_LABEL_MAX = 24;

/** The template row a printed label names: the longest template label the label ends with (-1: none). */
function exactSlot(all: Slot[], printed: string): number {
  const k = labelKey(printed);
  let best = -1;
  let bestLen = 0;
  all.forEach((s, i) => {
    for (const key of s.keys) {
      if ((k === key || k.endsWith(key)) && key.length > bestLen) { best = i; bestLen = key.length; }
    }
  });
  return best;
}

/** The template row, after `from`, a label with a missing, extra or wrong character stands for (-1: none or more than one). */
function similarSlot(all: Slot[], printed: string, from: number): number {
  if (labelKey(printed).length > ROW_LABEL_MAX) return -1;
  const m = matchLabel(all, printed, from);
  return m.length === 1 ? m[0]!.index : -1;
}

export function mapTable2(rows: SourceRow[], regionText: string, notes: string[]): Table2 | null {
  const layout = table2Layout(regionText);
  if (!layout) return null;
  const all = slots(layout);
  const found = new Map<number, { row: SourceRow; byPlace?: true }>();
  // Rows no label matched, with the template rows matched before and after them (for matching by place).
  const unplaced: UnplacedRow<SourceRow>[] = [];
  let open: UnplacedRow<SourceRow>[] = [];
  let last = -1;
  for (const row of rows) {
    spend();
    const hasValues = row.tokens !== undefined || row.values.length > 0;
    if (!hasValues || !row.label) continue;
    let index = exactSlot(all, row.label);
    if (index < 0) index = similarSlot(all, row.label, last + 1);
    if (index < 0) {
      if (labelKey(row.label).length <= ROW_LABEL_MAX && !isTable2Header(row.label)) {
        const u = { row, printed: row.label, prev: last, next: all.length };
        unplaced.push(u);
        open.push(u);
      }
      continue;
    }
    for (const u of open) u.next = index;
    open = [];
    last = index;
    if (!found.has(index)) found.set(index, { row });
  }
  if (!found.size) return null;
  const taken = new Set([...found.keys()].map((i) => all[i]!.key));
  for (const [u, i] of matchByPlace(all, taken, unplaced)) {
    found.set(i, { row: u.row, byPlace: true });
    notes.push(`table 2: row "${u.printed.replace(/\s+/g, '')}" matched by its place to ${all[i]!.label} (按位置匹配)`);
  }
  const out: Table2['rows'] = [];
  all.forEach((slot, i) => {
    const f = found.get(i);
    if (!f) return;
    const cells = rowCells(f.row, slot.block.columns.length, 'table 2', notes);
    out.push({
      label: slot.label, printed: f.row.label, item: slot.block.item, columns: slot.block.columns.map((c) => c.label), cells,
      ...(f.byPlace ? { matchedBy: 'position' as const } : {}),
    });
  });
  return { layout, rows: out, missingRows: all.filter((_, i) => !found.has(i)).map((s) => s.label) };
}
