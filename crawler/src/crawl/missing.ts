/**
 * `crawl.report-missing`: the years after an agency's latest report in the crawled annual-report
 * columns whose Article 49 deadline has passed on the judging day. The deadline rule is
 * @gongkai/shared's (agencyKind, missingReportYears): an agency of unknown kind gets the later date,
 * so no report is called missing before it is due whatever the agency is.
 */
import { agencyKind, checkInfo, missingReportYears, reportDeadline, type Deadlines } from '@gongkai/shared';
import type { FindingRow } from '../store/types.js';

export interface PrimaryDoc { url: string; agency: string | null; year: number | null }

const ID = 'crawl.report-missing';

/** An agency whose reports stop before the last year due: its latest document and the years after it that are due. */
export interface MissingYears { agency: string; latest: PrimaryDoc; missing: number[]; due: string }

/**
 * Per agency: the years after its latest report whose deadline has passed on `today` (the rule the
 * `crawl.report-missing` finding and the site-search planner share).
 */
export function missingYears(primaries: readonly PrimaryDoc[], today: string, deadlines: Deadlines): MissingYears[] {
  const byAgency = new Map<string, PrimaryDoc[]>();
  for (const p of primaries) {
    if (!p.agency || p.year === null) continue;
    (byAgency.get(p.agency) ?? byAgency.set(p.agency, []).get(p.agency)!).push(p);
  }
  const out: MissingYears[] = [];
  for (const [agency, list] of byAgency) {
    const latest = list.reduce((a, b) => (b.year! > a.year! ? b : a));
    const kind = agencyKind(agency);
    const missing = missingReportYears(latest.year!, today, kind, deadlines);
    if (!missing.length) continue;
    out.push({ agency, latest, missing, due: reportDeadline(missing.at(-1)!, kind, deadlines).latest });
  }
  return out;
}

/** One finding per agency with missing years, on its latest primary document. */
export function reportMissingFindings(primaries: readonly PrimaryDoc[], today: string, deadlines: Deadlines): FindingRow[] {
  return missingYears(primaries, today, deadlines).map(({ agency, latest, missing, due }) => ({
    docUrl: latest.url, n: 1000, checkId: ID, severity: checkInfo(ID).severity,
    messageZh: `${agency}的年报栏目中未找到${missing.join('、')}年度报告（截止日期已过，最近一个为${due}）`,
    messageEn: `No ${missing.join(', ')} report of ${agency} in the annual-report column although the deadline has passed (the latest: ${due})`,
    evidence: JSON.stringify({ cells: [], sentences: [], otherYear: missing[0], expression: `${today} > ${due}` }),
  }));
}
