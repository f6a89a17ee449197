/**
 * Blank is not zero beyond table 3 (issue 9 item 3): a table-4 总计 left blank beside stated parts,
 * and a 结转 总计 left blank in last year's report, are "not stated" — listed once by
 * structure.totals-blank, compared through their stated parts (said so in the evidence), never read
 * as 0. Inputs: seed 001 (report001.html) and the real 平潭综合实验区 2025 report, cells blanked here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtmlReport, REPO, report001 } from '../helpers/fixtures.ts';
import { expectPasses, findings, html, only, outcomeOf, run } from '../helpers/checks.ts';

const CF = '四、结转下年度继续办理';
const CO = '二、上年结转政府信息公开申请数量';
const pingtan2025 = () => new HtmlReport(readFileSync(join(REPO, 'test/fixtures/real/fujian-pingtan-2025/page.html'), 'utf8'));
const errors = (res: ReturnType<typeof run>) => res.findings.filter((f) => f.severity === 'error').map((f) => `${f.id}: ${f.evidence.expression ?? f.message.zh}`);

describe('table 4: a blank 总计 is not stated', () => {
  it('平潭 2025 with the three table-4 totals blank: no error, one warning listing them, prose checks use the parts', () => {
    const h = pingtan2025();
    expect([h.table4().find('tr').last().children('td').eq(4).text().trim(), h.table4().find('tr').last().children('td').eq(9).text().trim()]).toEqual(['36', '6']);
    for (const i of [4, 9, 14]) h.t4(i, '');
    const res = run(html(h.html()));
    expect(errors(res)).toEqual([]);
    const f = only(res, 'structure.totals-blank');
    expect(f.severity).toBe('warning');
    expect(f.evidence.cells.map((c) => c.label)).toEqual(['行政复议 · 总计', '行政诉讼·未经复议直接起诉 · 总计', '行政诉讼·复议后起诉 · 总计']);
    expect(f.message.zh).toBe('表四有3个总计单元格未填写而其各部分填有数字：行政复议 · 总计、行政诉讼·未经复议直接起诉 · 总计、行政诉讼·复议后起诉 · 总计。未填的总计不视为0，相关核对改用已填的各部分');
    expect(f.evidence.expression).toBe('表四 行政复议 · 总计 = 空，各结果 25+3+8+0 = 36；表四 行政诉讼·未经复议直接起诉 · 总计 = 空，各结果 3+3+0+0 = 6；表四 行政诉讼·复议后起诉 · 总计 = 空，各结果 3+0+0+0 = 3');
    // 复议36件, 诉讼9件 in the text agree with the stated parts.
    expectPasses(res, 'prose.table4');
    expect(outcomeOf(res, 'table4.sum')).toMatchObject({ status: 'cannot-run' });
  });

  it('a stated part that disagrees with the text is still a finding, its evidence showing the parts', () => {
    const h = pingtan2025().t4(0, '24').t4(4, '');
    const res = run(html(h.html()));
    const f = only(res, 'prose.table4');
    expect(f.evidence.expression).toBe('正文 36 ≠ 表四 （35，总计未填，按各结果之和 24+3+8+0） = 35');
    expect(f.evidence.cells.map((c) => c.label)).toEqual(['行政复议 · 结果维持', '行政复议 · 结果纠正', '行政复议 · 其他结果', '行政复议 · 尚未审结', '行政复议 · 总计']);
    expect(findings(res, 'table4.sum')).toEqual([]);
  });

  it('a stated 总计 that disagrees with its parts is still an error (seed 001, 行政复议 总计 2 over 0+0+1+0)', () => {
    const res = run(html(report001().t4(2, '1').t4(4, '2').html()));
    expect(only(res, 'table4.sum').evidence.expression).toBe('总计 = 2 ≠ 0+0+1+0 = 1');
    expectPasses(res, 'structure.totals-blank');
  });

  it('seed 001 with 行政复议 其他结果 1 and its 总计 blank: warning, no table4.sum error', () => {
    const res = run(html(report001().t4(2, '1').t4(4, '').html()));
    expect(findings(res, 'table4.sum')).toEqual([]);
    expect(only(res, 'structure.totals-blank').evidence.expression).toBe('表四 行政复议 · 总计 = 空，各结果 0+0+1+0 = 1');
  });
});

describe('history.carry-over: last year\'s blank 四、结转 总计 is not stated', () => {
  /** This year's report: the given page moved one year on, carrying over `co` (自然人 … 总计). */
  const nextYear = (h: HtmlReport, from: number, co: string[]) => {
    co.forEach((v, c) => h.t3(CO, c, v));
    return html(h.html().replaceAll(String(from), String(from + 1)));
  };

  it('平潭 2025 四 = 4+2 with 总计 blank, 2026 二 = 4, 2, …, 6: passes', () => {
    const prev = html(pingtan2025().t3(CF, 6, '').html());
    const now = nextYear(pingtan2025(), 2025, ['4', '2', '0', '0', '0', '0', '6']);
    expect([prev.year, now.year]).toEqual([2025, 2026]);
    const res = run(now, { history: [prev] });
    expect(findings(res, 'history.carry-over')).toEqual([]);
    expectPasses(res, 'history.carry-over');
  });

  it('平潭: 2026 二 总计 7 against 2025 四 4+2 (总计 blank) is an error whose evidence says the 6 is the parts\' sum', () => {
    const prev = html(pingtan2025().t3(CF, 6, '').html());
    const res = run(nextYear(pingtan2025(), 2025, ['4', '2', '0', '0', '0', '1', '7']), { history: [prev] });
    const f = findings(res, 'history.carry-over').find((x) => x.message.zh.startsWith('“总计”列'))!;
    expect(f.severity).toBe('error');
    expect(f.evidence.expression).toBe('2026年 二、上年结转 = 7 ≠ 2025年 四、结转下年度 = （6，总计未填，按申请人各列之和 4+2+0+0+0+0）');
    expect(f.evidence.cells.filter((c) => c.table === 'table3@2025').map((c) => c.label)).toContain('四、结转下年度 · 自然人');
  });

  it('seed 001: last year\'s 四 总计 blank over 自然人 1, this year\'s 二 = 1 / 总计 1: no error', () => {
    const prev = html(report001().titleYear(2020, 2019).t3(CF, 0, '1').t3(CF, 6, '').html());
    const now = html(report001().t3(CO, 0, '1').t3(CO, 6, '1').html());
    const res = run(now, { history: [prev] });
    expect(findings(res, 'history.carry-over')).toEqual([]);
  });

  it('an unreadable part of the blank total: cannot run, saying which', () => {
    const prev = html(pingtan2025().t3(CF, 6, '').t3(CF, 1, '两').html());
    const res = run(nextYear(pingtan2025(), 2025, ['4', '2', '0', '0', '0', '0', '6']), { history: [prev] });
    expect(outcomeOf(res, 'history.carry-over')).toMatchObject({ status: 'cannot-run' });
    expect(JSON.stringify(outcomeOf(res, 'history.carry-over'))).toContain('2025年 四、结转下年度无法读取');
  });
});
