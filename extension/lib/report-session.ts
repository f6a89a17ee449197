/**
 * The report flow of the lens, without UI: copy the page in slices and have the background parse
 * and check the copy with the agency's history (lib/analyze-page.ts) and store the result; the
 * answer's anchors are turned back into the page's nodes here. No parser on the page's thread.
 */
import type { CheckAnswer } from './analyze-page';
import { snapshotDom, SNAPSHOT_LIMITS } from './dom-snapshot';
import { send } from './messages';
import { failureMessage, resolveAnchors, tooBigCheck, type PageCheck } from './page-check';
import { timed } from './perf';

/** The page's check and what came with it (see `CheckAnswer`); `check.anchors` holds the page's nodes. */
export type ReportState = Omit<CheckAnswer, 'refs' | 'check'> & { check: PageCheck };


export { hasReportBody } from './page-check';

const nothing = (check: PageCheck): ReportState => ({ check, years: [], unused: 0, copies: [], cross: null, names: {} });

export async function analyzeReport(doc: Document, url: string): Promise<ReportState> {
  const t0 = performance.now();
  try {
    const snap = await snapshotDom(doc.body ?? doc.documentElement, SNAPSHOT_LIMITS);
    if (!snap.ok) return nothing(tooBigCheck(snap.tooBig, SNAPSHOT_LIMITS, performance.now() - t0));
    const got = await send<CheckAnswer | null>({ type: 'report:check', root: snap.root, title: doc.title || null, charset: doc.characterSet || null, url });
    if (!got || typeof got !== 'object' || !got.check) return nothing({ ok: false, reason: 'exception', message: failureMessage('后台未返回结果 (no answer from the background)'), ms: performance.now() - t0 });
    return timed('anchors', () => {
      const { refs, check, ...rest } = got;
      return { ...rest, check: check.ok && refs ? { ...check, anchors: resolveAnchors(refs, snap.pageNodes) } : check };
    });
  } catch (e) {
    return nothing({ ok: false, reason: 'exception', message: failureMessage(e), ms: performance.now() - t0 });
  }
}
