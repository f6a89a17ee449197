/**
 * The portal rules of @gongkai/shared — Article 49 deadlines, the check-list's column rules and portal
 * verdict, dates on portals — as one table of cases each. The crawler and the extension use these
 * functions and nothing else, so this table is where a rule changes.
 */
import { describe, expect, it } from 'vitest';
import {
  agencyKind, ARTICLE49_DEADLINES, CHECKLIST_THRESHOLDS, classifyColumn, columnFreshness, columnLimitDays, dateFromUrl, daysBetween,
  DeadlineError, judgeColumn, judgePortal, judgeTimeliness, lastDueYear, missingReportYears, parseDate, publishedDateFromText,
  reportDeadline, resolveDeadlines, type AgencyKind, type ColumnCategory, type ColumnState, type Freshness,
} from '../../shared/src/index.ts';
import * as browser from '../../shared/src/browser.ts';

describe('Article 49: agency kinds', () => {
  const kinds: [string | null, AgencyKind][] = [
    ['杭州市人民政府', 'government'],
    ['淳安县人民政府', 'government'],
    ['浙江省人民政府', 'government'],
    ['杭州市西湖区人民政府', 'government'],
    ['新疆维吾尔自治区人民政府', 'government'],
    ['延边朝鲜族自治州人民政府', 'government'],
    ['杭州市政府', 'government'],
    ['国务院', 'government'],
    // The government's office compiles the government's report, but its own report is a department's.
    ['杭州市人民政府办公厅', 'department'],
    ['淳安县人民政府办公室', 'department'],
    ['杭州市人民政府外事办公室', 'department'],
    // Townships and sub-districts are not county-level governments.
    ['嘉善县西塘镇人民政府', 'department'],
    ['某县某某乡人民政府', 'department'],
    ['某某镇政府', 'department'],
    ['杭州市西湖区北山街道办事处', 'department'],
    ['某区某某街道', 'department'],
    ['杭州市生态环境局', 'department'],
    ['杭州市生态环境局淳安分局', 'department'],
    ['嘉兴市发展和改革委员会', 'department'],
    ['浙江省公安厅', 'department'],
    ['杭州市 应急管理局', 'department'],
    [null, 'unknown'],
    ['', 'unknown'],
    ['某某有限公司', 'unknown'],
    ['公开', 'unknown'],
  ];
  it.each(kinds)('%s → %s', (agency, kind) => expect(agencyKind(agency)).toBe(kind));
});

describe('Article 49: deadlines', () => {
  it('national dates, overrides, and a clear error for a bad override', () => {
    expect(resolveDeadlines()).toEqual({ department: '01-31', government: '03-31' });
    expect(resolveDeadlines({ department: '01-28' })).toEqual({ department: '01-28', government: '03-31' });
    expect(() => resolveDeadlines({ government: '3-31' })).toThrow(DeadlineError);
    expect(() => resolveDeadlines({ department: '02-30x' })).toThrow(/must be MM-DD/);
    expect(ARTICLE49_DEADLINES).toEqual({ department: '01-31', government: '03-31' });
  });

  const d = ARTICLE49_DEADLINES;
  const local = resolveDeadlines({ department: '01-28' });
  type Case = [string, number, string, AgencyKind, typeof d, ReturnType<typeof judgeTimeliness>['status']];
  const cases: Case[] = [
    ['department on the day', 2020, '2021-01-31', 'department', d, 'on-time'],
    ['department a day late', 2020, '2021-02-01', 'department', d, 'late'],
    ['government in March', 2020, '2021-03-15', 'government', d, 'on-time'],
    ['government in April', 2020, '2021-04-01', 'government', d, 'late'],
    ['unknown kind in January', 2020, '2021-01-20', 'unknown', d, 'on-time'],
    ['unknown kind in February: cannot say', 2020, '2021-02-20', 'unknown', d, 'unknown-kind'],
    ['unknown kind in April: late either way', 2020, '2021-04-02', 'unknown', d, 'late'],
    ['local rule: department on 29 January', 2020, '2021-01-29', 'department', local, 'late'],
    ['leap year end of February is just a date', 2023, '2024-02-29', 'government', d, 'on-time'],
  ];
  it.each(cases)('%s', (_name, year, published, kind, deadlines, status) => {
    expect(judgeTimeliness(year, published, kind, deadlines).status).toBe(status);
  });

  it('a late report says by how many days', () => {
    expect(judgeTimeliness(2021, '2022-02-20', agencyKind('嘉善县西塘镇人民政府'))).toEqual({ status: 'late', deadline: '2022-01-31', days: 20 });
    expect(reportDeadline(2020, 'unknown')).toEqual({ earliest: '2021-01-31', latest: '2021-03-31' });
  });

  type Due = [string, AgencyKind, number];
  const due: Due[] = [
    ['2026-01-31', 'department', 2024], ['2026-02-01', 'department', 2025],
    ['2026-03-31', 'government', 2024], ['2026-04-01', 'government', 2025],
    ['2026-02-15', 'unknown', 2024], ['2026-04-01', 'unknown', 2025], ['2026-11-22', 'government', 2025],
  ];
  it.each(due)('on %s the last %s year due is %i', (today, kind, year) => expect(lastDueYear(today, kind)).toBe(year));

  it('years missing after the latest report', () => {
    expect(missingReportYears(2023, '2025-06-30', 'government')).toEqual([2024]);
    expect(missingReportYears(2023, '2025-02-15', 'government')).toEqual([]);
    expect(missingReportYears(2023, '2025-02-15', 'department')).toEqual([2024]);
    expect(missingReportYears(2022, '2025-02-15', 'department', resolveDeadlines({ department: '02-20' }))).toEqual([2023]);
    expect(missingReportYears(2024, '2025-06-30', 'department')).toEqual([]);
  });
});

describe('check-list column rules (国办秘函〔2019〕19号)', () => {
  const categories: [string, string, ColumnCategory][] = [
    ['工作动态', '', 'dynamic'], ['部门要闻', '', 'dynamic'], ['新闻发布', '', 'dynamic'], ['政务资讯', '', 'dynamic'],
    ['通知公告', '', 'notice-policy'], ['政策文件', '', 'notice-policy'], ['政策解读', '', 'notice-policy'], ['规范性文件', '', 'notice-policy'],
    ['政府信息公开指南', '', 'static'], ['政府信息公开制度', '', 'static'], ['机构职能', '', 'static'], ['法定主动公开内容', '', 'static'],
    ['政府信息公开年报', '', 'reports'], ['政府信息公开工作年度报告', '', 'reports'], ['信息公开', 'http://x/zwgk/zfxxgk/zfxxgknb/', 'reports'],
    ['首页 · 杭州市人民政府', '', 'home'],
    ['环境质量', '', 'other'], ['统计信息', '', 'other'], ['规划信息', '', 'other'],
  ];
  it.each(categories)('%s %s → %s', (name, url, cat) => expect(classifyColumn(name, url)).toBe(cat));

  it('limits in days by category', () => {
    expect(Object.fromEntries((['home', 'dynamic', 'notice-policy', 'other', 'static', 'reports'] as const).map((c) => [c, columnLimitDays(c)])))
      .toEqual({ home: 14, dynamic: 14, 'notice-policy': 183, other: 183, static: null, reports: null });
    expect(CHECKLIST_THRESHOLDS).toMatchObject({ staleColumnsFail: 5, longStaleFail: 10, emptyFail: 5 });
  });

  const col = (name: string, itemCount: number, newest: string | null, loaded = true): ColumnState =>
    ({ name, category: classifyColumn(name), itemCount, newest, loaded });
  const fresh: [string, ColumnState, Freshness][] = [
    ['dynamic at 14 days', col('工作动态', 3, '2025-06-16'), 'fresh'],
    ['dynamic at 15 days', col('工作动态', 3, '2025-06-15'), 'stale'],
    ['notice at 180 days', col('通知公告', 3, '2025-01-01'), 'fresh'],
    ['notice at 184 days', col('通知公告', 3, '2024-12-28'), 'stale'],
    ['other at 181 days', col('环境质量', 3, '2024-12-31'), 'fresh'],
    ['other after a year', col('环境质量', 3, '2024-06-01'), 'stale'],
    ['static, old', col('政府信息公开指南', 1, '2019-01-01'), 'no-threshold'],
    ['reports column, old', col('政府信息公开年报', 5, '2021-03-01'), 'no-threshold'],
    ['empty whatever its kind', col('政府信息公开指南', 0, null), 'empty'],
    ['failed to load: unknown, not empty', col('规划信息', 0, null, false), 'unknown'],
    ['items without dates: unknown', col('工作动态', 4, null), 'unknown'],
  ];
  it.each(fresh)('%s → %s', (_name, c, f) => expect(columnFreshness(c, '2025-06-30')).toBe(f));

  it('judges a column from its items, counting calendar days (a Date counts by its UTC day)', () => {
    const now = new Date('2026-11-22T04:00:00Z');
    expect(judgeColumn('工作动态', ['2026-11-08', '2026-01-01'], now))
      .toEqual({ name: '工作动态', category: 'dynamic', count: 2, newest: '2026-11-08', ageDays: 14, limitDays: 14, freshness: 'fresh' });
    expect(judgeColumn('首页 · 某县人民政府', ['2026-11-07'], now)).toMatchObject({ category: 'home', freshness: 'stale', ageDays: 15 });
    expect(judgeColumn('x', [], '2026-11-22', { category: 'notice-policy' })).toMatchObject({ freshness: 'empty', newest: null, ageDays: null, limitDays: 183 });
    expect(daysBetween('2026-11-22', now)).toBe(0);
  });
});

describe('portal verdict', () => {
  const portal = { host: 'h', name: 'x', homeUrl: 'http://h/', sectionUrl: 'http://h/zwgk/', homeNewest: '2025-06-20' };
  const col = (name: string, itemCount: number, newest: string | null): ColumnState => ({ name, category: classifyColumn(name), itemCount, newest, loaded: true });
  const many = (n: number, make: (i: number) => ColumnState) => Array.from({ length: n }, (_, i) => make(i));
  const failed = (cols: ColumnState[], p = portal) => judgePortal(p, cols, '2025-06-30').rules.filter((r) => r.failed).map((r) => r.id);

  it('fails at each national threshold and not below it', () => {
    expect(failed(many(4, (i) => col(`空栏目${i}`, 0, null)))).toEqual([]);
    expect(failed(many(5, (i) => col(`空栏目${i}`, 0, null)))).toEqual(['empty-columns']);
    expect(failed(many(4, (i) => col(`动态${i}`, 2, '2025-01-01')))).toEqual([]);
    expect(failed(many(5, (i) => col(`动态${i}`, 2, '2025-01-01')))).toEqual(['stale-dynamic-notice']);
    expect(failed(many(9, (i) => col(`业务${i}`, 2, '2024-01-01')))).toEqual([]);
    expect(failed(many(10, (i) => col(`业务${i}`, 2, '2024-01-01')))).toEqual(['long-stale']);
    expect(failed([col('工作动态', 1, '2025-06-29')], { ...portal, homeNewest: '2025-06-15' })).toEqual(['home-stale']);
  });

  it('a home page without dated items cannot be judged on home-stale (and does not fail it)', () => {
    const v = judgePortal({ ...portal, homeNewest: null }, [col('工作动态', 1, '2025-06-29')], '2025-06-30');
    expect(v).toMatchObject({ passed: true, judged: true, fault: null });
    expect(v.rules.find((r) => r.id === 'home-stale')).toMatchObject({ failed: false, judged: false });
  });

  it('no 政府信息公开 section: the fault no-disclosure-section, not a failing portal with 0 columns', () => {
    const v = judgePortal({ ...portal, sectionUrl: null, homeNewest: null }, [], '2025-06-30');
    expect(v).toMatchObject({ judged: false, passed: false, fault: 'no-disclosure-section', rules: [], homeUrl: 'http://h/' });
    expect(v.message!.en).toMatch(/no 政府信息公开 section/);
    // A seed given as a column (no section page, but columns) is judged.
    expect(judgePortal({ ...portal, sectionUrl: null }, [col('工作动态', 1, '2025-06-29')], '2025-06-30')).toMatchObject({ judged: true, passed: true });
  });
});

describe('dates on portals', () => {
  const inText: [string, string | null][] = [
    ['[2020-01-20]', '2020-01-20'], ['2020年1月5日', '2020-01-05'], ['2020/12/31', '2020-12-31'], ['2020.01.20', '2020-01-20'],
    ['２０２０年０１月２０日', '2020-01-20'], ['2020 年 1 月 5 日', '2020-01-05'],
    ['2020.13.01', null], ['2021-02-29', null], ['no date', null],
    ['编号 2020-13-40 发布 2020-02-03', '2020-02-03'], ['12020-01-20', null],
  ];
  it.each(inText)('in text: %s → %s', (s, d) => expect(parseDate(s)).toBe(d));

  const inUrl: [string, string | null][] = [
    ['http://x/202001/t20200120_80576.htm', '2020-01-20'], ['http://x/art/2021/1/8/art_1229_1.html', '2021-01-08'],
    ['http://www.county.gov.cn/xwzx/2018-07-12/7477.html', '2018-07-12'], ['http://x/t20201340_1.htm', null], ['http://x/content/post_1.html', null],
  ];
  it.each(inUrl)('in a URL: %s → %s', (u, d) => expect(dateFromUrl(u)).toBe(d));

  it('in page metadata', () => {
    expect(publishedDateFromText('索引号：001 发布日期：2021-01-20 文号：无')).toBe('2021-01-20');
    expect(publishedDateFromText('成文日期：2021-01-18')).toBeNull();
  });
});

describe('entry points', () => {
  it('the extension entry exports the same rules', () => {
    for (const f of [agencyKind, judgeTimeliness, lastDueYear, classifyColumn, columnFreshness, judgeColumn, judgePortal, parseDate, dateFromUrl]) {
      expect((browser as Record<string, unknown>)[f.name]).toBe(f);
    }
  });
});
