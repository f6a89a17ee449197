/**
 * An annual-report column (政府信息公开年报): which agencies' reports it lists for which years, and
 * which years are missing although due. When a year falls due is @gongkai/shared's Article 49 rule
 * (agencyKind, lastDueYear): departments by 31 January, governments by 31 March of the following
 * year; an agency of unknown kind gets the later date, so nothing is called missing too early.
 */
import { agencyKind, classifyColumn, isoDay, lastDueYear } from '@gongkai/shared/browser';
import type { ColumnItem } from './column';

export interface AgencyYears { agency: string; years: number[]; missing: number[] }

const YEAR = /((?:19|20)\d\d)\s*年(?:度)?/;

/** A column name or list title that is an annual report (年报, 年度报告). */
export function isReportColumn(name: string): boolean {
  return classifyColumn(name) === 'reports';
}

/** Groups report links by the agency named before the year; years present and missing since the first. */
export function reportListing(items: readonly ColumnItem[], now: Date): AgencyYears[] {
  const by = new Map<string, Set<number>>();
  for (const it of items) {
    if (!isReportColumn(it.title)) continue;
    const m = YEAR.exec(it.title);
    if (!m) continue;
    const agency = it.title.slice(0, m.index).replace(/[\s　]+/g, '').trim() || '—';
    const year = Number(m[1]);
    by.set(agency, (by.get(agency) ?? new Set()).add(year));
  }
  const today = isoDay(now);
  return [...by.entries()].map(([agency, set]) => {
    const years = [...set].sort((a, b) => a - b);
    const due = lastDueYear(today, agencyKind(agency === '—' ? null : agency));
    const missing: number[] = [];
    // Years before 2019 were not under the current template: count gaps from 2019 (or the first year).
    for (let y = Math.max(years[0]!, 2019); y <= due; y++) if (!set.has(y)) missing.push(y);
    return { agency, years, missing };
  }).sort((a, b) => b.years.length - a.years.length || a.agency.localeCompare(b.agency));
}
