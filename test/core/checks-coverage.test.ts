/**
 * The catalogue is fully tested: every check id in CHECKS has at least one realistic case where it
 * fires and one where it passes (declared with itFires / itPasses in test/core/checks-*.test.ts).
 * Adding a check without both tests, or renaming one, fails this file. Also: every check reports an
 * outcome on every report (never silent), and the 2021 builder reads back as built.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, TABLE3_ROWS } from '../../shared/src/index.ts';
import { REPO, report001, report001Html, seedText } from '../helpers/fixtures.ts';
import { DEFAULT_T3, DEFAULT_T4, report2021 } from '../helpers/report2021.ts';
import { html, run, text } from '../helpers/checks.ts';

const DIR = join(REPO, 'test', 'core');
const files = readdirSync(DIR).filter((f) => /^checks-.*\.test\.ts$/.test(f));

interface Decl { kind: 'fires' | 'passes'; id: string; knownBug: boolean; file: string }
const decls: Decl[] = files.flatMap((file) => {
  const src = readFileSync(join(DIR, file), 'utf8');
  return [...src.matchAll(/\bit(Fires|Passes)(\.fails)?\(\s*'([^']+)'/g)].map((m) => ({
    kind: m[1] === 'Fires' ? 'fires' as const : 'passes' as const, id: m[3]!, knownBug: Boolean(m[2]), file,
  }));
});

describe('every catalogue check has a firing and a passing test', () => {
  it('finds the check test files', () => {
    expect(files).toEqual(expect.arrayContaining(['checks-structure.test.ts', 'checks-arithmetic.test.ts', 'checks-prose.test.ts', 'checks-history.test.ts']));
    expect(decls.length).toBeGreaterThan(60);
  });

  it('declares tests only for ids that exist in CHECKS', () => {
    const ids = new Set(CHECKS.map((c) => c.id));
    expect(decls.filter((d) => !ids.has(d.id)).map((d) => `${d.file}: ${d.id}`)).toEqual([]);
  });

  it.each(CHECKS.map((c) => c.id))('%s fires in at least one test and passes in at least one', (id) => {
    const mine = decls.filter((d) => d.id === id && !d.knownBug);
    expect(mine.filter((d) => d.kind === 'fires').length, `${id}: no itFires test`).toBeGreaterThan(0);
    expect(mine.filter((d) => d.kind === 'passes').length, `${id}: no itPasses test`).toBeGreaterThan(0);
  });
});

describe('every check reports an outcome (never silent)', () => {
  // Crawl checks (crawl.report-missing) run in the crawler's analysis, not in checkReport.
  const ids = CHECKS.filter((c) => c.scope !== 'crawl').map((c) => c.id).sort();
  const shortFive = (year: number) => {
    const h = report001();
    if (year !== 2020) h.titleYear(2020, year);
    h.para('（一）存在的主要问题。').remove(); h.para('（二）2020年改进情况。').remove(); h.removePara('（三）2021年进一步改进措施');
    h.removePara('2021年市生态环境局将从两方面'); h.removePara('1.按照上级要求'); h.removePara('2.进一步完善各科室');
    h.addParaAfter('五、存在的主要问题及改进情况', '无。');
    return html(h.html());
  };
  type Case = [name: string, go: () => ReturnType<typeof run>, knownSilent: string[]];
  const cases: Case[] = [
    ['report001.html', () => run(html(report001Html())), []],
    ['report001.html with a 2019 report as history', () => run(html(report001Html()), { history: [html(report001Html().replace(/2020年度/g, '2019年度'))] }), []],
    ['2021-template report with the 2020 report as history', () => run(html(report2021()), { history: [html(report001Html())] }), []],
    ['seed 000', () => run(text(seedText('000'))), []],
    ['seed 001', () => run(text(seedText('001'))), []],
    ['seed 002', () => run(text(seedText('002'))), []],
    // Regression, fixed (shared/src/checks/structure.ts): the row checks report nothing when their table is missing.
    ['seed 003 (no table 2 or 3)', () => run(text(seedText('003'))), []],
    ['seed 004 (no tables)', () => run(text(seedText('004'))), []],
    // Regression, fixed (structure.ts checkStructure returns early for pre-2019 without marking these).
    ['a 2018 (pre-template) report', () => run(html(report001().titleYear(2020, 2018).html())),
      []],
    // Regression, fixed (history.ts copyPaste): when sections 五 and 六 are both under 60 characters in either
    // year, the check neither passes nor says why it did not look.
    ['two years whose sections 五 and 六 are just 无。', () => run(shortFive(2020), { history: [shortFive(2019)] }), []],
  ];
  const missing = (res: ReturnType<typeof run>) => ids.filter((id) => !res.outcomes.some((o) => o.id === id));

  it.each(cases)('%s: every outcome present except the known-silent ones', (_name, go, knownSilent) => {
    const res = go();
    expect(missing(res)).toEqual(knownSilent.slice().sort());
    expect(new Set(res.outcomes.map((o) => o.id)).size).toBe(res.outcomes.length);
    for (const o of res.outcomes) {
      if (o.status === 'cannot-run' || o.status === 'not-applicable') expect(o.reason?.zh && o.reason.en, `${o.id} gives a reason`).toBeTruthy();
    }
    // Findings and outcomes agree; severities come from the catalogue; every deduction is a finding.
    const failed = new Set(res.outcomes.filter((o) => o.status === 'fail').map((o) => o.id));
    expect(new Set(res.findings.map((f) => f.id))).toEqual(failed);
    for (const f of res.findings) expect(f.severity).toBe(CHECKS.find((c) => c.id === f.id)!.severity);
    for (const d of res.score.deductions) expect(failed.has(d.checkId)).toBe(true);
    expect(res.score.value).toBe(100 - res.score.deductions.reduce((s, d) => s + d.points, 0));
  });
  it('a clean 2021 report scores 100 with no findings; seed 004 loses points for its missing tables', () => {
    expect(run(html(report2021())).score).toEqual({ value: 100, deductions: [] });
    const s = run(text(seedText('004'))).score;
    expect(s.deductions.map((d) => d.checkId)).toEqual(['structure.sections', 'structure.table2.missing', 'structure.table3.missing', 'structure.table4.missing']);
    expect(s.value).toBe(70); // structure capped at 30
  });
});

describe('the 2021-template builder reads back as built', () => {
  it('parses to the 2021 layout with every value in place', () => {
    const r = html(report2021());
    expect([r.year, r.template, r.agency, r.publishedAt]).toEqual([2021, '2021', '嘉兴市生态环境局', '2022-01-20']);
    expect(r.period).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect(r.sections.map((s) => [s.n, s.standard])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, true]));
    expect(r.table2!.layout).toBe('2021');
    expect(Object.fromEntries(r.table2!.rows.map((x) => [x.label, x.cells.map((c) => c.value)]))).toEqual({
      规章: [0, 0, 0], 行政规范性文件: [3, 1, 12], 行政许可: [612], 行政处罚: [87], 行政强制: [9], 行政事业性收费: [0],
    });
    expect(r.table3!.layout).toBe('2021');
    expect(r.table3!.missingRows).toEqual([]);
    expect(r.table3!.extraRows).toEqual([]);
    const keys2021 = TABLE3_ROWS.filter((d) => d.templates.includes('2021')).map((d) => d.key);
    expect(r.table3!.rows.map((x) => x.key)).toEqual(keys2021);
    for (const row of r.table3!.rows) expect(row.cells.map((c) => c.value), row.key).toEqual(DEFAULT_T3[row.key as keyof typeof DEFAULT_T3]);
    expect(r.table4!.cells.map((c) => c.value)).toEqual(DEFAULT_T4);
    expect(r.claims.map((c) => [c.topic, c.value])).toEqual([
      ['table2:规范性文件:new', 3], ['received', 34], ['carriedOver', 1], ['carriedForward', 1], ['granted', 19], ['partiallyGranted', 3],
      ['denied', 1], ['unable', 8], ['notProcessed', 2], ['other', 1], ['reviews', 1], ['litigation', 0],
    ]);
  });
});
