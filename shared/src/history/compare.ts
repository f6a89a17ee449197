/**
 * Year-over-year comparison of headline figures, shown as deltas rather than judged.
 */
import type { Report } from '../model/report.js';

export interface Headline {
  year: number;
  received: number | null;
  carriedOver: number | null;
  granted: number | null;
  /** Share of handled applications granted in full or in part, 0..1. */
  grantRate: number | null;
  reviews: number | null;
  litigation: number | null;
}

export interface YearComparison {
  agency: string | null;
  /** One row per year, oldest first (the current report included). */
  years: Headline[];
  /** Deltas between consecutive available years: field → change (null when either side is unknown). */
  deltas: { from: number; to: number; change: Partial<Record<keyof Omit<Headline, 'year'>, number | null>> }[];
}

function t3(r: Report, key: string): number | null {
  const c = r.table3?.rows.find((x) => x.key === key)?.cells[6];
  if (!c) return null;
  if (c.kind === 'number' && !c.doubt) return c.value;
  return c.kind === 'blank' || c.kind === 'dash' || c.kind === 'none' ? 0 : null;
}

function t4(r: Report, idx: number[]): number | null {
  if (!r.table4) return null;
  let s = 0;
  for (const i of idx) {
    const c = r.table4.cells[i]!;
    if (c.kind === 'number' && !c.doubt) s += c.value!;
    else if (c.kind === 'text' || c.doubt) return null;
  }
  return s;
}

export function headline(r: Report): Headline | null {
  if (r.year === null) return null;
  const granted = t3(r, 'granted');
  const partial = t3(r, 'partiallyGranted');
  const total = t3(r, 'total');
  return {
    year: r.year,
    received: t3(r, 'newReceived'),
    carriedOver: t3(r, 'carriedOver'),
    granted,
    grantRate: granted !== null && partial !== null && total ? (granted + partial) / total : null,
    reviews: t4(r, [4]),
    litigation: t4(r, [9, 14]),
  };
}

export function compareYears(report: Report, history: Report[]): YearComparison {
  const byYear = new Map<number, Headline>();
  for (const r of [...history, report]) {
    const h = headline(r);
    if (h) byYear.set(h.year, h);
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  const deltas = years.slice(1).map((h, i) => {
    const p = years[i]!;
    const change: YearComparison['deltas'][number]['change'] = {};
    for (const k of ['received', 'carriedOver', 'granted', 'grantRate', 'reviews', 'litigation'] as const) {
      const a = p[k]; const b = h[k];
      change[k] = a === null || b === null ? null : Math.round((b - a) * 1000) / 1000;
    }
    return { from: p.year, to: h.year, change };
  });
  return { agency: report.agency, years, deltas };
}
