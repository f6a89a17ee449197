/**
 * Checks the page with the shared library: the same parser and checks as the CLI, on the live DOM
 * (read in slices, `dom-snapshot.ts`).
 * Any exception from a hostile or odd page becomes a typed failure, never an uncaught error.
 */
import { checkReport, compareYears, extractWith, isLikelyReportPage, parseExtracted } from '@gongkai/shared/browser';
import type { CheckResult, Report, YearComparison } from '@gongkai/shared/browser';
import { pageAnchors, type PageAnchors } from './page-anchors';
import { snapshotAdapter, snapshotDom, SNAPSHOT_LIMITS, toPageNodes, type SnapshotLimits } from './dom-snapshot';
import { timed } from './perf';

export type PageCheck =
  | { ok: true; report: Report; result: CheckResult; comparison: YearComparison | null; ms: number;
      /** The parser's map of the page (cells and lines to their nodes); null for a report read elsewhere. */
      anchors: PageAnchors | null }
  | { ok: false; reason: string; message: { zh: string; en: string }; ms: number };

function failure(e: unknown): { zh: string; en: string } {
  const m = String((e as Error)?.message ?? e).slice(0, 200);
  return { zh: `检查出错：${m}`, en: `check failed: ${m}` };
}

export function likelyReport(doc: Document): boolean {
  try {
    return isLikelyReportPage(doc.title, doc.body?.textContent ?? '');
  } catch {
    return false;
  }
}

/** The reason of a page over the size limits (`dom-snapshot.ts`). */
export const TOO_BIG = 'too-big';

/**
 * Checks the page: read in slices (the main thread is yielded between them), then parsed from the
 * copy as `parseDom` would parse the page itself; a page over the limits is not checked.
 */
export async function checkDocument(doc: Document, url: string, history: readonly Report[], limits: SnapshotLimits = SNAPSHOT_LIMITS): Promise<PageCheck> {
  const t0 = performance.now();
  try {
    const snap = await snapshotDom(doc.body ?? doc.documentElement, limits);
    if (!snap.ok) {
      const { cells, nodes } = snap.tooBig;
      return { ok: false, reason: TOO_BIG, ms: performance.now() - t0, message: cells > limits.maxCells
        ? { zh: `页面过大，未检查（表格超过 ${limits.maxCells} 个单元格）`, en: `page too large, not checked (tables over ${limits.maxCells} cells)` }
        : { zh: `页面过大，未检查（超过 ${limits.maxNodes} 个节点）`, en: `page too large, not checked (over ${limits.maxNodes} nodes)` } };
    }
    return timed('parse', () => {
      const { anchors, collect } = pageAnchors();
      const extracted = extractWith(snapshotAdapter, snap.root, doc.title || null, doc.characterSet || null, HTML_BUDGET_MS, toPageNodes(collect));
      const parsed = parseExtracted(extracted, { url });
      if (!parsed.ok) return { ok: false, reason: parsed.reason, message: parsed.message, ms: performance.now() - t0 };
      return rerun(parsed.report, history, t0, anchors);
    });
  } catch (e) {
    return { ok: false, reason: 'exception', message: failure(e), ms: performance.now() - t0 };
  }
}

/** The walk over the copy is bounded by the snapshot's limits; this only guards against the unexpected. */
const HTML_BUDGET_MS = 5000;

/** Checks an already parsed report (again, e.g. once its history is known). */
export function rerun(report: Report, history: readonly Report[], t0 = performance.now(), anchors: PageAnchors | null = null): PageCheck {
  try {
    const earlier = history.filter((h) => h.year !== null && report.year !== null && h.year < report.year);
    const result = checkReport(report, { history: earlier });
    let comparison: YearComparison | null = null;
    try { comparison = compareYears(report, earlier); } catch { comparison = null; }
    return { ok: true, report, result, comparison, ms: performance.now() - t0, anchors };
  } catch (e) {
    return { ok: false, reason: 'exception', message: failure(e), ms: performance.now() - t0 };
  }
}
