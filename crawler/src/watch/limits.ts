/**
 * The update limit a watched column is held to: a per-column override from the portals file
 * (`limit.工作动态=10`), else a per-portal category override (`limit.dynamic=10`), else the national
 * check-list's (@gongkai/shared `columnLimitDays`: home and dynamic 14 days, notice/policy and other
 * columns 183; static and annual-report columns none).
 */
import { columnLimitDays, isColumnCategory, type ColumnCategory } from '@gongkai/shared';

/** Overrides of one portal: by column name or by category, in days. */
export type LimitOverrides = Readonly<Record<string, number>>;

export interface Limit {
  days: number | null;
  /** Where the number comes from. */
  source: 'column' | 'portal' | 'national';
}

export function limitFor(name: string, category: string, overrides: LimitOverrides = {}): Limit {
  const cat: ColumnCategory = isColumnCategory(category) ? category : 'other';
  if (overrides[name] !== undefined) return { days: overrides[name]!, source: 'column' };
  if (overrides[cat] !== undefined && columnLimitDays(cat) !== null) return { days: overrides[cat]!, source: 'portal' };
  return { days: columnLimitDays(cat), source: 'national' };
}

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const CATEGORY_ZH: Record<ColumnCategory, string> = {
  home: '首页', dynamic: '动态要闻类栏目', 'notice-policy': '通知公告、政策文件类栏目', other: '应更新栏目', static: '基本信息栏目', reports: '年报栏目',
};

/** The rule behind a limit, in words. */
export function limitRule(category: string, limit: Limit): { zh: string; en: string } {
  const cat: ColumnCategory = isColumnCategory(category) ? category : 'other';
  const src = limit.source === 'national'
    ? { zh: '国办秘函〔2019〕19号', en: 'national check-list, 国办秘函〔2019〕19号' }
    : { zh: `监测清单${limit.source === 'column' ? '栏目' : '网站'}设定`, en: `set for this ${limit.source === 'column' ? 'column' : 'portal'} in the portals file` };
  return {
    zh: `${CATEGORY_ZH[cat]}应在${limit.days}天内更新（${src.zh}）`,
    en: `${cat === 'home' ? 'the home page' : `${cat} columns`} must be updated within ${limit.days} days (${src.en})`,
  };
}
