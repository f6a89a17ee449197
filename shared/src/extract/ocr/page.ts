/**
 * OCR of one page image: deskew, find and erase table lines, OCR once (psm 6), put words into the
 * table cells (same cell builder as ruled PDFs), then re-read only doubtful cells with a digits-only
 * single-line pass: numeric cells with low confidence, blank cells that hold ink, and the cells of
 * rows whose 7 columns do not add up (自然人…其他 = 总计). Cells still doubtful get a low confidence.
 */
import type { Gray } from './image.js';
import { otsu, skewAngle, rotate, detectLines, eraseLines, inkIn, crop, pad } from './preprocess.js';
import { recognizeWords, recognizeDigits, type OcrWord } from './engine.js';
import { pageTables } from '../pdf/table.js';
import { toLines, type PageLine } from '../pdf/layout.js';
import type { PageCell, PageTable, TextRun } from '../pdf/geometry.js';

export interface OcrPage { page: number; lines: PageLine[]; tables: PageTable[]; height: number; width: number; notes: string[]; words: number }

/** Confidence given to a cell whose reading stays doubtful after re-reading. */
export const DOUBT_CONFIDENCE = 0.4;
const NUM = /^[+-]?\d[\d,.]*$/;
const VALUE_OR_BLANK = /^(?:[+-]?\d[\d,.]*|)$/;

/**
 * @param scale pixels per page point (image width / page width); 200 dpi ≈ 2.78.
 * @param deadline throws when the time budget is spent.
 */
export async function ocrPage(src: Gray, page: number, scale: number, deadline: () => void): Promise<OcrPage> {
  const notes: string[] = [];
  const t0 = otsu(src);
  const angle = skewAngle(src, t0);
  const img = rotate(src, angle);
  if (angle) notes.push(`Page ${page}: deskewed by ${angle}°.`);
  const t = otsu(img);
  const pxLines = detectLines(img, t);
  const toPt = (v: number): number => v / scale;
  const rules = {
    h: pxLines.h.map((l) => ({ y: toPt(l.y), x1: toPt(l.x1), x2: toPt(l.x2) })),
    v: pxLines.v.map((l) => ({ x: toPt(l.x), y1: toPt(l.y1), y2: toPt(l.y2) })),
  };
  // Erase only lines inside table regions: long strokes of big bold text (titles) also pass the
  // line test, and erasing them would wreck the text.
  const regions = pageTables(rules, [], page, { keepLayout: true }).tables.map((tb) => [tb.left * scale - 6, tb.top * scale - 6, tb.right * scale + 6, tb.bottom * scale + 6] as const);
  const within = (x1: number, y1: number, x2: number, y2: number): boolean =>
    regions.some(([a, b, c, d]) => x1 >= a && x2 <= c && y1 >= b && y2 <= d);
  const tableLines = {
    h: pxLines.h.filter((l) => within(l.x1, l.y, l.x2, l.y)),
    v: pxLines.v.filter((l) => within(l.x, l.y1, l.x, l.y2)),
  };
  const clean = eraseLines(img, tableLines, t);
  deadline();
  const words = await recognizeWords(clean);
  deadline();
  const runs: (TextRun & { conf: number })[] = words.map((w: OcrWord) => ({
    // Vertical extent from the text line (when sane): a "一" or "，" alone has a tiny box.
    str: normaliseOcr(w.text), x: toPt(w.x0), w: toPt(w.x1 - w.x0), conf: w.conf,
    ...(w.ly1 - w.ly0 <= Math.max(w.y1 - w.y0, 20) * 1.5
      ? { y: toPt(w.ly0), h: Math.max(toPt(w.ly1 - w.ly0), 6) }
      : { y: toPt(w.y0), h: Math.max(toPt(w.y1 - w.y0), 6) }),
  }));
  const { tables, rest } = pageTables(rules, runs, page);
  for (const tb of tables) {
    for (const c of tb.cells) {
      const inside = runs.filter((r) => inCell(c, r));
      c.conf = inside.length ? Math.min(...inside.map((r) => r.conf)) : 1;
    }
    await verifyTable(tb, clean, t, scale, notes, deadline);
  }
  const lines = toLines(rest, page);
  return { page, lines, tables, width: img.width / scale, height: img.height / scale, notes, words: words.length };
}

function inCell(c: PageCell, r: TextRun): boolean {
  const cx = r.x + r.w / 2, cy = r.y + r.h / 2;
  return cx >= c.box[0] && cx <= c.box[0] + c.box[2] && cy >= c.box[1] && cy <= c.box[1] + c.box[3];
}

/** Common misreads in numeric context: O→0, l/I/|→1, full-width digits. */
function normaliseOcr(s: string): string {
  const h = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^[\dOoIl|]+$/.test(h) && /\d/.test(h)) return h.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');
  return h;
}

async function rereadCell(c: PageCell, img: Gray, scale: number): Promise<{ text: string; conf: number }> {
  const [x, y, w, h] = c.box;
  const inset = 3;
  const g = crop(img, x * scale + inset, y * scale + inset, (x + w) * scale - inset, (y + h) * scale - inset);
  const r = await recognizeDigits(pad(g, 12));
  return { text: normaliseOcr(r.text), conf: r.conf };
}

const isJunk = (t: string): boolean => t !== '' && !VALUE_OR_BLANK.test(t) && !SIGNED.test(t);
const SIGNED = /^\d[\d,.]*\s*[（(]\s*[+-]\s*[)）]$|^[+-]\d[\d,.]*$|^[\/／—–-]$|^无$/;

async function verifyTable(tb: PageTable, img: Gray, t: number, scale: number, notes: string[], deadline: () => void): Promise<void> {
  // Value columns: most of their non-empty single-column cells read as numbers.
  const colStats = new Map<number, { num: number; text: number }>();
  for (const c of tb.cells) {
    if (c.c1 - c.c0 !== 1 || !c.text) continue;
    const s = colStats.get(c.c0) ?? { num: 0, text: 0 };
    s.text++;
    if (NUM.test(c.text) || SIGNED.test(c.text)) s.num++;
    colStats.set(c.c0, s);
  }
  // …or rows with three or more numbers (table 4 has a single value row under a tall header).
  const rowNums = new Map<number, number>();
  const firstNum = new Map<number, number>();
  for (const c of tb.cells) {
    if (!NUM.test(c.text) && !SIGNED.test(c.text)) continue;
    rowNums.set(c.r0, (rowNums.get(c.r0) ?? 0) + 1);
    firstNum.set(c.r0, Math.min(firstNum.get(c.r0) ?? Infinity, c.c0));
  }
  const valueCol = (c: PageCell): boolean => {
    if (c.c1 - c.c0 !== 1 || c.r1 - c.r0 !== 1) return false;
    const s = colStats.get(c.c0);
    return (!!s && s.num >= 2 && s.num * 2 >= s.text) || ((rowNums.get(c.r0) ?? 0) >= 3 && c.c0 >= firstNum.get(c.r0)!);
  };
  const hasInk = (c: PageCell): boolean => {
    const [x, y, w, h] = c.box;
    return inkIn(img, t, x * scale + 4, y * scale + 4, (x + w) * scale - 4, (y + h) * scale - 4) > 25;
  };
  let n = 0;
  const reread = async (c: PageCell): Promise<void> => {
    deadline();
    const r = await rereadCell(c, img, scale);
    n++;
    if (!r.text || !NUM.test(r.text)) return;
    if (!c.text || isJunk(c.text) || r.conf >= (c.conf ?? 0)) { c.text = r.text; c.conf = Math.min(r.conf, 0.95); }
  };
  // Pass 1: numbers read with low confidence; "blank" value cells that hold ink.
  for (const c of tb.cells) {
    if (!valueCol(c)) continue;
    if ((NUM.test(c.text) && (c.conf ?? 1) < 0.75) || (!c.text && hasInk(c))) await reread(c);
  }
  // Pass 2: unreadable text in rows that carry numbers.
  const rowsOf = new Map<number, PageCell[]>();
  for (const c of tb.cells) { const a = rowsOf.get(c.r0) ?? []; a.push(c); rowsOf.set(c.r0, a); }
  const valueRow = new Set<number>();
  for (const [r, cells] of rowsOf) if (cells.some((c) => valueCol(c) && NUM.test(c.text))) valueRow.add(r);
  for (const c of tb.cells) if (valueCol(c) && valueRow.has(c.r0) && isJunk(c.text)) await reread(c);
  // Pass 3: rows that do not add up — 7 columns (table 3: 自然人…其他 = 总计) or 3×5 (table 4).
  const groupsOf = (vals: PageCell[]): PageCell[][] => (vals.length === 15 ? [0, 5, 10].map((k) => vals.slice(k, k + 5)) : vals.length >= 7 ? [vals.slice(-7)] : []);
  const checked: PageCell[][] = [];
  for (const [r, cells] of rowsOf) {
    if (!valueRow.has(r)) continue;
    for (const g of groupsOf(cells.filter(valueCol).sort((a, b) => a.c0 - b.c0))) {
      checked.push(g);
      if (!sumsUp(g)) for (const c of g) if (c.text && (c.conf ?? 1) < 0.95) await reread(c);
    }
  }
  let still = 0;
  for (const c of tb.cells) if (valueCol(c) && valueRow.has(c.r0) && isJunk(c.text)) { c.conf = Math.min(c.conf ?? 1, DOUBT_CONFIDENCE); still++; }
  for (const g of checked) {
    if (sumsUp(g)) continue;
    for (const c of g) if (c.text) { c.conf = Math.min(c.conf ?? 1, DOUBT_CONFIDENCE); still++; }
  }
  if (n) notes.push(`Page ${tb.page}: re-read ${n} doubtful table cell(s).`);
  if (still) notes.push(`Page ${tb.page}: ${still} OCR cell(s) stay doubtful (unreadable, or the row does not add up); marked with low confidence.`);
}

/** The last cell is the total of the others (blank counts as 0); unreadable cells make it unknown (true). */
function sumsUp(vals: PageCell[]): boolean {
  if (!vals.every((c) => VALUE_OR_BLANK.test(c.text))) return true;
  const n = vals.map((c) => (NUM.test(c.text) ? Number(c.text.replace(/,/g, '')) : 0));
  const last = vals[vals.length - 1]!;
  if (!last.text) return true;
  return n.slice(0, -1).reduce((a, b) => a + b, 0) === n[n.length - 1];
}
