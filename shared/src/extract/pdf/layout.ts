/**
 * Prose layout of PDF pages: runs → visual lines, running headers/footers/page numbers dropped,
 * wrapped lines joined back into paragraphs (also across a page break).
 */
import { joinPieces, type TextRun } from './geometry.js';

/** One visual line of a page, or a table placeholder in the page's flow. */
export interface PageLine {
  page: number;
  text: string;
  x: number;
  right: number;
  y: number;
  h: number;
  /** Set for a table's marker line: the grid index. */
  table?: number;
}

/** Groups runs into visual lines (top to bottom, left to right). */
export function toLines(runs: TextRun[], page: number): PageLine[] {
  const groups: TextRun[][] = [];
  for (const r of [...runs].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2))) {
    const g = groups[groups.length - 1];
    const c = r.y + r.h / 2;
    if (g && g.some((o) => Math.abs(o.y + o.h / 2 - c) <= Math.min(o.h, r.h) * 0.45)) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let s = '';
    let end = -Infinity;
    for (const r of g) { s = joinPieces(s, r.str, r.x - end, r.h); end = Math.max(end, r.x + r.w); }
    const h = Math.max(...g.map((r) => r.h));
    return { page, text: s.replace(/\s+/g, ' ').trim(), x: g[0]!.x, right: end, y: Math.min(...g.map((r) => r.y)), h };
  }).filter((l) => l.text.length > 0);
}

const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4}|page\s*\d+(?:\s*of\s*\d+)?)$/i;

/**
 * Drops page numbers and running headers/footers: lines in the top or bottom 8% of a page that look
 * like a page number, or whose text (digits ignored) repeats in that zone on other pages.
 */
export function dropRunning(pages: { lines: PageLine[]; height: number }[], notes: string[]): void {
  const key = (t: string): string => t.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
  const zone = (l: PageLine, height: number): 'top' | 'bottom' | null =>
    l.table === undefined ? (l.y + l.h < height * 0.08 ? 'top' : l.y > height * 0.92 ? 'bottom' : null) : null;
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) { const z = zone(l, p.height); if (z) seen.add(`${z}:${key(l.text)}`); }
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let dropped = 0;
  for (const p of pages) {
    p.lines = p.lines.filter((l) => {
      const z = zone(l, p.height);
      if (!z) return true;
      const repeated = pages.length >= 2 && (counts.get(`${z}:${key(l.text)}`) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
      if (PAGE_NUMBER.test(l.text.trim()) || repeated) { dropped++; return false; }
      return true;
    });
  }
  if (dropped) notes.push(`Dropped ${dropped} page header/footer/page-number line(s).`);
}

/**
 * Joins wrapped lines into paragraphs: a line that runs to the right margin continues on the next
 * line when that one starts at the left margin in the same font size. Table markers break paragraphs.
 */
export function joinParagraphs(lines: PageLine[], margins: Map<number, { left: number; right: number }>): string[] {
  const out: string[] = [];
  let prev: PageLine | null = null;
  for (const l of lines) {
    if (l.table !== undefined) { out.push(l.text); prev = null; continue; }
    if (prev) {
      const mp = margins.get(prev.page)!, ml = margins.get(l.page)!;
      const full = prev.right >= mp.right - prev.h * 1.5;
      const flush = l.x <= ml.left + l.h * 0.5;
      const sameSize = Math.abs(prev.h - l.h) <= 0.6;
      const close = l.page !== prev.page || (l.y - prev.y > 0 && l.y - prev.y < prev.h * 2.2);
      if (full && flush && sameSize && close && !/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(l.text)) {
        out[out.length - 1] = joinPieces(out[out.length - 1]!, l.text, 0, l.h);
        prev = l;
        continue;
      }
    }
    out.push(l.text);
    prev = l;
  }
  return out;
}

/** Left and right text margins of each page (the most common left edge; the furthest right edge). */
export function pageMargins(lines: PageLine[]): Map<number, { left: number; right: number }> {
  const m = new Map<number, { left: number; right: number }>();
  const byPage = new Map<number, PageLine[]>();
  for (const l of lines) if (l.table === undefined) { const a = byPage.get(l.page) ?? []; a.push(l); byPage.set(l.page, a); }
  for (const [page, ls] of byPage) {
    const lefts = new Map<number, number>();
    for (const l of ls) { const k = Math.round(l.x); lefts.set(k, (lefts.get(k) ?? 0) + 1); }
    const left = [...lefts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    // Justified lines overhang by a glyph now and then: use the median right edge of the long lines.
    const max = Math.max(...ls.map((l) => l.right));
    const long = ls.map((l) => l.right).filter((r) => r - left > (max - left) * 0.6).sort((a, b) => a - b);
    m.set(page, { left, right: long[Math.floor(long.length / 2)] ?? max });
  }
  for (const l of lines) if (!m.has(l.page)) m.set(l.page, { left: l.x, right: l.right });
  return m;
}
