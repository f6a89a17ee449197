/** Table 2 (主动公开政府信息情况): blocks of 第二十条 items, in either template's layout. */
import { TABLE2_BLOCKS, type Table2BlockDef } from '../model/labels.js';
import type { Table2 } from '../model/report.js';
import { labelKey } from '../text/normalize.js';
import { rowCells, type SourceRow } from './row-cells.js';

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

interface Slot { block: Table2BlockDef; label: string; keys: string[] }

function slots(layout: '2019' | '2021'): Slot[] {
  return TABLE2_BLOCKS[layout].flatMap((block) => block.rows.map((r) => ({
    block, label: r.label, keys: [r.label, ...(r.aliases ?? [])].map(labelKey),
  })));
}

/** The template row a printed label names: the longest template label the label ends with. */
function slotFor(all: Slot[], printed: string): Slot | null {
  const k = labelKey(printed);
  let best: Slot | null = null;
  let bestLen = 0;
  for (const s of all) {
    for (const key of s.keys) {
      if ((k === key || k.endsWith(key)) && key.length > bestLen) { best = s; bestLen = key.length; }
    }
  }
  return best;
}

export function mapTable2(rows: SourceRow[], regionText: string, notes: string[]): Table2 | null {
  const layout = table2Layout(regionText);
  if (!layout) return null;
  const all = slots(layout);
  const out: Table2['rows'] = [];
  for (const row of rows) {
    const hasValues = row.tokens !== undefined || row.values.length > 0;
    if (!hasValues || !row.label) continue;
    const slot = slotFor(all, row.label);
    if (!slot || out.some((r) => r.label === slot.label)) continue;
    const n = slot.block.columns.length;
    const cells = rowCells(row, n, 'table 2', notes);
    out.push({ label: slot.label, printed: row.label, item: slot.block.item, columns: slot.block.columns.map((c) => c.label), cells });
  }
  if (!out.length) return null;
  return { layout, rows: out, missingRows: all.filter((s) => !out.some((r) => r.label === s.label)).map((s) => s.label) };
}
