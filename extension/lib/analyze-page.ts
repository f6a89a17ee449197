/**
 * The report flow, in the background: parse and check the copy of a page the lens sent, bring in
 * the agency's history, check again with it, store the result. The page's main thread only copies
 * its DOM and draws the answer (plain data; anchors as node ids of the copy).
 */
import type { Report } from '@gongkai/shared/browser';
import { checkSnapshot, rerun, type PageCheck } from './check-page';
import { checkNames, crossYear, type CheckNames, type CrossYear } from './cross-year';
import type { WireNode } from './dom-snapshot';
import { borrowedCopies, toEntry, usableHistory, type HistoryEntry, type UsedCopy } from './history-model';
import type { HistoryList } from './messages';
import { hasReportBody, type AnchorRefs } from './page-check';

export interface CheckRequest { root: WireNode; title: string | null; charset: string | null; url: string }

/**
 * `years`: the years the cross-year checks used (one per year, this site's or a linked site's);
 * `unused`: how many other documents of those years are stored but were not used.
 */
export interface CheckAnswer {
  check: PageCheck; refs: AnchorRefs | null; years: number[]; unused: number;
  /** The used years that are not this site's own copies (a linked site's, an import): the panel says which copy. */
  copies: UsedCopy[];
  /** The cross-year rows and the names of the checks in `check` (the lens carries no catalogue). */
  cross: CrossYear | null; names: CheckNames;
}


/** Kept in the history: a report body, or at least sections or figures (free-form reports, seed 004). */
function worthKeeping(r: Report): boolean {
  return hasReportBody(r) || r.sections.length > 0 || r.claims.length > 0;
}

export interface HistoryStore {
  /** The agency's entries on the sender's site (and on sites the user linked). */
  list(agency: string): Promise<HistoryList | null>;
  put(entry: HistoryEntry): Promise<boolean>;
}

function answer(check: PageCheck, refs: AnchorRefs | null, years: number[] = [], unused = 0, copies: UsedCopy[] = []): CheckAnswer {
  return check.ok
    ? { check, refs, years, unused, copies, cross: crossYear(check.result), names: checkNames(check.result.findings.map((f) => f.id)) }
    : { check, refs: null, years, unused, copies: [], cross: null, names: {} };
}

export async function analyzeSnapshot(req: CheckRequest, site: string, store: HistoryStore): Promise<CheckAnswer> {
  const t0 = performance.now();
  const first = checkSnapshot(req.root, req.title, req.charset, req.url, [], t0);
  let check = first.check;
  if (!check.ok || !check.report.agency || check.report.year === null || !worthKeeping(check.report)) return answer(check, first.refs);
  const { agency, year } = check.report;
  const got = await store.list(agency);
  const all = got && Array.isArray(got.entries) ? usableHistory(got.entries, got.site ?? site, agency, got.trusted ?? []) : { used: [], unused: [] };
  const history = all.used.filter((e) => e.year !== year);
  const unused = all.unused.filter((e) => e.year !== year).length;
  if (history.some((e) => e.year < year)) check = rerun(check.report, history.map((e) => e.report), t0, null);
  if (check.ok) {
    const entry = toEntry(check.report, check.result, 'page', site);
    if (entry) await store.put(entry);
  }
  return answer(check, check.ok ? first.refs : null, history.map((e) => e.year), unused, borrowedCopies(history, got?.site ?? site));
}
