/**
 * Checks the page with the shared library: the same parser and checks as the CLI, on a copy of the
 * live DOM (read in slices, `dom-snapshot.ts`). The lens sends the copy to the background, which
 * runs `checkSnapshot` there (lib/analyze-page.ts), so none of this code runs on the page's main
 * thread; `checkDocument` does both steps in one place (tests, tools).
 * Any exception from a hostile or odd page becomes a typed failure, never an uncaught error.
 */
import { checkReport, compareYears, extractWith, isLikelyReportPage, parseExtracted } from '@gongkai/shared/browser';
import type { Report, YearComparison } from '@gongkai/shared/browser';
import { cellKey } from './page-anchors';
import { fromWire, snapshotAdapter, snapshotDom, SNAPSHOT_LIMITS, toNodeIds, type SnapshotLimits, type WireNode } from './dom-snapshot';
import { failureMessage, resolveAnchors, tooBigCheck, type AnchorRefs, type PageCheck } from './page-check';
import type { PageAnchors } from './page-anchors';
import { timed } from './perf';

export { TOO_BIG, type PageCheck } from './page-check';

export function likelyReport(doc: Document): boolean {
  return likelyReportText(doc.title, doc.body?.textContent ?? '');
}

/** `isLikelyReportPage` on a page's title and text, never throwing. */
export function likelyReportText(title: string, text: string): boolean {
  try {
    return isLikelyReportPage(title, text);
  } catch {
    return false;
  }
}

/** The walk over the copy is bounded by the snapshot's limits; this only guards against the unexpected. */
const HTML_BUDGET_MS = 5000;

/** Parses and checks a copy of a page; the anchors come back as node ids of the copy. */
export function checkSnapshot(root: WireNode | unknown, title: string | null, charset: string | null, url: string, history: readonly Report[], t0 = performance.now()): { check: PageCheck; refs: AnchorRefs | null } {
  try {
    const tree = fromWire(root);
    if (!tree.ok) {
      const check: PageCheck = 'tooBig' in tree ? tooBigCheck(tree.tooBig, SNAPSHOT_LIMITS, performance.now() - t0)
        : { ok: false, reason: 'invalid-copy', message: { zh: '页面副本格式有误，未检查', en: 'the copy of the page is malformed; not checked' }, ms: performance.now() - t0 };
      return { check, refs: null };
    }
    const refs: AnchorRefs = { cells: [], lines: [] };
    const extracted = extractWith(snapshotAdapter, tree.root, title, charset, HTML_BUDGET_MS, toNodeIds({
      cell: (t, r, c, id) => { refs.cells.push([cellKey(t, r, c), id]); },
      line: (l, ids) => { refs.lines.push([l, [...ids]]); },
    }));
    const parsed = parseExtracted(extracted, { url });
    if (!parsed.ok) return { check: { ok: false, reason: parsed.reason, message: parsed.message, ms: performance.now() - t0 }, refs: null };
    const check = rerun(parsed.report, history, t0, null);
    return { check, refs: check.ok ? refs : null };
  } catch (e) {
    return { check: { ok: false, reason: 'exception', message: failureMessage(e), ms: performance.now() - t0 }, refs: null };
  }
}

/**
 * Checks the page: read in slices (the main thread is yielded between them), then parsed from the
 * copy as `parseDom` would parse the page itself; a page over the limits is not checked.
 */
export async function checkDocument(doc: Document, url: string, history: readonly Report[], limits: SnapshotLimits = SNAPSHOT_LIMITS): Promise<PageCheck> {
  const t0 = performance.now();
  try {
    const snap = await snapshotDom(doc.body ?? doc.documentElement, limits);
    if (!snap.ok) return tooBigCheck(snap.tooBig, limits, performance.now() - t0);
    return timed('parse', () => {
      const { check, refs } = checkSnapshot(snap.root, doc.title || null, doc.characterSet || null, url, history, t0);
      return check.ok && refs ? { ...check, anchors: resolveAnchors(refs, snap.pageNodes) } : check;
    });
  } catch (e) {
    return { ok: false, reason: 'exception', message: failureMessage(e), ms: performance.now() - t0 };
  }
}

/** Checks an already parsed report (again, e.g. once its history is known). */
export function rerun(report: Report, history: readonly Report[], t0 = performance.now(), anchors: PageAnchors | null = null): PageCheck {
  try {
    const earlier = history.filter((h) => h.year !== null && report.year !== null && h.year < report.year);
    const result = checkReport(report, { history: earlier });
    let comparison: YearComparison | null = null;
    try { comparison = compareYears(report, earlier); } catch { comparison = null; }
    return { ok: true, report, result, comparison, ms: performance.now() - t0, anchors };
  } catch (e) {
    return { ok: false, reason: 'exception', message: failureMessage(e), ms: performance.now() - t0 };
  }
}
