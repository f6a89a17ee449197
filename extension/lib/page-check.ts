/**
 * The outcome of checking a page, as the lens holds it. Free of the shared library: the page is
 * parsed and checked in the background (lib/analyze-page.ts), which answers with plain data and
 * with the ids of the page's nodes under each cell and line; `resolveAnchors` turns those back into
 * the page's own nodes.
 */
import type { CheckResult, Report, YearComparison } from '@gongkai/shared/browser';
import type { PageAnchors } from './page-anchors';
import type { SnapshotLimits } from './dom-snapshot';

export type PageCheck =
  | { ok: true; report: Report; result: CheckResult; comparison: YearComparison | null; ms: number;
      /** The parser's map of the page (cells and lines to their nodes); null for a report read elsewhere. */
      anchors: PageAnchors | null }
  | { ok: false; reason: string; message: { zh: string; en: string }; ms: number };

/** The reason of a page over the size limits (`dom-snapshot.ts`). */
export const TOO_BIG = 'too-big';

/** The parser's map as node ids of the snapshot (`SnapNode.id`): what crosses from the background. */
export interface AnchorRefs { cells: [string, number][]; lines: [number, number[]][] }

/** The map with the page's own nodes (`pageNodes` of the snapshot the ids are of). */
export function resolveAnchors(refs: AnchorRefs, pageNodes: readonly Node[]): PageAnchors {
  const anchors: PageAnchors = { cells: new Map(), lines: new Map() };
  for (const [key, id] of refs.cells) {
    const n = pageNodes[id];
    if (n && n.nodeType === 1) anchors.cells.set(key, n as Element);
  }
  for (const [line, ids] of refs.lines) anchors.lines.set(line, ids.map((id) => pageNodes[id]).filter((n): n is Text => n !== undefined) as Text[]);
  return anchors;
}

/** A page over the limits: not checked, and the message says which limit. */
export function tooBigCheck(over: { cells: number; nodes: number }, limits: SnapshotLimits, ms: number): PageCheck {
  return { ok: false, reason: TOO_BIG, ms, message: over.cells > limits.maxCells
    ? { zh: `页面过大，未检查（表格超过 ${limits.maxCells} 个单元格）`, en: `page too large, not checked (tables over ${limits.maxCells} cells)` }
    : { zh: `页面过大，未检查（超过 ${limits.maxNodes} 个节点）`, en: `page too large, not checked (over ${limits.maxNodes} nodes)` } };
}

/** The page itself carries a report (tables or most sections), not just a link to one or a list of them. */
export function hasReportBody(r: Report): boolean {
  return r.table2 !== null || r.table3 !== null || r.table4 !== null || r.sections.length >= 3;
}

export function failureMessage(e: unknown): { zh: string; en: string } {
  const m = String((e as Error)?.message ?? e).slice(0, 200);
  return { zh: `检查出错：${m}`, en: `check failed: ${m}` };
}
