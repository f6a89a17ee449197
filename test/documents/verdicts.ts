/** Comparing the check verdicts of a report with those of report001.html (the reference). */
import { checkReport, decodeBytes, parseHtml, type Grid, type Report } from '../../shared/src/index.ts';
import { documentBytes } from '../core/fixtures.ts';

/** Findings and checks that could not run, as comparable lists. */
export function verdicts(report: Report): { findings: string[]; cannotRun: string[] } {
  const res = checkReport(report);
  return {
    findings: res.findings.map((f) => `${f.severity}:${f.id}`).sort(),
    cannotRun: res.outcomes.filter((o) => o.status === 'cannot-run').map((o) => o.id).sort(),
  };
}

/** The verdicts on report001.html, the reference every other format must match. */
export function htmlVerdicts(): { findings: string[]; cannotRun: string[] } {
  const parsed = parseHtml(decodeBytes(documentBytes('report001.html')).text);
  if (!parsed.ok) throw new Error(parsed.message.en);
  return verdicts(parsed.report);
}

/** The grid holding table 3 (its 本年新收 row). */
export function table3Grid(grids: Grid[]): Grid | undefined {
  return grids.find((g) => g.rows.some((r) => r.some((c) => c.text.includes('本年新收'))));
}

