/**
 * A portal's verdict by the national check-list (国办秘函〔2019〕19号, 单项否决): any failed rule fails
 * the website. Each rule reports the columns it counted so a reader can check the verdict. A rule the
 * crawl cannot judge (no dated item on the home page) says so and does not fail; a portal whose
 * 政府信息公开 section was not found is not judged at all — it is the fault `no-disclosure-section`,
 * not a failing portal with zero columns.
 */
import { columnFreshness, CHECKLIST_THRESHOLDS, type ColumnState, type Freshness, type Thresholds } from './columns.js';
import { daysBetween } from './dates.js';

export type PortalRuleId = 'home-stale' | 'stale-dynamic-notice' | 'long-stale' | 'empty-columns';

export interface PortalRule {
  id: PortalRuleId;
  failed: boolean;
  /** False when the crawl has nothing to judge the rule on (then it does not fail). */
  judged: boolean;
  /** What was counted (days for home-stale, columns for the others; -1 when not judged). */
  count: number;
  limit: number;
  columns: string[];
  zh: string;
  en: string;
}

/** Why a portal could not be judged. */
export type PortalFault = 'no-disclosure-section';

export interface PortalVerdict {
  host: string;
  name: string | null;
  /** The home page the crawl started from. */
  homeUrl: string | null;
  /** True only when the portal was judged and no rule failed. */
  passed: boolean;
  /** False when a fault kept the portal from being judged (then `rules` is empty). */
  judged: boolean;
  fault: PortalFault | null;
  /** The fault in words, when there is one. */
  message: { zh: string; en: string } | null;
  judgedAt: string;
  rules: PortalRule[];
  /** Freshness of each leaf column, by name. */
  freshness: Record<string, Freshness>;
}

/** What the verdict needs to know of the portal. */
export interface PortalState {
  host: string;
  name: string | null;
  homeUrl: string | null;
  /** The 政府信息公开 section's URL, null when none was found. */
  sectionUrl: string | null;
  /** Newest dated item on the home page, null when it shows none. */
  homeNewest: string | null;
}

/** Judges a portal's leaf columns (parents excluded by the caller) on `today` (ISO). */
export function judgePortal(portal: PortalState, leaf: readonly ColumnState[], today: string, t: Thresholds = CHECKLIST_THRESHOLDS): PortalVerdict {
  const base = { host: portal.host, name: portal.name, homeUrl: portal.homeUrl, judgedAt: today };
  if (portal.sectionUrl === null && leaf.length === 0) {
    return { ...base, passed: false, judged: false, fault: 'no-disclosure-section', rules: [], freshness: {},
      message: { zh: '首页及其链接中未找到政府信息公开栏目，未作栏目检查', en: 'no 政府信息公开 section found from the home page: columns not judged' } };
  }
  const fresh = Object.fromEntries(leaf.map((c) => [c.name, columnFreshness(c, today, t)]));
  const homeAge = portal.homeNewest ? daysBetween(portal.homeNewest, today) : null;
  const staleDN = leaf.filter((c) => (c.category === 'dynamic' || c.category === 'notice-policy') && fresh[c.name] === 'stale');
  const longStale = leaf.filter((c) => c.category === 'other' && fresh[c.name] === 'stale');
  const empty = leaf.filter((c) => fresh[c.name] === 'empty');
  const rules: PortalRule[] = [
    homeAge === null
      ? { id: 'home-stale', failed: false, judged: false, count: -1, limit: t.homeStaleDays, columns: [],
        zh: '首页未找到带日期的信息，无法判断首页更新', en: 'no dated item found on the home page: its updates cannot be judged' }
      : { id: 'home-stale', failed: homeAge > t.homeStaleDays, judged: true, count: homeAge, limit: t.homeStaleDays, columns: [],
        zh: `首页最新信息距检查日${homeAge}天（上限${t.homeStaleDays}天）`, en: `newest home-page item is ${homeAge} days old (limit ${t.homeStaleDays})` },
    { id: 'stale-dynamic-notice', failed: staleDN.length >= t.staleColumnsFail, judged: true, count: staleDN.length, limit: t.staleColumnsFail, columns: staleDN.map((c) => c.name),
      zh: `动态要闻类超过2周、通知公告政策文件类超过6个月未更新的栏目${staleDN.length}个（≥${t.staleColumnsFail}个单项否决）`,
      en: `${staleDN.length} dynamic columns older than ${t.dynamicStaleDays} days or notice/policy columns older than ${t.noticeStaleDays} days (fails at ${t.staleColumnsFail})` },
    { id: 'long-stale', failed: longStale.length >= t.longStaleFail, judged: true, count: longStale.length, limit: t.longStaleFail, columns: longStale.map((c) => c.name),
      zh: `应更新但长期未更新的栏目${longStale.length}个（≥${t.longStaleFail}个单项否决）`,
      en: `${longStale.length} columns that should be updated but were not for over ${t.longStaleDays} days (fails at ${t.longStaleFail})` },
    { id: 'empty-columns', failed: empty.length >= t.emptyFail, judged: true, count: empty.length, limit: t.emptyFail, columns: empty.map((c) => c.name),
      zh: `空白栏目${empty.length}个（≥${t.emptyFail}个单项否决）`, en: `${empty.length} empty columns (fails at ${t.emptyFail})` },
  ];
  return { ...base, passed: !rules.some((r) => r.failed), judged: true, fault: null, message: null, rules, freshness: fresh };
}
