/**
 * Blank is not zero in a total (issue 9): a 总计 the report leaves blank while its parts state numbers
 * is "not stated" — one structure.totals-blank warning lists such cells; the sums that can still run
 * use the stated parts and say so; prose is compared with what the table states. Real disagreements
 * stay findings.
 */
import { describe, expect, it } from 'vitest';
import { report001, seedText } from '../helpers/fixtures.ts';
import { cells, expectFires, expectPasses, findingAt, findings, html, itFires, itPasses, only, outcomeOf, run, text } from '../helpers/checks.ts';
import { blankTotalsPage, SHANGHAI_2019_BLANK_TOTALS, SHANGHAI_2019_T3 } from '../helpers/blank-totals-page.ts';

const shanghai = () => run(html(blankTotalsPage()));
const withT3 = (edit: Record<string, (number | '')[]>) => run(html(blankTotalsPage({ ...SHANGHAI_2019_T3, ...edit })));
const errors = (res: ReturnType<typeof run>) => res.findings.filter((f) => f.severity === 'error').map((f) => `${f.id}: ${f.evidence.expression ?? f.message.zh}`);

describe('structure.totals-blank', () => {
  itFires('structure.totals-blank', 'the 2019 上海市人民政府办公厅 report: 总计 blank in the 11 outcome rows it fills — one warning, no error', () => {
    const res = shanghai();
    const f = only(res, 'structure.totals-blank');
    expectFires(res, 'structure.totals-blank');
    expect(f.severity).toBe('warning');
    expect(SHANGHAI_2019_BLANK_TOTALS).toHaveLength(11);
    expect(f.evidence.cells.map((c) => c.row)).toEqual(SHANGHAI_2019_BLANK_TOTALS);
    expect(f.evidence.cells.every((c) => c.col === 6 && c.value === null && c.raw === '')).toBe(true);
    expect(f.message.zh).toMatch(/^表三有11个总计单元格未填写而其各部分填有数字：（一）予以公开 · 总计、/);
    expect(f.evidence.expression).toMatch(/^（一）予以公开 · 总计 = 空，申请人各列 258\+12\+空\+空\+1\+1 = 272；/);
    // Every stated number agrees: no error at all, and the sums ran and passed.
    expect(errors(res)).toEqual([]);
    for (const id of ['table3.identity', 'table3.outcome-sum', 'table3.row-sum', 'table4.sum']) expectPasses(res, id);
  });

  itFires('structure.totals-blank', 'seed 001 (report001.html) with the 总计 of its outcome rows left blank', () => {
    const h = report001();
    for (const label of ['（一）予以公开', '2.其他法律行政法规禁止公开', '1.本机关不掌握相关政府信息', '2.重复申请']) h.t3(label, 6, '');
    const res = run(html(h.html()));
    const f = only(res, 'structure.totals-blank');
    expect(f.evidence.cells.map((c) => c.row)).toEqual(['granted', 'denied.lawForbidden', 'unable.notHeld', 'notProcessed.duplicate']);
    expect(errors(res)).toEqual([]);
    expectPasses(res, 'table3.outcome-sum');
  });

  itFires('structure.totals-blank', 'a blank （七）总计 · 总计: listed, and the identity uses its applicant columns, saying so', () => {
    const res = run(html(report001().t3('（七）总计', 6, '').html()));
    const f = only(res, 'structure.totals-blank');
    expect(cells(f)).toEqual([['（七）总计 · 总计', null, '']]);
    expect(f.evidence.expression).toBe('（七）总计 · 总计 = 空，申请人各列 27+空+空+1+空+空 = 28');
    expectPasses(res, 'table3.identity');
    expect(errors(res)).toEqual([]);
  });

  itPasses('structure.totals-blank', 'report001.html as published (二、上年结转 总计 blank over parts of 0: nothing stated, nothing missing)', () => {
    expectPasses(run(html(report001().html())), 'structure.totals-blank');
  });
  itPasses('structure.totals-blank', 'the 上海 report with its outcome totals filled in', () => {
    const filled = Object.fromEntries(SHANGHAI_2019_BLANK_TOTALS.map((k) => {
      const v = SHANGHAI_2019_T3[k]!;
      return [k, [...v.slice(0, 6), v.slice(0, 6).reduce<number>((s, x) => s + (x === '' ? 0 : x), 0)]];
    }));
    const res = withT3(filled);
    expectPasses(res, 'structure.totals-blank');
    expect(errors(res)).toEqual([]);
  });
  itPasses('structure.totals-blank', 'seed 000 (flattened PDF text) fills every total', () => expectPasses(run(text(seedText('000'))), 'structure.totals-blank'));
  it('seed 003 has table 4 but no table 3: table 4 is still looked at (and fills its totals)', () => {
    const r = text(seedText('003'));
    expect([r.table3, !!r.table4]).toEqual([null, true]);
    expectPasses(run(r), 'structure.totals-blank');
  });
  it('cannot run without table 3 and table 4 (report001 with its tables removed)', () => {
    const r = html(report001().html().replace(/<table[\s\S]*?<\/table>/g, ''));
    expect([r.table3, r.table4]).toEqual([null, null]);
    expect(outcomeOf(run(r), 'structure.totals-blank')).toMatchObject({ status: 'cannot-run' });
  });
});

describe('checks on a report with blank totals use what it states', () => {
  it('prose: 258 vs 275 stays a warning (（一）+（二） from their applicant columns); the other figures agree', () => {
    const res = shanghai();
    const f = only(res, 'prose.outcomes');
    expect(f.message.zh).toBe('正文称公开及部分公开258件（“予以公开及部分公开258件”），表三为275件');
    expect(f.evidence.expression).toBe('正文 258 ≠ 表三 （一）+（二） （272，总计未填，按申请人各列之和 258+12+空+空+1+1）+（3，总计未填，按申请人各列之和 3+空+空+空+空+空） = 275');
    expect([f.evidence.left, f.evidence.right]).toEqual([258, 275]);
    // The evidence points at the cells the 275 comes from, not at the blank totals alone.
    expect(f.evidence.cells.map((c) => c.label)).toContain('（一）予以公开 · 自然人');
    // 不予公开35件, 无法提供265件, 不予处理158件, 其他处理0件: no "表三为0件" for any of them.
    expect(res.findings.filter((x) => x.message.zh.includes('表三为0件'))).toEqual([]);
    expect(findings(res, 'prose.outcomes')).toHaveLength(1);
    expectPasses(res, 'prose.received');
    expectPasses(res, 'prose.table4');
  });

  it('a stated number that disagrees is still an error: （七）总计 · 自然人 766 instead of 767', () => {
    const res = withT3({ total: [766, 35, '', '', 2, 1, 805] });
    const f = findingAt(res, 'table3.outcome-sum', '（七）总计 · 自然人');
    expect(f.evidence.expression).toBe('（七）总计 = 766 ≠ 258+3+14+5+3+10+252+44+25+148+5 = 767');
    expectFires(res, 'table3.row-sum');
    expect(only(res, 'structure.totals-blank').evidence.cells).toHaveLength(11);
  });

  it('（七）总计 · 总计 against the outcome rows uses their applicant columns where their 总计 is blank, and says so', () => {
    const res = withT3({ total: [767, 35, '', '', 2, 1, 806], newReceived: [821, 35, '', '', 2, 1, 860] });
    const f = findingAt(res, 'table3.outcome-sum', '（七）总计 · 总计');
    expect(f.evidence.expression).toMatch(/^（七）总计 = 806 ≠ （272，总计未填，按申请人各列之和 258\+12\+空\+空\+1\+1）\+（3，总计未填，按申请人各列之和 3\+空\+空\+空\+空\+空）\+/);
    expect(f.evidence.expression).toMatch(/ = 805$/);
    expect([f.evidence.left, f.evidence.right]).toEqual([806, 805]);
  });
});
