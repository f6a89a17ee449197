/**
 * The extension's column panel judges a list page by the shared check-list rules (@gongkai/shared
 * classifyColumn/judgeColumn — the same the crawler uses; their table of cases is
 * test/core/portal-rules.test.ts). Here: what the panel adds — home-page detection, the page count,
 * items as the panel holds them. Reading a real page's DOM is covered by the Playwright e2e specs.
 */
import { describe, expect, it } from 'vitest';
import { columnVerdict, isHomePath } from '../../extension/lib/column.ts';

const now = new Date('2026-11-22T04:00:00Z');
const item = (date: string) => ({ title: 't', date, href: null });

describe('column panel verdict (国办秘函〔2019〕19号 thresholds)', () => {
  it('a dynamic column is fresh at 14 days and stale at 15; list pages are kept when more than one', () => {
    expect(columnVerdict('工作动态', [item('2026-11-08'), item('2026-01-01')], now, { pages: 7 }))
      .toEqual({ name: '工作动态', category: 'dynamic', count: 2, pages: 7, newest: '2026-11-08', ageDays: 14, limitDays: 14, freshness: 'fresh' });
    expect(columnVerdict('工作动态', [item('2026-11-07')], now, { pages: 1 })).toMatchObject({ freshness: 'stale', pages: null });
  });

  it('judges the home page as the home page (2 weeks), and the 年报 column by its URL', () => {
    expect([isHomePath('/'), isHomePath('/index.html'), isHomePath('/zwgk/index.html')]).toEqual([true, true, false]);
    expect(columnVerdict('首页 · 某县人民政府', [item('2026-11-07')], now, { home: true })).toMatchObject({ category: 'home', freshness: 'stale', ageDays: 15, limitDays: 14 });
    expect(columnVerdict('信息公开', [item('2020-01-20')], now, { url: '/zwgk/zfxxgk/zfxxgknb/' })).toMatchObject({ category: 'reports', freshness: 'no-threshold', limitDays: null });
  });

  it('a notice column has six months; an empty column is empty whatever its kind', () => {
    expect(columnVerdict('通知公告', [item('2026-06-01')], now).freshness).toBe('fresh');
    expect(columnVerdict('通知公告', [item('2026-05-01')], now).freshness).toBe('stale');
    expect(columnVerdict('政策文件', [], now)).toMatchObject({ freshness: 'empty', count: 0, newest: null, pages: null });
    expect(columnVerdict('政府信息公开年报', [item('2020-01-01')], now).freshness).toBe('no-threshold');
  });
});
