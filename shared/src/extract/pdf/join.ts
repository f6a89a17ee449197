/**
 * Ruled tables → grids. A table that ends a page and one that starts the next page with the same
 * left/right edges are one table continued; a repeated header row on the continuation is dropped.
 */
import type { Grid } from '../types.js';
import { buildGrid, type RawRow } from '../grid.js';
import { cluster, type PageTable } from './geometry.js';

/** A table as a list of page fragments (one fragment unless it crosses pages). */
export type TableChain = PageTable[];

const r1 = (n: number): number => Math.round(n * 10) / 10;

/** True when `next` continues `prev` (same width on consecutive pages). */
export function continues(prev: PageTable, next: PageTable): boolean {
  return next.page === prev.page + 1 && Math.abs(prev.left - next.left) <= 6 && Math.abs(prev.right - next.right) <= 6;
}

function rowTexts(t: PageTable, r: number): string[] {
  return t.cells.filter((c) => c.r0 === r).sort((a, b) => a.c0 - b.c0).map((c) => c.text.replace(/\s+/g, ''));
}

/** Builds one grid from a chain of fragments, with page numbers and boxes as cell sources. */
export function chainToGrid(chain: TableChain, index: number): Grid {
  const xsU = cluster(chain.flatMap((t) => t.xs), 3);
  const col = (x: number): number => {
    let best = 0;
    for (let i = 1; i < xsU.length; i++) if (Math.abs(xsU[i]! - x) < Math.abs(xsU[best]! - x)) best = i;
    return best;
  };
  const head0 = chain[0] ? rowTexts(chain[0], 0).join('|') : '';
  const rows: RawRow[] = [];
  chain.forEach((t, k) => {
    const R = t.ys.length - 1;
    let start = 0;
    // A continuation that repeats the header row (Word/WPS "repeat as header row").
    if (k > 0 && head0 && rowTexts(t, 0).join('|') === head0) start = t.cells.filter((c) => c.r0 === 0).reduce((m, c) => Math.max(m, c.r1), 1);
    for (let r = start; r < R; r++) {
      const cells = t.cells.filter((c) => c.r0 === r).sort((a, b) => a.c0 - b.c0).map((c) => {
        const c0 = col(t.xs[c.c0]!), c1 = col(t.xs[c.c1]!);
        return {
          ...(c.conf !== undefined ? { ocrConfidence: c.conf } : {}),
          text: c.text, rowSpan: Math.min(c.r1, R) - Math.max(c.r0, start), colSpan: Math.max(1, c1 - c0),
          source: { kind: 'grid' as const, table: index, row: 0, col: 0, page: t.page,
            box: [r1(c.box[0]), r1(c.box[1]), r1(c.box[2]), r1(c.box[3])] as [number, number, number, number] },
        };
      });
      rows.push({ cells });
    }
  });
  return buildGrid(rows, index, chain[0]?.page);
}
