/**
 * Report alerts of one run against the previous one: reports missing past their Article 49 deadline
 * (a condition per agency and year, by @gongkai/shared's agencyKind / missingReportYears — an agency of
 * unknown kind gets the later date), new annual reports (an agency-year the previous run did not have;
 * a late one says by how many days), and new error findings of primary reports.
 */
import { agencyKind, judgeTimeliness, missingReportYears, reportDeadline, type Deadlines } from '@gongkai/shared';
import type { FindingRow, Run, StoredDoc } from '../store/types.js';
import { addDays } from './limits.js';
import type { Alert } from './types.js';

export interface RunReports { run: Run; docs: StoredDoc[]; findings: FindingRow[]; names: Map<string, string | null>; reportColumns: Map<string, string> }

const primaries = (docs: StoredDoc[]) => docs.filter((d) => d.isPrimary && d.agency && d.year !== null);
const ARTICLE49 = { zh: '《政府信息公开条例》第四十九条：年度报告的公布期限', en: 'Article 49 of the Regulation on Open Government Information: the annual report deadline' };

/** Missing reports: one condition per agency and year; `judgedPrefixes` clear an agency's years no longer missing. */
export function missingAlerts(cur: RunReports, deadlines: Deadlines): { alerts: Alert[]; judgedPrefixes: string[] } {
  const latest = new Map<string, StoredDoc>();
  for (const d of primaries(cur.docs)) if (!latest.has(d.agency!) || d.year! > latest.get(d.agency!)!.year!) latest.set(d.agency!, d);
  const alerts: Alert[] = [];
  const judgedPrefixes: string[] = [];
  for (const [agency, d] of latest) {
    judgedPrefixes.push(`report-missing|${agency}|`);
    const kind = agencyKind(agency);
    for (const year of missingReportYears(d.year!, cur.run.now, kind, deadlines)) {
      const due = reportDeadline(year, kind, deadlines).latest;
      alerts.push({ key: `report-missing|${agency}|${year}`, kind: 'report-missing', host: d.host, name: agency, column: null,
        where: cur.reportColumns.get(d.host) ?? d.viaUrl ?? d.url, since: addDays(due, 1), rule: ARTICLE49, runId: cur.run.id, judgedOn: cur.run.now,
        what: { zh: `${agency}的${year}年度报告逾期未公布（期限${due}，最近一份为${d.year}年度）`,
          en: `${agency}'s ${year} annual report is missing past its deadline ${due} (the latest found is ${d.year})` } });
    }
  }
  return { alerts, judgedPrefixes };
}

/** Agency-years new since the previous run, on portals the previous run crawled too. */
export function newReportAlerts(prev: RunReports, cur: RunReports, deadlines: Deadlines): Alert[] {
  const hosts = new Set(prev.docs.map((d) => d.host));
  const had = new Set(primaries(prev.docs).map((d) => `${d.agency}|${d.year}`));
  return primaries(cur.docs).filter((d) => hosts.has(d.host) && !had.has(`${d.agency}|${d.year}`)).map((d) => {
    const kind = agencyKind(d.agency);
    const t = d.publishedAt ? judgeTimeliness(d.year!, d.publishedAt, kind, deadlines) : null;
    const late = t?.status === 'late' ? t : null;
    return {
      key: `new-report|${d.agency}|${d.year}`, kind: 'new-report' as const, host: d.host, name: d.agency, column: null, where: d.url,
      since: d.publishedAt ?? cur.run.now, runId: cur.run.id, judgedOn: cur.run.now,
      rule: late ? ARTICLE49 : { zh: '年报栏目新增年度报告', en: 'a new report in the annual-report column' },
      what: late
        ? { zh: `新发布：${d.listTitle ?? `${d.agency}${d.year}年度报告`}（${d.publishedAt}发布，超过期限${late.deadline}共${late.days}天）`,
          en: `New: ${d.agency}'s ${d.year} report, published ${d.publishedAt}, ${late.days} days after the deadline ${late.deadline}` }
        : { zh: `新发布：${d.listTitle ?? `${d.agency}${d.year}年度报告`}${d.publishedAt ? `（${d.publishedAt}发布）` : ''}`,
          en: `New: ${d.agency}'s ${d.year} annual report${d.publishedAt ? ` (published ${d.publishedAt})` : ''}` },
    };
  });
}

const findingKey = (f: FindingRow, d: StoredDoc) => `new-error|${d.agency}|${d.year}|${f.checkId}|${f.messageEn}`;

/** Error findings of primary reports that the previous run did not have (same agency, year, check and message). */
export function newErrorAlerts(prev: RunReports, cur: RunReports): Alert[] {
  const hosts = new Set(prev.docs.map((d) => d.host));
  const keys = (r: RunReports) => {
    const byUrl = new Map(primaries(r.docs).map((d) => [d.url, d]));
    return r.findings.filter((f) => f.severity === 'error' && byUrl.has(f.docUrl)).map((f) => ({ f, d: byUrl.get(f.docUrl)!, key: findingKey(f, byUrl.get(f.docUrl)!) }));
  };
  const before = new Set(keys(prev).map((x) => x.key));
  const seen = new Set<string>();
  return keys(cur).filter((x) => hosts.has(x.d.host) && !before.has(x.key) && !seen.has(x.key) && seen.add(x.key)).map(({ f, d, key }) => ({
    key, kind: 'new-error' as const, host: d.host, name: d.agency, column: null, where: d.url, since: d.publishedAt ?? cur.run.now,
    runId: cur.run.id, judgedOn: cur.run.now, rule: { zh: `检查项 ${f.checkId}`, en: `check ${f.checkId}` },
    what: { zh: `${d.agency}${d.year}年度报告：${f.messageZh}`, en: `${d.agency}'s ${d.year} report: ${f.messageEn}` },
  }));
}
