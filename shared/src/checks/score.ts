/**
 * The 0–100 compliance score. Start at 100; each finding deducts by severity (error 10, warning 5,
 * info 0), capped per category so one broken table cannot outweigh everything else:
 * structure 30 · template 10 · arithmetic 25 · prose 15 · timeliness 10 · history 10.
 * Every deduction names the check that caused it.
 */
import { checkInfo, type Category } from './catalogue.js';
import type { Finding, Score } from './types.js';

export const SEVERITY_POINTS = { error: 10, warning: 5, info: 0 } as const;
export const CATEGORY_CAPS: Record<Category, number> = { structure: 30, template: 10, arithmetic: 25, prose: 15, timeliness: 10, history: 10 };

export function score(findings: Finding[]): Score {
  const used: Record<string, number> = {};
  const deductions: Score['deductions'] = [];
  for (const f of findings) {
    const cat = checkInfo(f.id).category;
    const want = SEVERITY_POINTS[f.severity];
    const room = CATEGORY_CAPS[cat] - (used[cat] ?? 0);
    const points = Math.max(0, Math.min(want, room));
    if (points > 0) {
      used[cat] = (used[cat] ?? 0) + points;
      deductions.push({ checkId: f.id, points, category: cat });
    }
  }
  return { value: 100 - deductions.reduce((s, d) => s + d.points, 0), deductions };
}
