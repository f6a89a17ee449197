/**
 * Fallback for a borderless table 3: find each standard row label's first line (the anchor); a row's
 * band runs from its anchor to the next one; numbers in the band go to the 7 columns by x (column
 * centres from the header words, else from clustering the numbers). The table comes out as text in
 * the "flattened PDF" shape the text parser reads: the label line, then one value line with the 7
 * cells joined by single spaces and blank cells as empty strings ("74 5  5   84").
 */
import { cluster, type TextRun } from './geometry.js';
import { joinRuns } from './table.js';
import type { PageLine } from './layout.js';

/** Column centres (7, in template order) carried from the page with the header to continuation pages. */
export interface BandColumns { centres: number[]; split: number }

/** Distinctive starts of the table-3 row labels, in template order. */
const ANCHORS: readonly string[] = [
  '本年新收', '上年结转', '予以公开', '部分公开', '属于国家秘密', '其他法律行政法规', '三安全一稳定', '保护第三方',
  '三类内部事务', '四类过程性', '行政执法案卷', '行政查询事项', '本机关不掌握', '没有现成信息', '补正后申请',
  '信访举报投诉', '重复申请', '公开出版物', '大量反复申请', '确认或重新出具', '其他处理', '逾期不补正', '缴纳费用',
  '3.其他', '（七）总计', '结转下年度',
];
const HEADER_KEYS = ['自', '商业', '科研', '社会', '法律', '其他', '总计'];
const VALUE = /^(?:[+-]?[\d０-９][\d０-９,，.]*|[\/／—–-]+|无)$/;

const norm = (s: string): string => s.replace(/[\s"“”]/g, '');

interface Anchor { y: number; h: number }

/** Rebuilds a borderless table 3 on one page, or returns null when the page has none. */
export function bandTable3(runs: TextRun[], page: number, carried: BandColumns | null):
  { lines: PageLine[]; rest: TextRun[]; columns: BandColumns } | null {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  // Anchors in template order, each below the previous one.
  const anchors: Anchor[] = [];
  let from = -Infinity;
  let firstAnchorX = Infinity;
  for (const key of ANCHORS) {
    const r = sorted.find((s) => s.y > from && norm(s.str).includes(key));
    if (!r) continue;
    anchors.push({ y: r.y, h: r.h });
    firstAnchorX = Math.min(firstAnchorX, r.x);
    from = r.y + r.h * 0.5;
  }
  // Prose mentions a few labels; a table has most of them (a continuation page, a few more).
  if (anchors.length < (carried ? 2 : 5)) return null;
  const top = anchors[0]!.y - anchors[0]!.h * 0.6;
  const numbers = sorted.filter((r) => VALUE.test(r.str.trim()) && r.y >= top);
  let columns = carried ?? headerColumns(sorted, top, firstAnchorX);
  if (!columns) {
    const cs = cluster(numbers.map((r) => r.x + r.w / 2), 12);
    if (cs.length !== 7) return null;
    columns = { centres: cs, split: cs[0]! - 20 };
  }
  const cols = columns;
  const used = new Set<TextRun>();
  const lines: PageLine[] = [];
  anchors.forEach((a, i) => {
    const y0 = a.y - a.h * 0.6;
    const y1 = i + 1 < anchors.length ? anchors[i + 1]!.y - anchors[i + 1]!.h * 0.6 : a.y + a.h * 2.5;
    const inBand = sorted.filter((r) => !used.has(r) && r.y + r.h / 2 >= y0 && r.y + r.h / 2 < y1);
    const labelRuns = inBand.filter((r) => r.x + r.w / 2 < cols.split);
    const cells: string[] = Array.from({ length: 7 }, () => '');
    for (const r of inBand) {
      if (r.x + r.w / 2 < cols.split || !VALUE.test(r.str.trim())) continue;
      const cx = r.x + r.w / 2;
      let best = 0;
      cols.centres.forEach((c, k) => { if (Math.abs(c - cx) < Math.abs(cols.centres[best]! - cx)) best = k; });
      cells[best] = cells[best] ? `${cells[best]} ${r.str.trim()}` : r.str.trim();
      used.add(r);
    }
    for (const r of labelRuns) used.add(r);
    const label = joinRuns(labelRuns);
    if (label) lines.push({ page, text: label, x: 0, right: 0, y: a.y, h: a.h });
    lines.push({ page, text: cells.join(' '), x: 0, right: 0, y: a.y + 0.01, h: a.h });
  });
  return { lines, rest: runs.filter((r) => !used.has(r)), columns: cols };
}

/** Column centres from the header words above the first row label. */
function headerColumns(runs: TextRun[], top: number, labelX: number): BandColumns | null {
  const head = runs.filter((r) => r.y < top && r.y > top - 200 && r.x > labelX);
  const centres: number[] = [];
  for (const key of HEADER_KEYS) {
    const cands = head.filter((r) => norm(r.str).includes(key) && !norm(r.str).includes('法人') && !norm(r.str).includes('申请人'));
    const r = cands.sort((a, b) => b.y - a.y)[0];
    if (!r) return null;
    centres.push(r.x + r.w / 2);
  }
  for (let i = 1; i < centres.length; i++) if (centres[i]! <= centres[i - 1]!) return null;
  const split = centres[0]! - Math.max(15, (centres[1]! - centres[0]!) / 2);
  return { centres, split };
}
