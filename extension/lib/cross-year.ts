/** Which checks compare years (catalogue category "history"), and their names. */
import { CHECKS } from '@gongkai/shared/browser';
import type { CheckOutcome, CheckResult, Finding } from '@gongkai/shared/browser';

/** Check id → its name in both languages. */
export type CheckNames = Record<string, { zh: string; en: string }>;

export interface CrossYear { outcomes: CheckOutcome[]; findings: Finding[]; names: CheckNames }

export function isCrossYear(id: string): boolean {
  return CHECKS.find((c) => c.id === id)?.category === 'history';
}

export function checkName(id: string): { zh: string; en: string } | null {
  const c = CHECKS.find((x) => x.id === id);
  return c ? { zh: c.zh, en: c.en } : null;
}

/** The names of the checks `ids` (unknown ids left out). */
export function checkNames(ids: Iterable<string> = CHECKS.map((c) => c.id)): CheckNames {
  const out: CheckNames = {};
  for (const id of ids) { const n = checkName(id); if (n) out[id] = n; }
  return out;
}

export function crossYear(result: CheckResult): CrossYear {
  const names: CheckNames = {};
  for (const c of CHECKS) if (c.category === 'history') names[c.id] = { zh: c.zh, en: c.en };
  return {
    outcomes: result.outcomes.filter((o) => isCrossYear(o.id)),
    findings: result.findings.filter((f) => isCrossYear(f.id)),
    names,
  };
}
