/**
 * The hand-verified seeds: every value of expected.json cell for cell, every mustFlag reported,
 * no mustNotFlag check failing. Driven by expected.json, so reports added there are tested too.
 */
import { describe, expect, it } from 'vitest';
import { checkReport, parseText } from '../../shared/src/index.ts';
import { checkIdsFor, expectedReports, seedFiles, seedText } from './fixtures.ts';
import { valuesOf } from './report-values.ts';

describe.each(expectedReports())('seed $file', (exp) => {
  const parsed = parseText(seedText(exp.file), { name: exp.file });
  if (!parsed.ok) throw new Error(`${exp.file}: ${parsed.message.en}`);
  const report = parsed.report;
  const result = checkReport(report);

  it('reads agency, year and template', () => {
    expect(report.agency).toBe(exp.agency);
    expect(report.year).toBe(exp.year);
    expect(report.template).toBe(exp.template);
    if (exp.published) expect(report.publishedAt).toBe(exp.published);
  });

  it('matches table values cell for cell', () => {
    const v = valuesOf(report);
    expect(v.table3).toEqual(exp.table3);
    expect(v.table4).toEqual(exp.table4);
    expect(v.table2).toEqual(exp.table2);
  });

  it('reports every mustFlag problem', () => {
    for (const phrase of exp.mustFlag) {
      const ids = checkIdsFor(phrase);
      const fired = result.findings.filter((f) => ids.includes(f.id));
      expect(fired.length, `${phrase} → ${ids.join('|')}`).toBeGreaterThan(0);
      for (const f of fired) {
        expect(f.message.zh.length).toBeGreaterThan(4);
        expect(f.message.en.length).toBeGreaterThan(4);
      }
    }
  });

  it('passes every mustNotFlag check (and actually ran it)', () => {
    for (const phrase of exp.mustNotFlag) {
      for (const id of checkIdsFor(phrase)) {
        expect(result.findings.filter((f) => f.id === id), `${phrase}: ${id} must not fire`).toEqual([]);
        const o = result.outcomes.find((x) => x.id === id);
        // The check must have looked: passing, or not applicable because the report states no such figure.
        expect(o?.status, `${id} outcome`).toMatch(/^(pass|not-applicable)$/);
      }
    }
  });
});

describe('seed 001 prose mismatch evidence', () => {
  it('shows both numbers and both places', () => {
    const parsed = parseText(seedText('001_ad94bb6e82e852b2.txt'));
    if (!parsed.ok) throw new Error('unparsed');
    const f = checkReport(parsed.report).findings.find((x) => x.id === 'prose.received')!;
    expect(f.severity).toBe('warning');
    expect(f.evidence.left).toBe(28);
    expect(f.evidence.right).toBe(29);
    expect(f.evidence.sentences[0]!.text).toContain('共收到依申请公开28件');
    expect(f.evidence.cells[0]).toMatchObject({ table: 'table3', row: 'newReceived', col: 6, value: 29 });
    expect(f.evidence.cells[0]!.source).toMatchObject({ kind: 'text' });
  });
});

describe('every seed file on disk', () => {
  it.each(seedFiles())('%s parses without an unparseable result', (file) => {
    const parsed = parseText(seedText(file), { name: file });
    expect(parsed.ok).toBe(true);
  });
});
