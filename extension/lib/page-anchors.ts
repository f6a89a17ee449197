/**
 * The parser's map of the page: the element of each table cell and the text nodes of each text
 * line, handed over by `parseDom`'s collector while it walks the page (no second search).
 */
import type { NodeCollector } from '@gongkai/shared/browser';

export interface PageAnchors {
  /** `table:row:cell` (a grid `SourceRef`) → the cell's element. */
  cells: Map<string, Element>;
  /** Line of the extracted text → its text nodes. */
  lines: Map<number, readonly Text[]>;
}

export const cellKey = (table: number, row: number, cell: number) => `${table}:${row}:${cell}`;

export function pageAnchors(): { anchors: PageAnchors; collect: NodeCollector<Node> } {
  const anchors: PageAnchors = { cells: new Map(), lines: new Map() };
  return {
    anchors,
    collect: {
      cell: (t, r, c, n) => { if (n.nodeType === 1) anchors.cells.set(cellKey(t, r, c), n as Element); },
      // The walker reuses nothing: its array of a line is this line's own.
      line: (l, ns) => { anchors.lines.set(l, ns as readonly Text[]); },
    },
  };
}
