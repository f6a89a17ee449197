import { describe, expect, it } from 'vitest';
import { columnType, daysBetween, isHomePath, judgeColumn, LIMIT_DAYS, parseDate } from '../../extension/lib/column.ts';

const now = new Date('2026-11-22T04:00:00Z');
const item = (date: string) => ({ title: 't', date, href: null });

describe('column freshness (国办秘函〔2019〕19号 thresholds)', () => {
  it('reads the date forms list pages use', () => {
    expect(parseDate('[2020-01-20]')).toBe('2020-01-20');
    expect(parseDate('2020年1月5日')).toBe('2020-01-05');
    expect(parseDate('2020/12/31')).toBe('2020-12-31');
    expect(parseDate('2020.13.01')).toBeNull();
    expect(parseDate('no date')).toBeNull();
  });

  it('classifies columns by name', () => {
    expect(columnType('工作动态')).toBe('dynamic');
    expect(columnType('部门要闻')).toBe('dynamic');
    expect(columnType('通知公告')).toBe('notice');
    expect(columnType('政策文件')).toBe('notice');
    expect(columnType('政府信息公开年报')).toBe('other');
    expect(columnType('首页 · 杭州市人民政府')).toBe('dynamic');
    expect([isHomePath('/'), isHomePath('/index.html'), isHomePath('/zwgk/index.html')]).toEqual([true, true, false]);
    expect(LIMIT_DAYS).toEqual({ dynamic: 14, notice: 183, other: null });
  });

  it('counts days in UTC calendar days', () => {
    expect(daysBetween('2026-11-22', now)).toBe(0);
    expect(daysBetween('2026-11-08', now)).toBe(14);
  });

  it('a dynamic column is fresh at 14 days and stale at 15', () => {
    expect(judgeColumn('工作动态', [item('2026-11-08'), item('2026-01-01')], now)).toMatchObject({ freshness: 'fresh', newest: '2026-11-08', ageDays: 14, count: 2 });
    expect(judgeColumn('工作动态', [item('2026-11-07')], now).freshness).toBe('stale');
  });

  it('a notice column has six months', () => {
    expect(judgeColumn('通知公告', [item('2026-06-01')], now).freshness).toBe('fresh');
    expect(judgeColumn('通知公告', [item('2026-05-01')], now).freshness).toBe('stale');
  });

  it('an empty column is empty whatever its type; other columns have no national limit', () => {
    expect(judgeColumn('政策文件', [], now)).toMatchObject({ freshness: 'empty', count: 0, newest: null });
    expect(judgeColumn('政府信息公开年报', [item('2020-01-01')], now).freshness).toBe('no-threshold');
  });
});
