/**
 * Running the checks in tests, and the fire/pass registry the coverage test reads.
 *
 * Every check test is declared with `itFires(id, …)` or `itPasses(id, …)`. checks-coverage.test.ts
 * reads the test files' source for these calls and fails when a catalogue id lacks either kind, so a
 * new check without a firing and a passing realistic case breaks the suite.
 */
import { expect, it } from 'vitest';
import {
  checkReport, parseHtml, parseText, CHECKS,
  type CheckOptions, type CheckResult, type CheckStatus, type Finding, type ParseOptions, type Report,
} from '../../shared/src/index.ts';

/** A fixed "today" so nothing depends on the clock. */
export const TODAY = '2026-06-01';

export function html(src: string, opts: ParseOptions = {}): Report {
  const p = parseHtml(src, opts);
  if (!p.ok) throw new Error(`parseHtml failed: ${p.reason}: ${p.message.en}`);
  return p.report;
}

export function text(src: string, opts: ParseOptions = {}): Report {
  const p = parseText(src, opts);
  if (!p.ok) throw new Error(`parseText failed: ${p.reason}: ${p.message.en}`);
  return p.report;
}

export function run(report: Report, opts: CheckOptions = {}): CheckResult {
  return checkReport(report, { today: TODAY, ...opts });
}

export function status(res: CheckResult, id: string): CheckStatus | undefined {
  return res.outcomes.find((o) => o.id === id)?.status;
}

export function outcomeOf(res: CheckResult, id: string) {
  const o = res.outcomes.find((x) => x.id === id);
  if (!o) throw new Error(`no outcome for ${id}; outcomes: ${res.outcomes.map((x) => x.id).join(', ')}`);
  return o;
}

export function findings(res: CheckResult, id: string): Finding[] {
  return res.findings.filter((f) => f.id === id);
}

/** The single finding of `id`; fails when there is none or more than one. */
export function only(res: CheckResult, id: string): Finding {
  const f = findings(res, id);
  expect(f.map((x) => x.id), `findings of ${id}: ${JSON.stringify(res.findings.map((x) => [x.id, x.evidence.expression ?? x.message.zh]))}`).toEqual([id]);
  return f[0]!;
}

/** Asserts `id` failed, each finding carries the catalogue's severity, and returns its findings. */
export function expectFires(res: CheckResult, id: string): Finding[] {
  expect(status(res, id), `status of ${id}`).toBe('fail');
  const f = findings(res, id);
  expect(f.length, `findings of ${id}`).toBeGreaterThan(0);
  const sev = CHECKS.find((c) => c.id === id)!.severity;
  for (const x of f) expect(x.severity).toBe(sev);
  return f;
}

/** Asserts `id` ran and passed (an outcome of 'pass', not merely no finding). */
export function expectPasses(res: CheckResult, id: string): void {
  expect(status(res, id), `status of ${id}; findings: ${JSON.stringify(findings(res, id).map((f) => f.evidence.expression ?? f.message.zh))}`).toBe('pass');
  expect(findings(res, id)).toEqual([]);
}

/** The finding of `id` whose evidence touches the cell labelled `label`. */
export function findingAt(res: CheckResult, id: string, label: string): Finding {
  const f = findings(res, id).find((x) => x.evidence.cells.some((c) => c.label === label));
  if (!f) throw new Error(`no ${id} finding with cell ${label}; have ${JSON.stringify(findings(res, id).map((x) => x.evidence.cells.map((c) => c.label)))}`);
  return f;
}

/** [label, value, raw] of each evidence cell, for compact exact assertions. */
export function cells(f: Finding): [string, number | null, string][] {
  return f.evidence.cells.map((c) => [c.label, c.value, c.raw]);
}

type Body = () => void | Promise<void>;

/** A realistic case where check `id` must fire. */
export function itFires(id: string, title: string, fn: Body): void {
  it(`${id} fires: ${title}`, fn);
}
/** A case where `id` should fire but does not (a bug reported to the lead): runs as it.fails. */
itFires.fails = (id: string, title: string, fn: Body): void => {
  it.fails(`${id} fires [KNOWN BUG]: ${title}`, fn);
};

/** A realistic case where check `id` must run and pass. */
export function itPasses(id: string, title: string, fn: Body): void {
  it(`${id} passes: ${title}`, fn);
}
/** A case where `id` should pass but fires (a bug reported to the lead): runs as it.fails. */
itPasses.fails = (id: string, title: string, fn: Body): void => {
  it.fails(`${id} passes [KNOWN BUG]: ${title}`, fn);
};
