/**
 * Arithmetic and cell-value checks: table 3's printed identity, column and row sums, table 4 sums,
 * invalid counts, and the 2021 table-2 rules — each fired by a realistic typo in a real report and
 * passed by the report as published.
 */
import { describe, expect, it } from 'vitest';
import { replaceOnce, report001, report001Html, seedText } from '../helpers/fixtures.ts';
import { DEFAULT_T3, report2021 } from '../helpers/report2021.ts';
import { cells, expectFires, expectPasses, findingAt, findings, html, itFires, itPasses, only, outcomeOf, run, text } from '../helpers/checks.ts';

const base = () => run(html(report001Html()));
const COLS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

describe('table3.identity (一 + 二 = （七） + 四, per column)', () => {
  itFires('table3.identity', 'report001 with 一、本年新收 总计 typed as 30 instead of 29', () => {
    const res = run(html(report001().t3('本年新收', 6, '30').html()));
    const f = only(res, 'table3.identity');
    expectFires(res, 'table3.identity');
    expect(f.severity).toBe('error');
    expect(f.evidence.expression).toBe('一+二 = 30+空 = 30 ≠ （七）总计+四 = 28+1 = 29');
    expect([f.evidence.left, f.evidence.right]).toEqual([30, 29]);
    expect(f.message.zh).toBe('表三“总计”列：一+二 = 30+空 = 30 ≠ （七）总计+四 = 28+1 = 29');
    expect(cells(f)).toEqual([
      ['一、本年新收 · 总计', 30, '30'], ['二、上年结转 · 总计', null, ''], ['（七）总计 · 总计', 28, '28'], ['四、结转下年度 · 总计', 1, '1'],
    ]);
    // The cell points back at the HTML: 2nd <table>, the 一、本年新收 <tr>, its 总计 <td>.
    expect(f.evidence.cells[0]!.source).toMatchObject({ kind: 'grid', table: 1, row: 3, cell: 7 });
  });
  itFires('table3.identity', 'a 2021 report that forgot the carried-over application in 二 自然人', () => {
    const res = run(html(report2021({ table3: { carriedOver: [0, 0, 0, 0, 0, 0, 1] } })));
    const f = findingAt(res, 'table3.identity', '二、上年结转 · 自然人');
    expect(f.evidence.expression).toBe('一+二 = 31+0 = 31 ≠ （七）总计+四 = 31+1 = 32');
    expect([f.evidence.left, f.evidence.right]).toEqual([31, 32]);
    expect(findings(res, 'table3.identity')).toHaveLength(1);
  });
  itPasses('table3.identity', 'report001.html as published (28+0 = 27+1; 29 = 28+1)', () => expectPasses(base(), 'table3.identity'));
  itPasses('table3.identity', 'seed 000 as published (84+2 = 84+2)', () => expectPasses(run(text(seedText('000'))), 'table3.identity'));
  itPasses('table3.identity', 'a consistent 2021 report', () => expectPasses(run(html(report2021())), 'table3.identity'));

  // Regression, fixed (check, shared/src/checks/arithmetic.ts checkTable3): a template row that is missing
  // from the table (t3Cell → undefined) counts as a printed blank = 0, so a table without its
  // （七）总计 row is accused of breaking the identity in every column ("（七）总计+四 = 空+1 = 1").
  // Expected: table3.identity cannot-run (row missing; structure.table3.rows already reports it).
  // Actual: status 'fail' with three error findings (自然人, 社会公益组织, 总计); outcome-sum likewise.
  itPasses('table3.identity', 'does not accuse a table whose （七）总计 row is absent (cannot-run instead)', () => {
    const h = report001();
    h.removeRow(h.table3(), '（七）总计');
    h.$('td[rowspan="20"]').attr('rowspan', '19');
    const res = run(html(h.html()));
    expectFires(res, 'structure.table3.rows');
    expect(outcomeOf(res, 'table3.identity').status).toBe('cannot-run');
    // Same cause in table3.outcome-sum: "（七）总计 = 空 ≠ 22+0+2+3 = 27".
    expect(outcomeOf(res, 'table3.outcome-sum').status).toBe('cannot-run');
  });
});

describe('table3.outcome-sum (（七）总计 = Σ outcome rows, per column)', () => {
  itFires('table3.outcome-sum', 'report001 with 2.重复申请 raised to 4 (row total too) but （七）总计 left at 27/28', () => {
    const res = run(html(report001().t3('2.重复申请', 0, '4').t3('2.重复申请', 6, '4').html()));
    expectFires(res, 'table3.outcome-sum');
    expect(findings(res, 'table3.outcome-sum')).toHaveLength(2);
    const f = findingAt(res, 'table3.outcome-sum', '（七）总计 · 自然人');
    expect(f.evidence.expression).toBe('（七）总计 = 27 ≠ 22+0+2+4 = 28');
    expect([f.evidence.left, f.evidence.right]).toEqual([27, 28]);
    expect(f.message.zh).toBe('表三“自然人”列：（七）总计 = 27 ≠ 22+0+2+4 = 28（各办理结果之和）');
    expect(cells(f)).toEqual([
      ['（七）总计 · 自然人', 27, '27'], ['（一）予以公开 · 自然人', 22, '22'], ['2.其他法律行政法规禁止公开 · 自然人', 0, '0'],
      ['1.本机关不掌握相关政府信息 · 自然人', 2, '2'], ['2.重复申请 · 自然人', 4, '4'],
    ]);
    const g = findingAt(res, 'table3.outcome-sum', '（七）总计 · 总计');
    expect(g.evidence.expression).toBe('（七）总计 = 28 ≠ 22+1+2+4 = 29');
    // Only the column sums break: identity and row sums still hold.
    expectPasses(res, 'table3.identity');
    expectPasses(res, 'table3.row-sum');
  });
  itFires('table3.outcome-sum', '2021 template: a case under （六）2.逾期未缴费 not carried into （七）总计', () => {
    const res = run(html(report2021({ table3: { 'other.unpaidFee': [1, 0, 0, 0, 0, 0, 1] } })));
    const f = findingAt(res, 'table3.outcome-sum', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 总计');
    expect(f.evidence.expression).toBe('（七）总计 = 34 ≠ 19+3+0+0+0+1+0+0+0+0+8+0+0+0+2+0+0+0+1+1+0 = 35');
    expect([f.evidence.left, f.evidence.right]).toEqual([34, 35]);
  });
  itFires('table3.outcome-sum', 'the brief’s case: （七）总计 自然人 27→26 with 四 1→2 keeps the identity but breaks the sum', () => {
    const res = run(html(report001().t3('（七）总计', 0, '26').t3('四、结转下年度继续办理', 0, '2').html()));
    expectPasses(res, 'table3.identity');
    const f = findingAt(res, 'table3.outcome-sum', '（七）总计 · 自然人');
    expect(f.evidence.expression).toBe('（七）总计 = 26 ≠ 22+0+2+3 = 27');
  });
  itPasses('table3.outcome-sum', 'report001.html as published', () => expectPasses(base(), 'table3.outcome-sum'));
  itPasses('table3.outcome-sum', 'seed 000 as published (42+11+1+25+1+4 = 84)', () => expectPasses(run(text(seedText('000'))), 'table3.outcome-sum'));
  itPasses('table3.outcome-sum', 'a 2021 report counting （六）1.逾期不补正 in the total', () => {
    expect(DEFAULT_T3['other.noCorrection'][6]).toBe(1);
    expectPasses(run(html(report2021())), 'table3.outcome-sum');
  });
});

describe('table3.row-sum (总计 = 自然人 + five organisation columns, per row)', () => {
  itFires('table3.row-sum', 'report001 with two row totals mistyped (予以公开 23, 重复申请 2) whose errors cancel in the column', () => {
    const res = run(html(report001().t3('（一）予以公开', 6, '23').t3('2.重复申请', 6, '2').html()));
    expectFires(res, 'table3.row-sum');
    expect(findings(res, 'table3.row-sum')).toHaveLength(2);
    const f = findingAt(res, 'table3.row-sum', '（一）予以公开 · 总计');
    expect(f.evidence.expression).toBe('总计 = 23 ≠ 22+空+空+0+空+空 = 22');
    expect([f.evidence.left, f.evidence.right]).toEqual([23, 22]);
    expect(f.evidence.cells.map((c) => c.label)).toEqual([6, 0, 1, 2, 3, 4, 5].map((c) => `（一）予以公开 · ${COLS[c]}`));
    const g = findingAt(res, 'table3.row-sum', '2.重复申请 · 总计');
    expect(g.evidence.expression).toBe('总计 = 2 ≠ 3+空+空+0+空+空 = 3');
    expectPasses(res, 'table3.identity');
    expectPasses(res, 'table3.outcome-sum');
  });
  itFires('table3.row-sum', 'a 2021 report where 商业企业 applications are not in the row total', () => {
    const res = run(html(report2021({ table3: {
      newReceived: [31, 3, 0, 1, 0, 0, 34], total: [31, 3, 0, 1, 0, 0, 34], granted: [18, 2, 0, 0, 0, 0, 19] } })));
    const labels = findings(res, 'table3.row-sum').map((f) => f.evidence.cells[0]!.label);
    expect(labels).toEqual(['一、本年新收 · 总计', '（一）予以公开 · 总计', '（七）总计 · 总计']);
    expect(findingAt(res, 'table3.row-sum', '一、本年新收 · 总计').evidence.expression).toBe('总计 = 34 ≠ 31+3+0+1+0+0 = 35');
  });
  itPasses('table3.row-sum', 'report001.html as published', () => expectPasses(base(), 'table3.row-sum'));
  itPasses('table3.row-sum', 'seed 000 as published', () => expectPasses(run(text(seedText('000'))), 'table3.row-sum'));
  it('table3.* cannot run without table 3 (seed 003)', () => {
    const res = run(text(seedText('003')));
    for (const id of ['table3.identity', 'table3.outcome-sum', 'table3.row-sum']) {
      expect(outcomeOf(res, id)).toEqual({ id, status: 'cannot-run', reason: { zh: '没有表三', en: 'no table 3' } });
    }
  });
});

describe('table4.sum (总计 = 维持 + 纠正 + 其他 + 尚未审结, per group)', () => {
  itFires('table4.sum', 'report001 with the 行政复议 总计 typed as 2', () => {
    const res = run(html(report001().t4(4, '2').html()));
    const f = only(res, 'table4.sum');
    expectFires(res, 'table4.sum');
    expect(f.evidence.expression).toBe('总计 = 2 ≠ 0+0+1+0 = 1');
    expect([f.evidence.left, f.evidence.right]).toEqual([2, 1]);
    expect(f.message.zh).toBe('表四“行政复议”：总计 = 2 ≠ 0+0+1+0 = 1');
    expect(cells(f)).toEqual([
      ['行政复议 · 总计', 2, '2'], ['行政复议 · 结果维持', 0, '0'], ['行政复议 · 结果纠正', 0, '0'], ['行政复议 · 其他结果', 1, '1'], ['行政复议 · 尚未审结', 0, '0'],
    ]);
  });
  itFires('table4.sum', 'a 2021 report with a pending 复议后起诉 case left out of its total', () => {
    const f = only(run(html(report2021({ table4: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0] }))), 'table4.sum');
    expect(f.message.zh).toBe('表四“行政诉讼·复议后起诉”：总计 = 0 ≠ 0+0+0+1 = 1');
    expect(f.evidence.cells[0]!.label).toBe('行政诉讼·复议后起诉 · 总计');
  });
  itPasses('table4.sum', 'report001.html as published (0+0+1+0 = 1)', () => expectPasses(base(), 'table4.sum'));
  itPasses('table4.sum', 'seed 003 (infographic report, but table 4 present and all zero)', () => expectPasses(run(text(seedText('003'))), 'table4.sum'));
  it('table4.sum cannot run without table 4 (seed 004)', () => {
    expect(outcomeOf(run(text(seedText('004'))), 'table4.sum')).toEqual({ id: 'table4.sum', status: 'cannot-run', reason: { zh: '没有表四', en: 'no table 4' } });
  });
});

describe('values.invalid', () => {
  itFires('values.invalid', 'a negative 上一年项目数量 in table 2 (the change typed in the wrong column)', () => {
    const res = run(html(report001().t2('行政处罚', 0, '-3').html()));
    const f = only(res, 'values.invalid');
    expectFires(res, 'values.invalid');
    expect(f.message.zh).toBe('1个数量单元格不合法：行政处罚 · 上一年项目数量 负数“-3”');
    expect(cells(f)).toEqual([['行政处罚 · 上一年项目数量', -3, '-3']]);
    expect(f.evidence.cells[0]!.table).toBe('table2');
  });
  itFires('values.invalid', 'a negative count in table 3', () => {
    const f = only(run(html(report001().t3('2.重复申请', 3, '-1').html())), 'values.invalid');
    expect(cells(f)).toEqual([['2.重复申请 · 社会公益组织', -1, '-1']]);
    expect(f.message.zh).toContain('负数“-1”');
  });
  itFires('values.invalid', 'fractional counts in table 4 (2.5 cases)', () => {
    const f = only(run(html(report001().t4(2, '2.5').t4(4, '2.5').html())), 'values.invalid');
    expect(f.message.zh).toBe('2个数量单元格不合法：行政复议 · 其他结果 小数“2.5”；行政复议 · 总计 小数“2.5”');
    expect(cells(f)).toEqual([['行政复议 · 其他结果', 2.5, '2.5'], ['行政复议 · 总计', 2.5, '2.5']]);
  });
  itFires('values.invalid', 'a fractional 本年制发件数 in a 2021 table 2', () => {
    const f = only(run(html(report2021({ table2: { 行政规范性文件: ['3.5', 1, 12] } }))), 'values.invalid');
    expect(cells(f)).toEqual([['行政规范性文件 · 本年制发件数', 3.5, '3.5']]);
  });

  // Regression, fixed (parser/check, shared/src/parse/rows.ts splitCells + checks/values.ts badCount): a count
  // printed as a Chinese numeral ('二') or other non-numeric text is never a 'text' cell: rows are split
  // into labels + the trailing run of value-like cells, so '二' becomes part of the label and the row is
  // short. values.invalid's 无法识别 branch is unreachable for tables. Expected: values.invalid fires
  // with 无法识别“二”. Actual: values.invalid passes; structure.unreadable-cells fires instead.
  itFires('values.invalid', 'a count written as the numeral 二 in table 3 (无法识别)', () => {
    const res = run(html(report001().t3('本年新收', 3, '二').html()));
    const f = only(res, 'values.invalid');
    expect(f.message.zh).toContain('无法识别“二”');
  });
  // Regression, fixed (same cause, worse effect): '二十七' in （七）总计 · 自然人 makes the label end in 二十七,
  // so the row no longer matches （七）总计 and is dropped; then table3.identity and
  // table3.outcome-sum both FAIL in three columns ("（七）总计 = 空 ≠ 22+0+2+3 = 27") — error-level
  // accusations caused by one garbled cell. Expected: values.invalid (or structure.unreadable-cells)
  // and identity/outcome-sum cannot-run for that row.
  itPasses('table3.identity', 'a numeral typed in （七）总计 does not produce identity errors', () => {
    const res = run(html(report001().t3('（七）总计', 0, '二十七').html()));
    expect(outcomeOf(res, 'table3.identity').status).not.toBe('fail');
    expect(outcomeOf(res, 'table3.outcome-sum').status).not.toBe('fail');
  });

  itPasses('values.invalid', 'report001.html as published, with signed changes 49（+）/13（+）', () => expectPasses(base(), 'values.invalid'));
  itPasses('values.invalid', 'a negative 本年增/减 in table 2 is a legitimate decrease', () => {
    const res = run(html(report001().t2('行政处罚', 1, '-3').html()));
    expectPasses(res, 'values.invalid');
  });
  itPasses('values.invalid', 'money with decimals (22541145.2元 采购总金额) is not a count', () => {
    const r = html(report001Html());
    expect(r.table2!.rows.find((x) => x.label === '政府集中采购')!.cells[1]).toMatchObject({ value: 22541145.2, unit: '元' });
    expectPasses(run(r), 'values.invalid');
  });
  itPasses('values.invalid', 'a 2021 fee of 3.8 万元 (money) is not a count', () => {
    expectPasses(run(html(report2021({ table2: { 行政事业性收费: '3.8' } }))), 'values.invalid');
  });
  it('values.invalid cannot run on a report without tables (seed 004)', () => {
    expect(outcomeOf(run(text(seedText('004'))), 'values.invalid')).toEqual({ id: 'values.invalid', status: 'cannot-run', reason: { zh: '没有可检查的表格', en: 'no tables' } });
  });
});

describe('table2.fee-unit (2021: 本年收费金额 in 万元)', () => {
  itFires('table2.fee-unit', 'a fee printed as 380元 in the 万元 column', () => {
    const res = run(html(report2021({ table2: { 行政事业性收费: '380元' } })));
    const f = only(res, 'table2.fee-unit');
    expectFires(res, 'table2.fee-unit');
    expect(f.severity).toBe('warning');
    expect(f.message.zh).toBe('行政事业性收费“380元”：单位为元，格式要求万元');
    expect(cells(f)).toEqual([['行政事业性收费 · 本年收费金额', 380, '380元']]);
  });
  itFires('table2.fee-unit', 'a fee of 225000 (entered in 元 without a unit)', () => {
    const f = only(run(html(report2021({ table2: { 行政事业性收费: '225000' } }))), 'table2.fee-unit');
    expect(f.message.zh).toBe('行政事业性收费“225000”：按万元计数额过大，可能误填为元');
    expect(f.message.en).toBe('Fee "225000": implausibly large in 万元 (entered in 元?)');
  });
  itPasses('table2.fee-unit', 'a fee of 3.8 (万元 per the column header)', () => expectPasses(run(html(report2021({ table2: { 行政事业性收费: '3.8' } }))), 'table2.fee-unit'));
  itPasses('table2.fee-unit', 'a fee of 12.5万元 with the unit written out', () => expectPasses(run(html(report2021({ table2: { 行政事业性收费: '12.5万元' } }))), 'table2.fee-unit'));
  itPasses('table2.fee-unit', 'no fee charged (0)', () => expectPasses(run(html(report2021())), 'table2.fee-unit'));
  it('table2.fee-unit and table2.stock do not apply to a 2019-template table 2 (report001.html)', () => {
    const res = base();
    for (const id of ['table2.fee-unit', 'table2.stock']) {
      expect(outcomeOf(res, id)).toEqual({ id, status: 'not-applicable', reason: { zh: '仅适用于2021年版表二', en: 'applies to the 2021 table 2 only' } });
    }
  });
});

describe('table2.stock (2021: 本年制发 ≤ 现行有效 + 本年废止)', () => {
  itFires('table2.stock', '5 normative documents issued, 1 repealed, but only 3 currently valid', () => {
    const res = run(html(report2021({ table2: { 行政规范性文件: [5, 1, 3] }, prose: { proactive: '2021年，我局通过门户网站主动公开政府信息1862条。' } })));
    const f = only(res, 'table2.stock');
    expectFires(res, 'table2.stock');
    expect(f.evidence.expression).toBe('本年制发 5 > 现行有效 3 + 本年废止 1');
    expect([f.evidence.left, f.evidence.right]).toEqual([5, 4]);
    expect(f.message.zh).toBe('行政规范性文件：本年制发 5 > 现行有效 3 + 本年废止 1');
    expect(cells(f)).toEqual([
      ['行政规范性文件 · 本年制发件数', 5, '5'], ['行政规范性文件 · 本年废止件数', 1, '1'], ['行政规范性文件 · 现行有效件数', 3, '3'],
    ]);
  });
  itFires('table2.stock', 'a 规章 issued while 现行有效 is 0', () => {
    const f = only(run(html(report2021({ table2: { 规章: [1, 0, 0] } }))), 'table2.stock');
    expect(f.evidence.expression).toBe('本年制发 1 > 现行有效 0 + 本年废止 0');
  });
  it('table2.stock cannot run (no accusation) when 现行有效 is left blank', () => {
    const res = run(html(report2021({ table2: { 规章: [1, 0, ''] } })));
    expect(res.findings.filter((f) => f.id === 'table2.stock')).toEqual([]);
    expect(res.outcomes.find((o) => o.id === 'table2.stock')).toMatchObject({ status: 'cannot-run' });
  });
  itPasses('table2.stock', '3 issued, 1 repealed, 12 valid', () => expectPasses(run(html(report2021())), 'table2.stock'));
  itPasses('table2.stock', 'every document issued this year still valid (3 ≤ 3 + 0)', () => {
    expectPasses(run(html(report2021({ table2: { 行政规范性文件: [3, 0, 3] } }))), 'table2.stock');
  });
});

describe('the same checks on text sources (PDF-flattened seed 000, cell-per-line seed 001)', () => {
  itFires('table3.identity', 'seed 000 (flattened PDF text) with （七）总计 总计 printed as 85', () => {
    const res = run(text(replaceOnce(seedText('000'), '（七）总计 75 4  5   84', '（七）总计 75 4  5   85')));
    const f = only(res, 'table3.identity');
    expect(f.evidence.expression).toBe('一+二 = 84+2 = 86 ≠ （七）总计+四 = 85+2 = 87');
    expect(f.evidence.cells[2]!.source).toMatchObject({ kind: 'text' });
    expect(only(res, 'table3.outcome-sum').evidence.expression).toBe('（七）总计 = 85 ≠ 42+11+1+25+1+4 = 84');
    expect(only(res, 'table3.row-sum').evidence.expression).toBe('总计 = 85 ≠ 75+4+空+5+空+空 = 84');
  });
  itFires('table4.sum', 'seed 001 (HTML dumped one cell per line) with the 行政复议 总计 printed as 2', () => {
    const block = ['0', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'].map((v) => `\t${v}\n`).join('');
    const changed = ['0', '0', '1', '0', '2', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'].map((v) => `\t${v}\n`).join('');
    const res = run(text(replaceOnce(seedText('001'), block, changed)));
    expect(only(res, 'table4.sum').evidence.expression).toBe('总计 = 2 ≠ 0+0+1+0 = 1');
  });
  itPasses('table4.sum', 'seed 002 prints only the totals (0) with the other cells blank', () => expectPasses(run(text(seedText('002'))), 'table4.sum'));
});
