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

/** One finding per agency with missing years, on its latest primary document. */
export function reportMissingFindings(primaries: readonly PrimaryDoc[], today: string, deadlines: Deadlines): FindingRow[] {
  const byAgency = new Map<string, PrimaryDoc[]>();
  for (const p of primaries) {
    if (!p.agency || p.year === null) continue;
    (byAgency.get(p.agency) ?? byAgency.set(p.agency, []).get(p.agency)!).push(p);
  }
  const out: FindingRow[] = [];
  for (const [agency, list] of byAgency) {
    const latest = list.reduce((a, b) => (b.year! > a.year! ? b : a));
    const kind = agencyKind(agency);
    const missing = missingReportYears(latest.year!, today, kind, deadlines);
    if (!missing.length) continue;
    const due = reportDeadline(missing.at(-1)!, kind, deadlines).latest;
    out.push({ docUrl: latest.url, n: 1000, checkId: ID, severity: checkInfo(ID).severity,
      messageZh: `${agency}的年报栏目中未找到${missing.join('、')}年度报告（截止日期已过，最近一个为${due}）`,
      messageEn: `No ${missing.join(', ')} report of ${agency} in the annual-report column although the deadline has passed (the latest: ${due})`,
      evidence: JSON.stringify({ cells: [], sentences: [], otherYear: missing[0], expression: `${today} > ${due}` }) });
  }
  return out;
}
