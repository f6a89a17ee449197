/** Text content of one page as positioned runs in viewport coordinates (top-left origin, y down). */
import type { PDFPageProxy, PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { mul, type Matrix, type TextRun } from './geometry.js';

interface RawItem { str: string; transform: number[]; width: number; height: number }

/**
 * Reads the page's text items, drops whitespace-only items (pdfjs uses them for gaps between table
 * cells), converts positions to the viewport, and merges fragments on the same baseline whose gap is
 * small (font-subset switches split words into single characters).
 */
export async function pageRuns(page: PDFPageProxy, viewport: PageViewport): Promise<TextRun[]> {
  const content = await page.getTextContent();
  const vt = viewport.transform as Matrix;
  const runs: TextRun[] = [];
  for (const it of content.items as RawItem[]) {
    if (typeof it.str !== 'string' || !it.str.trim()) continue;
    const m = mul(vt, it.transform as Matrix);
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]) || 1;
    // Direction of the text in the viewport; vertical text is kept at its origin.
    const ax = m[0], ay = m[1];
    const horizontal = Math.abs(ay) <= Math.abs(ax) * 0.2;
    const scale = Math.hypot(vt[0], vt[1]) || 1;
    const w = it.width * scale;
    const str = it.str.replace(/\s+/g, ' ');
    if (horizontal) {
      const left = ax >= 0 ? m[4] : m[4] - w;
      runs.push({ str, x: left, y: m[5] - size, w, h: size });
    } else {
      runs.push({ str, x: m[4] - size, y: Math.min(m[5], m[5] + (ay > 0 ? 0 : -w)), w: size, h: Math.max(size, w) });
    }
  }
  return mergeRuns(runs);
}

/** Merges runs that continue each other on one baseline with a gap under ~1.5 pt. */
export function mergeRuns(runs: TextRun[]): TextRun[] {
  const sorted = [...runs].sort((a, b) => (Math.abs(a.y - b.y) > Math.min(a.h, b.h) * 0.3 ? a.y - b.y : a.x - b.x));
  const out: TextRun[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y + last.h - (r.y + r.h)) < Math.min(last.h, r.h) * 0.25
      && Math.abs(last.h - r.h) < 0.5 && r.x - (last.x + last.w) <= 1.5 && r.x - (last.x + last.w) >= -1.5) {
      last.str += r.str;
      last.w = r.x + r.w - last.x;
    } else {
      out.push({ ...r });
    }
  }
  return out;
}
