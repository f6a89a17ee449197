/**
 * Self-reported publication counts in a report ("共发布信息2260条", "“建设项目环境影响评价公示”570条")
 * compared with what the crawl found in that portal's columns for the report's year.
 */
import type { ColumnSnapshot } from '../store/types.js';

export interface Claim { label: string; claimed: number }

const TOTAL = /共(?:主动)?(?:发布|公开)(?:政府)?信息(?:数)?\s*(\d+)\s*条/;
const NAMED = /[“"'‘「『]([^”"'’」』]{2,24})[”"'’」』]\s*(?:栏目)?\s*(\d+)\s*条/g;

export function extractClaims(text: string): Claim[] {
  const out: Claim[] = [];
  const t = text.match(TOTAL);
  if (t) out.push({ label: '共发布信息', claimed: Number(t[1]) });
  for (const m of text.matchAll(NAMED)) {
    const label = m[1]!.replace(/\s+/g, '');
    if (!out.some((c) => c.label === label)) out.push({ label, claimed: Number(m[2]) });
  }
  return out;
}

/** What the crawl found for a claim: the named column's items dated in `year`, or all columns' for the total. */
export function foundFor(claim: Claim, year: number, cols: ColumnSnapshot[]): { found: number | null; columnKey: string | null } {
  const y = String(year);
  if (claim.label === '共发布信息') {
    const counted = cols.filter((c) => !c.isParent && !c.isReports && c.status === 'ok');
    return { found: counted.reduce((s, c) => s + (c.perYear[y] ?? 0), 0), columnKey: null };
  }
  const col = cols.find((c) => c.name === claim.label) ?? cols.find((c) => c.name.includes(claim.label) || claim.label.includes(c.name));
  return col ? { found: col.perYear[y] ?? 0, columnKey: col.key } : { found: null, columnKey: null };
}
