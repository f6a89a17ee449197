/** Which checks compare years (catalogue category "history"), and their names. */
import { CHECKS } from '@gongkai/shared/browser';
import type { CheckResult } from '@gongkai/shared/browser';

export function isCrossYear(id: string): boolean {
  return CHECKS.find((c) => c.id === id)?.category === 'history';
}

export function checkName(id: string): { zh: string; en: string } | null {
  const c = CHECKS.find((x) => x.id === id);
  return c ? { zh: c.zh, en: c.en } : null;
}

export function crossYear(result: CheckResult) {
  const names: Record<string, { zh: string; en: string }> = {};
  for (const c of CHECKS) if (c.category === 'history') names[c.id] = { zh: c.zh, en: c.en };
  return {
    outcomes: result.outcomes.filter((o) => isCrossYear(o.id)),
    findings: result.findings.filter((f) => isCrossYear(f.id)),
    names,
  };
}
