/**
 * Pages → document text and grids: running headers/footers dropped, tables continued across pages
 * chained into one grid, a marker line where each table starts, wrapped lines joined. Shared by the
 * text-PDF and OCR paths.
 */
import type { Grid } from '../types.js';
import { tableMarker } from '../types.js';
import { chainToGrid, continues, type TableChain } from './join.js';
import { dropRunning, joinParagraphs, pageMargins, type PageLine } from './layout.js';
import type { PageTable } from './geometry.js';

export interface PageWork { page: number; height: number; width: number; lines: PageLine[]; tables: PageTable[]; chars: number }

export function assemblePages(work: PageWork[], notes: string[]): { grids: Grid[]; paragraphs: string[] } {
  dropRunning(work, notes);
  // The last table of a page continues on the next page when nothing but (dropped) running lines
  // stands between them and the edges match.
  const chains: TableChain[] = [];
  const chainOf = new Map<PageTable, TableChain>();
  work.forEach((w, wi) => {
    const prevPage = work[wi - 1];
    for (const t of w.tables) {
      const prev = prevPage?.tables[prevPage.tables.length - 1];
      const first = w.tables[0] === t;
      const nothingAbove = !w.lines.some((l) => l.y + l.h <= t.top);
      const nothingBelow = prevPage && prev ? !prevPage.lines.some((l) => l.y >= prev.bottom) : false;
      const chain = first && prev && nothingAbove && nothingBelow && continues(prev, t) ? chainOf.get(prev) : undefined;
      if (chain) { chain.push(t); chainOf.set(t, chain); } else { const c = [t]; chains.push(c); chainOf.set(t, c); }
    }
  });
  const grids: Grid[] = chains.map((c, i) => chainToGrid(c, i));
  const joined = chains.filter((c) => c.length > 1).length;
  if (joined) notes.push(`Joined ${joined} table(s) continued across pages.`);
  const flow: PageLine[] = [];
  for (const w of work) {
    const markers: PageLine[] = [];
    for (const t of w.tables) {
      const chain = chainOf.get(t)!;
      if (chain[0] !== t) continue;
      const gi = chains.indexOf(chain);
      markers.push({ page: w.page, text: tableMarker(gi), x: t.left, right: t.right, y: t.top, h: 0, table: gi });
    }
    flow.push(...[...w.lines, ...markers].sort((a, b) => a.y - b.y));
  }
  return { grids, paragraphs: joinParagraphs(flow, pageMargins(flow)) };
}
