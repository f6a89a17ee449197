/** Shared page-geometry types for the PDF extractor. All coordinates are viewport points: origin top-left, y down. */

/** One piece of text as pdfjs reports it, positioned on the page. */
export interface TextRun {
  str: string;
  /** Left edge. */
  x: number;
  /** Top edge (baseline − font size). */
  y: number;
  w: number;
  /** Font size (≈ line height). */
  h: number;
}

export interface HLine { y: number; x1: number; x2: number }
export interface VLine { x: number; y1: number; y2: number }

/** A cell of a ruled table on one page, in table-local row/column indices. */
export interface PageCell {
  r0: number; r1: number; c0: number; c1: number;
  /** [x, y, w, h] in viewport points. */
  box: [number, number, number, number];
  text: string;
  /** OCR confidence 0..1 (scans only). */
  conf?: number;
}

/** A ruled table found on one page. */
export interface PageTable {
  page: number;
  xs: number[];
  ys: number[];
  cells: PageCell[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** 2-D affine matrix [a, b, c, d, e, f] as in PDF. */
export type Matrix = [number, number, number, number, number, number];

export function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Sorted cluster centres of values closer than `tol`. */
export function cluster(values: number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of s) {
    if (group.length && v - group[group.length - 1]! > tol) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** Joins two pieces of one visual line or cell: no space between CJK characters, one space otherwise. */
export function joinPieces(a: string, b: string, gap: number, size: number): string {
  if (!a) return b;
  if (!b) return a;
  if (gap > size * 0.8) return `${a} ${b}`;
  const tight = gap < size * 0.3 || CJK.test(a[a.length - 1]!) || CJK.test(b[0]!);
  return tight ? a + b : `${a} ${b}`;
}
