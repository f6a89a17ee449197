/**
 * Judging a portal's columns against the national check-list thresholds (国办秘函〔2019〕19号,
 * 单项否决). Each rule reports the columns it counted so a reader can check the verdict.
 */
import type { ColumnSnapshot, PortalRow } from '../store/types.js';

export interface Thresholds {
  homeStaleDays: number;        // home page: no new item for 2 weeks
  dynamicStaleDays: number;     // 动态、要闻类: not updated within 2 weeks
  noticeStaleDays: number;      // 通知公告、政策文件类: not updated within 6 months
  staleColumnsFail: number;     // … 5 or more such columns together
  longStaleDays: number;        // "long not updated" (our reading: 6 months for columns that should be updated)
  longStaleFail: number;        // 10 or more
  emptyFail: number;            // 5 or more empty columns
}

export const NATIONAL: Thresholds = {
  homeStaleDays: 14, dynamicStaleDays: 14, noticeStaleDays: 183, staleColumnsFail: 5,
  longStaleDays: 183, longStaleFail: 10, emptyFail: 5,
};

export interface Rule { id: string; failed: boolean; count: number; limit: number; columns: string[]; zh: string; en: string }
export interface Verdict { host: string; name: string | null; passed: boolean; judgedAt: string; rules: Rule[]; freshness: Record<string, 'fresh' | 'stale' | 'empty' | 'unknown' | 'static'> }

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Freshness of one column on `now`. */
export function freshness(c: ColumnSnapshot, now: string, t: Thresholds = NATIONAL): 'fresh' | 'stale' | 'empty' | 'unknown' | 'static' {
  if (c.status !== 'ok') return 'unknown';
  if (c.itemCount === 0) return 'empty';
  if (c.category === 'static' || c.category === 'reports') return 'static';
  const limit = c.category === 'dynamic' ? t.dynamicStaleDays : c.category === 'notice-policy' ? t.noticeStaleDays : t.longStaleDays;
  return c.newest && daysBetween(c.newest, now) <= limit ? 'fresh' : 'stale';
}

export function judgePortal(portal: PortalRow, cols: ColumnSnapshot[], now: string, t: Thresholds = NATIONAL): Verdict {
  const leaf = cols.filter((c) => !c.isParent);
  const fresh = Object.fromEntries(leaf.map((c) => [c.name, freshness(c, now, t)]));
  const homeAge = portal.homeNewest ? daysBetween(portal.homeNewest, now) : null;
  const staleDN = leaf.filter((c) => (c.category === 'dynamic' || c.category === 'notice-policy') && fresh[c.name] === 'stale');
  const longStale = leaf.filter((c) => c.category === 'other' && fresh[c.name] === 'stale');
  const empty = leaf.filter((c) => fresh[c.name] === 'empty');
  const rules: Rule[] = [
    { id: 'home-stale', failed: homeAge === null || homeAge > t.homeStaleDays, count: homeAge ?? -1, limit: t.homeStaleDays, columns: [],
      zh: homeAge === null ? '首页未找到带日期的信息' : `首页最新信息距检查日${homeAge}天（上限${t.homeStaleDays}天）`,
      en: homeAge === null ? 'no dated item found on the home page' : `newest home-page item is ${homeAge} days old (limit ${t.homeStaleDays})` },
    { id: 'stale-dynamic-notice', failed: staleDN.length >= t.staleColumnsFail, count: staleDN.length, limit: t.staleColumnsFail, columns: staleDN.map((c) => c.name),
      zh: `动态要闻类超过2周、通知公告政策文件类超过6个月未更新的栏目${staleDN.length}个（≥${t.staleColumnsFail}个单项否决）`,
      en: `${staleDN.length} dynamic columns older than 2 weeks or notice/policy columns older than 6 months (fails at ${t.staleColumnsFail})` },
    { id: 'long-stale', failed: longStale.length >= t.longStaleFail, count: longStale.length, limit: t.longStaleFail, columns: longStale.map((c) => c.name),
      zh: `应更新但长期未更新的栏目${longStale.length}个（≥${t.longStaleFail}个单项否决）`,
      en: `${longStale.length} columns that should be updated but were not for over ${t.longStaleDays} days (fails at ${t.longStaleFail})` },
    { id: 'empty-columns', failed: empty.length >= t.emptyFail, count: empty.length, limit: t.emptyFail, columns: empty.map((c) => c.name),
      zh: `空白栏目${empty.length}个（≥${t.emptyFail}个单项否决）`, en: `${empty.length} empty columns (fails at ${t.emptyFail})` },
  ];
  return { host: portal.host, name: portal.name, passed: !rules.some((r) => r.failed), judgedAt: now, rules, freshness: fresh };
}
