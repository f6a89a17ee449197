/**
 * Locating tables 2, 3 and 4 in a document — as grids when the source has real tables, else in the
 * text of their sections — and mapping them.
 */
import type { ExtractedDocument, Grid } from '../extract/types.js';
import type { Table2, Table3, Table4 } from '../model/report.js';
import { labelKey } from '../text/normalize.js';
import type { FoundSection } from './sections.js';
import { cellLineRows, flatRows, gridRows, isCellPerLine } from './rows.js';
import type { SourceRow } from './row-cells.js';
import { isTable2Header, mapTable2 } from './table2.js';
import { mapTable3, TABLE3_HEADER } from './table3.js';
import { mapTable4, TABLE4_HEADER } from './table4.js';
import { headerColumns, type HeaderColumn } from './placement.js';
import { slotExtents } from '../extract/grid.js';

export type TableKind = 'table2' | 'table3' | 'table4';

function gridText(g: Grid): string {
  return g.rows.map((r) => r.map((c) => (c.copy ? '' : c.text)).join(' ')).join('\n');
}

/** What a grid is, from its wording. */
export function classifyGrid(g: Grid, text: string = gridText(g)): TableKind | null {
  const k = labelKey(text);
  if (k.includes('本年新收') || (k.includes('申请人情况') && k.includes('自然人'))) return 'table3';
  if (k.includes('行政复议') && (k.includes('结果维持') || k.includes('复议后起诉'))) return 'table4';
  if (k.includes('第二十条') || k.includes('信息内容') || k.includes('规范性文件') || k.includes('行政许可')) return 'table2';
  return null;
}

/** Anchors for finding a table in text when its section heading is missing. */
const ANCHORS: Record<TableKind, string[]> = {
  table2: ['第二十条第'],
  table3: ['本年新收政府信息公开申请', '申请人情况'],
  table4: ['结果维持', '未经复议直接起诉'],
};
const SECTION_OF: Record<TableKind, number> = { table2: 2, table3: 3, table4: 4 };

function textRegion(kind: TableKind, lines: string[], sections: FoundSection[]): [number, number] | null {
  const sec = sections.find((s) => s.n === SECTION_OF[kind]);
  if (sec) return [sec.line + 1, sec.end];
  const anchors = ANCHORS[kind].map(labelKey);
  const start = lines.findIndex((l) => anchors.some((a) => labelKey(l).includes(a)));
  if (start < 0) return null;
  const next = sections.find((s) => s.line > start);
  return [Math.max(0, start - 2), next ? next.line : Math.min(lines.length, start + 400)];
}

function textRows(kind: TableKind, lines: string[], from: number, to: number): SourceRow[] {
  if (isCellPerLine(lines, from, to)) return cellLineRows(lines, from, to);
  return flatRows(lines, from, to, kind === 'table2' ? isTable2Header : () => false);
}

/**
 * Rows of a table's grids, each carrying its grid's header columns. A grid without a header (a
 * table continued in a second <table>) uses the previous grid's, when both are equally wide.
 */
function placedGridRows(grids: Grid[], labels: readonly (readonly string[])[]): SourceRow[] {
  let last: { header: HeaderColumn[]; width: number } | null = null;
  return grids.flatMap((g) => {
    const extents = slotExtents(g);
    const rows = gridRows(g, false, extents);
    const width = g.rows[0]?.length ?? 0;
    let header = headerColumns(g, labels, extents);
    if (header) last = { header, width };
    else if (last && last.width === width) header = last.header;
    for (const r of rows) r.header = header;
    return rows;
  });
}

export interface MappedTables {
  table2: Table2 | null;
  table3: Table3 | null;
  table4: Table4 | null;
  /** Line range of each table's text region (text sources), for telling prose from table text. */
  regions: Partial<Record<TableKind, [number, number]>>;
}

export function mapTables(doc: ExtractedDocument, lines: string[], sections: FoundSection[], notes: string[]): MappedTables {
  const byKind: Record<TableKind, Grid[]> = { table2: [], table3: [], table4: [] };
  const texts = new Map<Grid, string>();
  for (const g of doc.grids) {
    const text = gridText(g);
    texts.set(g, text);
    const k = classifyGrid(g, text);
    if (k) byKind[k].push(g);
  }
  const out: MappedTables = { table2: null, table3: null, table4: null, regions: {} };

  if (byKind.table2.length) {
    const rows = byKind.table2.flatMap((g) => gridRows(g, true));
    out.table2 = mapTable2(rows, byKind.table2.map((g) => texts.get(g)!).join('\n'), notes);
  }
  if (byKind.table3.length) out.table3 = mapTable3(placedGridRows(byKind.table3, TABLE3_HEADER), notes);
  if (byKind.table4.length) out.table4 = mapTable4(placedGridRows(byKind.table4, TABLE4_HEADER), notes);

  for (const kind of ['table2', 'table3', 'table4'] as const) {
    if (out[kind]) continue;
    const region = textRegion(kind, lines, sections);
    if (!region) continue;
    const [from, to] = region;
    out.regions[kind] = region;
    const rows = textRows(kind, lines, from, to);
    if (kind === 'table2') out.table2 = mapTable2(rows, lines.slice(from, to).join('\n'), notes);
    else if (kind === 'table3') out.table3 = mapTable3(rows, notes);
    else out.table4 = mapTable4(rows, notes);
  }
  return out;
}
