/**
 * Crawl checks of the catalogue (scope 'crawl'): they run in the crawler's analysis over an agency's
 * reports found in its annual-report column, not in checkReport. crawl.report-missing uses the shared
 * Article 49 rule (agencyKind, missingReportYears) and honours local deadlines.
 */
import { describe, expect } from 'vitest';
import { CHECKS, resolveDeadlines } from '../../shared/src/index.ts';
import { reportMissingFindings } from '../../crawler/src/crawl/missing.ts';
import { itFires, itPasses } from '../helpers/checks.ts';

const doc = (agency: string, year: number) => ({ url: `http://x/${agency}/${year}.htm`, agency, year });
const national = resolveDeadlines();

describe('crawl.report-missing', () => {
  itFires('crawl.report-missing', "a department's 2024 report not listed on 2025-02-15 (due 2025-01-31)", () => {
    const f = reportMissingFindings([doc('杭州市应急管理局', 2022), doc('杭州市应急管理局', 2023)], '2025-02-15', national);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ docUrl: 'http://x/杭州市应急管理局/2023.htm', checkId: 'crawl.report-missing', severity: CHECKS.find((c) => c.id === 'crawl.report-missing')!.severity });
    expect(f[0]!.messageEn).toBe('No 2024 report of 杭州市应急管理局 in the annual-report column although the deadline has passed (the latest: 2025-01-31)');
    expect(JSON.parse(f[0]!.evidence!)).toMatchObject({ otherYear: 2024, expression: '2025-02-15 > 2025-01-31' });
  });
  itFires('crawl.report-missing', 'a township (镇人民政府) is due with the departments; two years missing', () => {
    const f = reportMissingFindings([doc('嘉善县西塘镇人民政府', 2022)], '2025-02-15', national);
    expect(f.map((x) => x.messageZh)).toEqual(['嘉善县西塘镇人民政府的年报栏目中未找到2023、2024年度报告（截止日期已过，最近一个为2025-01-31）']);
  });
  itPasses('crawl.report-missing', "a government's 2024 report on 2025-02-15 is not yet due (31 March)", () => {
    expect(reportMissingFindings([doc('淳安县人民政府', 2023)], '2025-02-15', national)).toEqual([]);
  });
  itPasses('crawl.report-missing', 'an agency of unknown kind gets the later date; a local deadline is honoured', () => {
    expect(reportMissingFindings([doc('某某', 2023)], '2025-02-15', national)).toEqual([]);
    expect(reportMissingFindings([doc('杭州市应急管理局', 2023)], '2025-02-15', resolveDeadlines({ department: '02-20' }))).toEqual([]);
  });
});
