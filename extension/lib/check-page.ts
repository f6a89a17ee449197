/**
 * Checks the page with the shared library: the same parser and checks as the CLI, on the live DOM.
 * Any exception from a hostile or odd page becomes a typed failure, never an uncaught error.
 */
import { checkReport, compareYears, isLikelyReportPage, parseDom } from '@gongkai/shared/browser';
import type { CheckResult, Report, YearComparison } from '@gongkai/shared/browser';
import { pageAnchors, type PageAnchors } from './page-anchors';

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

export function checkDocument(doc: Document, url: string, history: readonly Report[]): PageCheck {
  const t0 = performance.now();
  try {
    const { anchors, collect } = pageAnchors();
    const parsed = parseDom(doc, { url, collect });
    if (!parsed.ok) return { ok: false, reason: parsed.reason, message: parsed.message, ms: performance.now() - t0 };
    return rerun(parsed.report, history, t0, anchors);
  } catch (e) {
    return { ok: false, reason: 'exception', message: failure(e), ms: performance.now() - t0 };
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
    return { ok: false, reason: 'exception', message: failure(e), ms: performance.now() - t0 };
  }
}
