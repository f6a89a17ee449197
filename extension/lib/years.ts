/**
 * Presentation helpers over the shared `compareYears` result: which figures to show, their deltas
 * and how to print them. The figures themselves come from @gongkai/shared only.
 */
import type { YearComparison } from '@gongkai/shared/browser';

export type Headline = YearComparison['years'][number];
export type FigureKey = 'received' | 'carriedOver' | 'granted' | 'grantRate' | 'reviews' | 'litigation';
export const FIGURES: readonly FigureKey[] = ['received', 'carriedOver', 'granted', 'grantRate', 'reviews', 'litigation'];

/** The change of `key` into `year` from the previous available year (null when unknown or first). */
export function deltaInto(cmp: YearComparison, year: number, key: FigureKey): number | null {
  const d = cmp.deltas.find((x) => x.to === year);
  const v = d?.change[key];
  return v === undefined ? null : v;
}

export function formatValue(key: FigureKey, v: number | null): string {
  if (v === null) return '—';
  return key === 'grantRate' ? `${Math.round(v * 100)}%` : String(v);
}

/** A change as printed: "+3", "−1", "±0"; a rate's change in percentage points ("−5个百分点" / "−5 pt"). */
export function formatDelta(key: FigureKey, d: number | null, lang: 'zh' | 'en' = 'zh'): string {
  if (d === null) return '';
  const abs = key === 'grantRate' ? `${Math.round(Math.abs(d) * 100)}${lang === 'zh' ? '个百分点' : ' pt'}` : String(Math.abs(d));
  return d > 0 ? `+${abs}` : d < 0 ? `−${abs}` : '±0';
}
