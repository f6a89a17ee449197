/**
 * Column rules of the national check-list for government websites (国办秘函〔2019〕19号,
 * 政府网站与政务新媒体检查指标): what kind of column a name is, how many days it may go without a new
 * item, and whether it is fresh. The one home of these rules: the crawler's portal verdicts and the
 * extension's column panel both use them.
 *
 * - `home`: the home page — no new item for 2 weeks fails (单项否决).
 * - `dynamic` (动态、要闻、新闻 …): not updated within 2 weeks.
 * - `notice-policy` (通知公告、政策文件 …): not updated within 6 months (183 days).
 * - `other`: columns that should be updated; "long not updated" is our reading of 6 months (183 days).
 * - `static` (指南, 制度, 机构职能, 法定主动公开内容 …) and `reports` (年报, updated once a year, checked
 *   by the Article 49 deadline instead): no update limit.
 * A column with no item at all is empty (空白栏目) whatever its kind; one that failed to load, or
 * loaded only in part, is `unknown`, never empty.
 */
import { daysBetween } from './dates.js';

export type ColumnCategory = 'home' | 'dynamic' | 'notice-policy' | 'other' | 'static' | 'reports';

export const COLUMN_CATEGORIES: readonly ColumnCategory[] = ['home', 'dynamic', 'notice-policy', 'other', 'static', 'reports'];

/** fresh/stale against the category's limit; empty: no item; unknown: the column did not load; no-threshold: no limit applies. */
export type Freshness = 'fresh' | 'stale' | 'empty' | 'unknown' | 'no-threshold';

/** The check-list's numbers; every rule takes them as a parameter so a stricter local reading can be tried. */
export interface Thresholds {
  /** Home page: no new item for 2 weeks. */
  homeStaleDays: number;
  /** 动态、要闻类: not updated within 2 weeks. */
  dynamicStaleDays: number;
  /** 通知公告、政策文件类: not updated within 6 months. */
  noticeStaleDays: number;
  /** … 5 or more such columns together fail. */
  staleColumnsFail: number;
  /** "Long not updated" (our reading: 6 months) for other columns that should be updated. */
  longStaleDays: number;
  /** … 10 or more fail. */
  longStaleFail: number;
  /** 5 or more empty columns fail. */
  emptyFail: number;
}

/** The national check-list (国办秘函〔2019〕19号). */
export const CHECKLIST_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  homeStaleDays: 14, dynamicStaleDays: 14, noticeStaleDays: 183, staleColumnsFail: 5,
  longStaleDays: 183, longStaleFail: 10, emptyFail: 5,
});

/** True for one of the category names (store values, JSON). */
export function isColumnCategory(s: string): s is ColumnCategory {
  return (COLUMN_CATEGORIES as readonly string[]).includes(s);
}

/**
 * The category of a column from its name (and URL: `zfxxgknb` is the 年报 column). Names starting
 * with 首页 are the home page.
 */
export function classifyColumn(name: string, url = ''): ColumnCategory {
  const n = name.replace(/\s+/g, '');
  if (/^首页/.test(n)) return 'home';
  if (/年报|年度报告/.test(n) || /zfxxgknb/i.test(url)) return 'reports';
  if (/指南|制度|机构|职能|领导|概况|目录|法定主动公开内容/.test(n)) return 'static';
  if (/动态|要闻|新闻|资讯|快讯|工作信息|政务信息|图片/.test(n)) return 'dynamic';
  if (/通知|公告|公示|政策|文件|规范性|解读|法规/.test(n)) return 'notice-policy';
  return 'other';
}

/** Days a column of `category` may go without a new item; null when the check-list sets no limit. */
export function columnLimitDays(category: ColumnCategory, t: Thresholds = CHECKLIST_THRESHOLDS): number | null {
  switch (category) {
    case 'home': return t.homeStaleDays;
    case 'dynamic': return t.dynamicStaleDays;
    case 'notice-policy': return t.noticeStaleDays;
    case 'other': return t.longStaleDays;
    default: return null;
  }
}

/** What freshness needs to know of a column. */
export interface ColumnState {
  name: string;
  category: ColumnCategory;
  /** Items found, dated or not (all list pages). */
  itemCount: number;
  /** Newest item date (ISO), null when no item carries a date. */
  newest: string | null;
  /**
   * False when the column could not be loaded (HTTP error, timeout …) or was loaded only in part (the
   * crawler's `incomplete`: it states more records than were reached): its freshness is unknown.
   */
  loaded: boolean;
}

/** Freshness of one column on `today` (ISO date or Date). */
export function columnFreshness(c: ColumnState, today: string | Date, t: Thresholds = CHECKLIST_THRESHOLDS): Freshness {
  if (!c.loaded) return 'unknown';
  if (c.itemCount === 0) return 'empty';
  const limit = columnLimitDays(c.category, t);
  if (limit === null) return 'no-threshold';
  if (!c.newest) return 'unknown'; // items, but none dated: no way to tell
  return daysBetween(c.newest, today) <= limit ? 'fresh' : 'stale';
}

/** A column judged from its dated items, for one page (the extension) or a whole crawl. */
export interface ColumnJudgement {
  name: string;
  category: ColumnCategory;
  /** Dated items counted. */
  count: number;
  newest: string | null;
  /** Days between the newest item and the judging day. */
  ageDays: number | null;
  /** The limit that applies, in days (null when the check-list sets none for this category). */
  limitDays: number | null;
  freshness: Freshness;
}

/** Judges a loaded column from its items' dates on `today`; `category` defaults to classifyColumn(name, url). */
export function judgeColumn(name: string, dates: readonly string[], today: string | Date,
  opts: { url?: string; category?: ColumnCategory; thresholds?: Thresholds } = {}): ColumnJudgement {
  const category = opts.category ?? classifyColumn(name, opts.url);
  const newest = dates.reduce<string | null>((m, d) => (m === null || d > m ? d : m), null);
  const freshness = columnFreshness({ name, category, itemCount: dates.length, newest, loaded: true }, today, opts.thresholds);
  return { name, category, count: dates.length, newest, ageDays: newest ? daysBetween(newest, today) : null,
    limitDays: columnLimitDays(category, opts.thresholds), freshness };
}
