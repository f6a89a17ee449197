/**
 * The plain-text path on hostile text: a real report (seed 000, the flattened PDF text of a 2019
 * report) with megabytes of garbage after it, and table-like lines repeated by the ten thousand. Each
 * must finish in seconds with its typed outcome: the report's own values (text past the size cap cut
 * with a note), or `timeout` — the HTML walk's reason — once the parse's time budget is spent.
 * Nothing here measures time; inputs that were quadratic (a long run of spaces, one sentence of
 * endless claims) would not finish within the test's timeout.
 */
import { describe, expect, it } from 'vitest';
import { extractHtml, parseText, PARSE_TIMEOUT_MS, type ParseResult } from '../../shared/src/index.ts';
import { expectedReports, seedText } from './fixtures.ts';
import { report001Html } from '../helpers/fixtures.ts';
import { valuesOf } from './report-values.ts';

/** Generous for a loaded 2-core machine: every case here takes a few seconds at most. */
const SECONDS = 60_000;

const SEED = '000_db6ab2fb5e606285.txt';
const exp = expectedReports().find((r) => r.file === SEED)!;
const expected = { table2: exp.table2, table3: exp.table3, table4: exp.table4 };

function report(r: ParseResult) {
  if (!r.ok) throw new Error(`${r.reason}: ${r.message.en}`);
  return r.report;
}

describe('a real text report followed by hostile text keeps its own values', () => {
  it('baseline: seed 000 as it is', () => {
    expect(valuesOf(report(parseText(seedText(SEED))))).toEqual(expected);
  });

  it.each([
    ['5 MB of one line', () => '政府信息公开'.repeat(5e6 / 6)],
    ['two million short lines', () => 'a\n'.repeat(2e6)],
    ['a million "|" characters', () => '|'.repeat(1e6)],
    ['a million "|" lines', () => '|\n'.repeat(1e6)],
    ['a million spaces before a digit (quadratic for /\\s+$/)', () => `${' '.repeat(1e6)}1\n`],
    ['one sentence of 100,000 claims (quadratic for the claim list)', () => '共收到政府信息公开申请84件，'.repeat(1e5)],
  ])('%s', (_what, garbage) => {
    const src = `${seedText(SEED)}\n${garbage()}`;
    const r = report(parseText(src));
    expect(valuesOf(r)).toEqual(expected);
    expect(r.claims.length).toBeLessThanOrEqual(300);
    if (src.length > 2_000_000) expect(r.notes).toContain('text cut at 2000000 characters');
  }, SECONDS);
});

describe('table-like lines repeated by the ten thousand', () => {
  const head = '某某局2020年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n';

  it('table 2: the first of 20,000 identical 行政许可 rows is the row, the rest are not rows of the template', () => {
    const r = report(parseText(`${head}${'行政许可 47 0 757 \n'.repeat(2e4)}三、收到和处理政府信息公开申请情况\n`));
    expect(r.table2!.rows.map((x) => [x.label, x.cells.map((c) => c.value)])).toEqual([['行政许可', [47, 0, 757]]]);
  }, SECONDS);

  it('table 3: 20,000 （七）总计 lines give one 总计 row', () => {
    const src = `${head}三、收到和处理政府信息公开申请情况\n${'（七）总计 1 2 3 4 5 6 21\n'.repeat(2e4)}四、政府信息公开行政复议、行政诉讼情况\n`;
    const r = report(parseText(src));
    expect(r.table3!.rows.map((x) => x.key)).toEqual(['total']);
    expect(r.table3!.rows[0]!.cells.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 6, 21]);
  }, SECONDS);
});

describe('the time budget', () => {
  it('is the HTML walk\'s: 20 s by default', () => {
    expect(PARSE_TIMEOUT_MS).toBe(20_000);
  });

  it('spent → timeout (retryable), the same typed reason as the HTML path\'s', () => {
    const r = parseText(`${seedText(SEED)}\n${'a\n'.repeat(1e6)}`, { timeoutMs: 0 });
    expect(r).toMatchObject({ ok: false, reason: 'timeout', retryable: true });
    if (r.ok) return;
    expect(r.message.en).toMatch(/took longer than its time budget/);
    expect(r.message.zh).toMatch(/超过时间上限/);
    // The HTML walk's budget gives the same reason.
    expect(() => extractHtml(report001Html(), null, 0)).toThrow(expect.objectContaining({ reason: 'timeout', retryable: true }));
  }, SECONDS);
});
