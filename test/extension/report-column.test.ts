import { describe, expect, it } from 'vitest';
import { isReportColumn, reportListing } from '../../extension/lib/report-column.ts';

const item = (title: string) => ({ title, date: '2020-01-01', href: null });

describe('annual-report column', () => {
  it("knows when a year falls due by the agency's kind (Article 49: departments 31 January, governments 31 March)", () => {
    const listed = [item('某县人民政府2023年政府信息公开工作年度报告'), item('某县交通运输局2023年度政府信息公开年度报告'), item('某某2023年度报告')];
    const missing = (now: string) => Object.fromEntries(reportListing(listed, new Date(now)).map((a) => [a.agency, a.missing]));
    expect(missing('2025-02-15T00:00:00Z')).toEqual({ 某县人民政府: [], 某县交通运输局: [2024], 某某: [] });
    expect(missing('2025-04-01T00:00:00Z')).toEqual({ 某县人民政府: [2024], 某县交通运输局: [2024], 某某: [2024] });
  });

  it('groups by agency and lists the years missing since the first (not before 2019)', () => {
    const out = reportListing([
      item('某县人民政府2023年政府信息公开工作年度报告'),
      item('某县人民政府2021年政府信息公开工作年度报告'),
      item('某县人民政府2018年政府信息公开工作年度报告'),
      item('某县交通运输局2022年度政府信息公开年度报告'),
      item('关于召开会议的通知'),
    ], new Date('2024-06-01T00:00:00Z'));
    expect(out).toEqual([
      { agency: '某县人民政府', years: [2018, 2021, 2023], missing: [2019, 2020, 2022] },
      { agency: '某县交通运输局', years: [2022], missing: [2023] },
    ]);
  });

  it('recognises the column by name', () => {
    expect(isReportColumn('政府信息公开年报')).toBe(true);
    expect(isReportColumn('政府信息公开工作年度报告')).toBe(true);
    expect(isReportColumn('通知公告')).toBe(false);
  });
});
