/**
 * Ruling lines of a page from its operator list: stroked segments and thin filled rectangles (WPS
 * draws borders as filled rectangles) become horizontal and vertical lines in viewport coordinates.
 * Large filled rectangles (cell shading, page background) and white fills are ignored. The document
 * is opened with images skipped (`maxImagePixels: 0`), so building the operator list decodes none.
 */
import { OPS, type PDFPageProxy, type PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, mul, type HLine, type Matrix, type VLine } from './geometry.js';

const THIN = 2.5; // a filled rectangle thinner than this (pt) is a line
const MIN_LEN = 4;

const STROKE = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

interface State { ctm: Matrix; fillWhite: boolean; strokeWhite: boolean }

function isWhite(color: unknown): boolean {
  if (typeof color === 'string') return /^#f[0-9a-f]f[0-9a-f]f[0-9a-f]$/i.test(color) || color.toLowerCase() === '#ffffff';
  return false;
}

/** Ruling lines of a page. */
export interface Rules { h: HLine[]; v: VLine[] }

/** Collects ruling lines of a page. `maxOps` bounds the work on pathological pages. */
export async function pageRules(page: PDFPageProxy, viewport: PageViewport, maxOps = 200_000): Promise<Rules> {
  const ol = await page.getOperatorList();
  const h: HLine[] = [];
  const v: VLine[] = [];
  const stack: State[] = [];
  let st: State = { ctm: viewport.transform as Matrix, fillWhite: false, strokeWhite: false };
  const n = Math.min(ol.fnArray.length, maxOps);
  for (let i = 0; i < n; i++) {
    const fn = ol.fnArray[i]!;
    const args = ol.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save: stack.push({ ...st }); break;
      case OPS.restore: st = stack.pop() ?? st; break;
      case OPS.transform: st.ctm = mul(st.ctm, args as Matrix); break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = args?.[0];
        if (Array.isArray(m) || ArrayBuffer.isView(m)) st.ctm = mul(st.ctm, Array.from(m as ArrayLike<number>) as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd: st = stack.pop() ?? st; break;
      case OPS.setFillRGBColor: st.fillWhite = isWhite(args?.[0]); break;
      case OPS.setStrokeRGBColor: st.strokeWhite = isWhite(args?.[0]); break;
      case OPS.constructPath: {
        const paintOp = args?.[0] as number;
        const data = (args?.[1] as ArrayLike<number>[] | undefined)?.[0];
        if (!data) break;
        const stroke = STROKE.has(paintOp) && !st.strokeWhite;
        const fill = FILL.has(paintOp) && !st.fillWhite;
        if (!stroke && !fill) break;
        addPath(data, st.ctm, stroke, fill, h, v);
        break;
      }
      default: break;
    }
  }
  return { h, v };
}

/** Walks a pdfjs 5 path (codes 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function addPath(d: ArrayLike<number>, ctm: Matrix, stroke: boolean, fill: boolean, h: HLine[], v: VLine[]): void {
  const pts: [number, number][][] = [];
  let cur: [number, number][] = [];
  let curved = false;
  for (let i = 0; i < d.length;) {
    const code = d[i++]!;
    if (code === 0) { if (cur.length) pts.push(cur); cur = [apply(ctm, d[i]!, d[i + 1]!)]; i += 2; }
    else if (code === 1) { cur.push(apply(ctm, d[i]!, d[i + 1]!)); i += 2; }
    else if (code === 2) { curved = true; cur.push(apply(ctm, d[i + 4]!, d[i + 5]!)); i += 6; }
    else if (code === 3) { curved = true; cur.push(apply(ctm, d[i + 2]!, d[i + 3]!)); i += 4; }
    else if (code === 4) { if (cur.length) cur.push(cur[0]!); }
    else break;
  }
  if (cur.length) pts.push(cur);
  if (curved) return;
  for (const poly of pts) {
    if (stroke) {
      for (let k = 1; k < poly.length; k++) addSegment(poly[k - 1]!, poly[k]!, h, v);
    }
    if (fill && !stroke) {
      const xs = poly.map((p) => p[0]);
      const ys = poly.map((p) => p[1]);
      const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
      if (y1 - y0 <= THIN && x1 - x0 >= MIN_LEN) h.push({ y: (y0 + y1) / 2, x1: x0, x2: x1 });
      else if (x1 - x0 <= THIN && y1 - y0 >= MIN_LEN) v.push({ x: (x0 + x1) / 2, y1: y0, y2: y1 });
    }
  }
}

function addSegment(a: [number, number], b: [number, number], h: HLine[], v: VLine[]): void {
  const dx = Math.abs(a[0] - b[0]), dy = Math.abs(a[1] - b[1]);
  if (dy <= 0.5 && dx >= MIN_LEN) h.push({ y: (a[1] + b[1]) / 2, x1: Math.min(a[0], b[0]), x2: Math.max(a[0], b[0]) });
  else if (dx <= 0.5 && dy >= MIN_LEN) v.push({ x: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), y2: Math.max(a[1], b[1]) });
}
