/**
 * Structure and template checks: each one fires on a realistic report and passes on one. Inputs are
 * the real fixtures (report001.html = seed 001 as a published HTML article; the text seeds) with
 * small, named mutations, plus the 2021-template builder.
 */
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { report001, report001Html, seedText } from '../helpers/fixtures.ts';
import { report2021 } from '../helpers/report2021.ts';
import { expectFires, expectPasses, html, itFires, itPasses, only, outcomeOf, run, status, text } from '../helpers/checks.ts';

const base = () => run(html(report001Html()));

describe('structure.not-template', () => {
  itFires('structure.not-template', 'a 2018 report (before the 2019 template) is reported as free-form, and template checks do not apply', () => {
    const res = run(html(report001().titleYear(2020, 2018).html()));
    const f = only(res, 'structure.not-template');
    expectFires(res, 'structure.not-template');
    expect(f.severity).toBe('info');
    expect(f.message.zh).toBe('2018年度报告早于2019年统一格式，仅作参考');
    expect(f.evidence.sentences.map((s) => s.text)).toEqual(['市生态环境局2018年度政府信息公开工作年度报告']);
    for (const id of ['structure.sections', 'structure.table2.missing', 'structure.table3.missing', 'structure.table4.missing', 'template.mismatch']) {
      expect(outcomeOf(res, id)).toMatchObject({ status: 'not-applicable', reason: { en: 'no template before 2019' } });
    }
  });
  itPasses('structure.not-template', 'the 2020 report001.html is on the template', () => {
    expectPasses(base(), 'structure.not-template');
  });
  itPasses('structure.not-template', 'a 2019 report (first template year, seed 002) is on the template', () => {
    expectPasses(run(text(seedText('002'))), 'structure.not-template');
  });
});

describe('structure.sections', () => {
  itFires('structure.sections', 'report001 with section 六 cut off names the missing section', () => {
    const h = report001();
    h.para('无。').remove();
    h.removePara('六、其他需要报告的事项');
    const res = run(html(h.html()));
    const f = only(res, 'structure.sections');
    expectFires(res, 'structure.sections');
    expect(f.message.zh).toBe('缺少标准章节：六、其他需要报告的事项');
    expect(f.message.en).toBe('Missing standard section(s): 6 of 6');
    expect(f.evidence.sentences.map((s) => s.text)).toEqual([
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况',
    ]);
  });
  itFires('structure.sections', 'seed 004 (free-form 2019 report) lacks sections 二, 三, 四 and 六', () => {
    const f = only(run(text(seedText('004'))), 'structure.sections');
    expect(f.message.zh).toBe('缺少标准章节：二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；六、其他需要报告的事项');
  });
  itPasses('structure.sections', 'report001.html has all six sections', () => expectPasses(base(), 'structure.sections'));
  itPasses('structure.sections', 'seed 000 has all six, though 三 is printed twice (PDF artefact)', () => expectPasses(run(text(seedText('000'))), 'structure.sections'));
  itPasses('structure.sections', 'a 2021-template report has all six', () => expectPasses(run(html(report2021())), 'structure.sections'));
});

describe('structure.headings', () => {
  itFires('structure.headings', 'report001 with section 五 reworded as 存在问题及下一步工作打算', () => {
    const h = report001();
    h.para('五、存在的主要问题及改进情况').text('五、存在问题及下一步工作打算');
    const res = run(html(h.html()));
    const f = only(res, 'structure.headings');
    expectFires(res, 'structure.headings');
    expect(f.message.zh).toBe('以下章节标题与格式不一致：“五、存在问题及下一步工作打算”（应为五、存在的主要问题及改进情况）');
    expect(f.evidence.sentences.map((s) => s.text)).toEqual(['五、存在问题及下一步工作打算']);
    // Reworded, not missing.
    expectPasses(res, 'structure.sections');
  });
  itFires('structure.headings', 'seed 002 titles 一 基本概况和主要措施 and 五 下一步措施', () => {
    const f = only(run(text(seedText('002'))), 'structure.headings');
    expect(f.evidence.sentences.map((s) => s.text)).toEqual(['一、政府信息公开工作基本概况和主要措施', '五、下一步措施']);
  });
  itPasses('structure.headings', 'report001.html uses the template headings', () => expectPasses(base(), 'structure.headings'));
});

describe('structure.table2.missing / structure.table2.nonstandard', () => {
  itFires('structure.table2.missing', 'report001 with its table 2 deleted from the page', () => {
    const h = report001();
    h.table2().remove();
    const res = run(html(h.html()));
    const f = only(res, 'structure.table2.missing');
    expectFires(res, 'structure.table2.missing');
    expect(f.severity).toBe('error');
    expect(f.message.zh).toBe('未找到表二（主动公开政府信息情况）');
    expectPasses(res, 'structure.table2.nonstandard');
    expectPasses(res, 'structure.table3.missing');
    expectPasses(res, 'structure.table4.missing');
  });
  itFires('structure.table2.missing', 'seed 004 has no tables at all', () => {
    const res = run(text(seedText('004')));
    for (const id of ['structure.table2.missing', 'structure.table3.missing', 'structure.table4.missing']) expectFires(res, id);
  });
  itPasses('structure.table2.missing', 'report001.html has table 2', () => expectPasses(base(), 'structure.table2.missing'));
  itPasses('structure.table2.missing', 'seed 003 gives table 2 as an infographic: nonstandard, not missing', () => {
    expectPasses(run(text(seedText('003'))), 'structure.table2.missing');
  });

  itFires('structure.table2.nonstandard', 'seed 003 prints table 2 as infographic figures', () => {
    const res = run(text(seedText('003')));
    const f = only(res, 'structure.table2.nonstandard');
    expectFires(res, 'structure.table2.nonstandard');
    expect(f.message.zh).toBe('表二未以标准表格列示，仅在文字或图示中给出11个数字');
    const s = f.evidence.sentences.map((x) => x.text);
    expect(s).toHaveLength(11);
    expect(s).toEqual(expect.arrayContaining(['行政规范性文件3件', '行政许可22项', '处理决定数量412件', '政府集中采购数量18件', '采购总金额127万元']));
  });
  itPasses('structure.table2.nonstandard', 'report001.html has a standard table 2', () => expectPasses(base(), 'structure.table2.nonstandard'));
  itPasses('structure.table2.nonstandard', 'seed 004 has neither table nor figures: missing, not nonstandard', () => {
    expectPasses(run(text(seedText('004'))), 'structure.table2.nonstandard');
  });
});

describe('structure.table3.missing', () => {
  itFires('structure.table3.missing', 'report001 without table 3 quotes the only figure the prose gives', () => {
    const h = report001();
    h.table3().remove();
    const res = run(html(h.html()));
    const f = only(res, 'structure.table3.missing');
    expectFires(res, 'structure.table3.missing');
    expect(f.message.zh).toBe('未找到表三（收到和处理政府信息公开申请情况），正文仅称“共收到依申请公开28件”');
    expect(f.evidence.sentences).toHaveLength(1);
    expect(f.evidence.sentences[0]!.text).toContain('2020年，我局共收到依申请公开28件');
    // Table-3 checks say why they cannot run instead of passing.
    for (const id of ['table3.identity', 'table3.outcome-sum', 'table3.row-sum']) {
      expect(outcomeOf(res, id)).toEqual({ id, status: 'cannot-run', reason: { zh: '没有表三', en: 'no table 3' } });
    }
    expect(outcomeOf(res, 'prose.received')).toEqual({ id: 'prose.received', status: 'cannot-run',
      reason: { zh: '没有表三，无法核对正文“共收到依申请公开28件”', en: 'no table 3 to compare "共收到依申请公开28件" with' } });
  });
  itFires('structure.table3.missing', 'seed 003 has only prose for applications', () => {
    const f = only(run(text(seedText('003'))), 'structure.table3.missing');
    expect(f.message.zh).toBe('未找到表三（收到和处理政府信息公开申请情况），正文仅称“共收到和受理政府信息公开申请11件”');
  });
  itPasses('structure.table3.missing', 'report001.html has table 3', () => expectPasses(base(), 'structure.table3.missing'));
  itPasses('structure.table3.missing', 'seed 000 (PDF-flattened text) has table 3', () => expectPasses(run(text(seedText('000'))), 'structure.table3.missing'));
});

describe('structure.table4.missing', () => {
  itFires('structure.table4.missing', 'report001 without table 4', () => {
    const h = report001();
    h.table4().remove();
    const res = run(html(h.html()));
    const f = only(res, 'structure.table4.missing');
    expectFires(res, 'structure.table4.missing');
    expect(f.message).toEqual({ zh: '未找到表四（行政复议、行政诉讼情况）', en: 'Table 4 (review and litigation) not found' });
    expect(outcomeOf(res, 'table4.sum')).toEqual({ id: 'table4.sum', status: 'cannot-run', reason: { zh: '没有表四', en: 'no table 4' } });
  });
  // Regression, fixed (parser, shared/src/parse/table4.ts mapTable4 + rows.ts splitCells): the value row
  // must have 15 value-like cells, so one garbled cell (the letter O typed for 0, or "1起") makes the
  // whole table "not found" — an error-level structure.table4.missing, with no parser note, and
  // prose.table4 cannot run. Expected: table 4 found, the cell reported (structure.unreadable-cells or
  // values.invalid), table4.sum cannot-run for 行政复议. Actual: table4 === null.
  itPasses('structure.table4.missing', 'table 4 with the letter O typed for a zero is still found', () => {
    const res = run(html(report001().t4(2, 'O').html()));
    expectPasses(res, 'structure.table4.missing');
  });
  itPasses('structure.table4.missing', 'report001.html has table 4', () => expectPasses(base(), 'structure.table4.missing'));
  itPasses('structure.table4.missing', 'seed 003 has table 4 though not tables 2 and 3', () => expectPasses(run(text(seedText('003'))), 'structure.table4.missing'));
});

describe('structure.table2.rows', () => {
  itFires('structure.table2.rows', 'report001 with the 行政强制 row dropped from table 2', () => {
    const h = report001();
    h.removeRow(h.table2(), '行政强制');
    const res = run(html(h.html()));
    const f = only(res, 'structure.table2.rows');
    expectFires(res, 'structure.table2.rows');
    expect(f.message).toEqual({ zh: '表二缺少：行政强制', en: 'Table 2 lacks rows: 行政强制' });
  });
  itFires('structure.table2.rows', 'a 2021 report whose table 2 lacks the 行政事业性收费 block', () => {
    const $ = cheerio.load(report2021());
    const t2 = $('table').filter((_, el) => $(el).text().includes('第二十条')).first();
    const rows = t2.find('tr');
    rows.slice(rows.length - 3).remove(); // 第二十条第（八）项 header, its column row, 行政事业性收费
    const res = run(html($.html()));
    expect(only(res, 'structure.table2.rows').message.zh).toBe('表二缺少：行政事业性收费');
  });
  // Regression, fixed (same cause, shared/src/parse/table2.ts): a table-2 row with one garbled value ("O")
  // loses its values and is reported as a missing row ("表二缺少：行政许可") rather than as an
  // unreadable cell. Now: structure.table2.rows passes and the cell is reported by values.invalid.
  itPasses('structure.table2.rows', 'a row whose 上一年项目数量 is typed as the letter O is not "missing"', () => {
    const res = run(html(report001().t2('行政许可', 0, 'O').html()));
    expectPasses(res, 'structure.table2.rows');
    const f = expectFires(res, 'values.invalid');
    expect(f[0]!.evidence.cells.map((c) => [c.label, c.raw])).toEqual([['行政许可 · 上一年项目数量', 'O']]);
  });
  itPasses('structure.table2.rows', 'report001.html has all eight 2019 rows', () => expectPasses(base(), 'structure.table2.rows'));
  itPasses('structure.table2.rows', 'a 2021 report has all six 2021 rows', () => expectPasses(run(html(report2021())), 'structure.table2.rows'));
});

describe('structure.table3.rows', () => {
  itFires('structure.table3.rows', 'report001 with the row 3.要求提供公开出版物 deleted (rowspans adjusted, as an editor would)', () => {
    const h = report001();
    h.removeRow(h.table3(), '3.要求提供公开出版物');
    h.row(h.table3(), '（五）不予处理').children('td').first().attr('rowspan', '4');
    h.$('td[rowspan="20"]').attr('rowspan', '19');
    const res = run(html(h.html()));
    const f = only(res, 'structure.table3.rows');
    expectFires(res, 'structure.table3.rows');
    expect(f.message.zh).toBe('表三缺少1行（3.要求提供公开出版物）');
    expect(f.message.en).toContain('1 template row(s) missing (notProcessed.publication), 0 extra row(s)');
    // The other rows still read correctly: arithmetic holds.
    for (const id of ['table3.identity', 'table3.outcome-sum', 'table3.row-sum', 'structure.unreadable-cells']) expectPasses(res, id);
  });
  itFires('structure.table3.rows', 'report001 with an agency-added 小计 row under （三）不予公开', () => {
    const h = report001();
    h.row(h.table3(), '8.属于行政查询事项').after('<tr><td colspan="2">小计</td><td align="center">0</td><td>&nbsp;</td><td>&nbsp;</td><td align="center">1</td><td>&nbsp;</td><td>&nbsp;</td><td align="center">1</td></tr>');
    h.$('td[rowspan="20"]').attr('rowspan', '21');
    const res = run(html(h.html()));
    const f = only(res, 'structure.table3.rows');
    expect(f.message.zh).toBe('表三多出1行（三、本年度办理结果 小计）');
    expect(f.evidence.cells.map((c) => [c.label, c.value])).toEqual([['三、本年度办理结果 小计', 1]]);
    // A subtotal is not an outcome: the （七）总计 sum still holds.
    expectPasses(res, 'table3.outcome-sum');
  });
  itPasses('structure.table3.rows', 'report001.html has exactly the 2019 template rows', () => expectPasses(base(), 'structure.table3.rows'));
  itPasses('structure.table3.rows', 'a 2021 report has the 2021 rows with （六）1./2./3.', () => expectPasses(run(html(report2021())), 'structure.table3.rows'));
  itPasses('structure.table3.rows', 'seed 000 (PDF-flattened, labels broken over lines) maps every row', () => expectPasses(run(text(seedText('000'))), 'structure.table3.rows'));

  // Regression, fixed (parser, shared/src/parse/table3.ts + rows.ts): when a row is deleted without fixing the
  // rowspans (a common CMS editing slip), the grid becomes ragged; the second header row
  // "…自然人 | 法人或其他组织 | 总计" gets a padded empty slot, so it has a "value" and its label ends
  // with 总计 → it is mapped as （七）总计, `from` jumps past every template row, and all 21 real rows
  // become "extra". Expected: only 3.要求提供公开出版物 reported missing (or the table reported
  // unreadable); actual: 21 rows missing, 21 extra, prose.received accuses 28 ≠ 0.
  itFires('structure.table3.rows', 'a row deleted without fixing rowspans reports that row, not the whole table', () => {
    const h = report001();
    h.removeRow(h.table3(), '3.要求提供公开出版物');
    const r = html(h.html());
    expect(r.table3!.missingRows).toContain('notProcessed.publication');
    expect(r.table3!.missingRows).not.toContain('newReceived');
  });
});

describe('structure.unreadable-cells', () => {
  itFires('structure.unreadable-cells', 'a note typed into a table-3 cell ("3件（含重复）") leaves the row unplaceable', () => {
    const h = report001();
    h.t3('2.重复申请', 4, '3件（含重复）');
    const res = run(html(h.html()));
    const f = only(res, 'structure.unreadable-cells');
    expectFires(res, 'structure.unreadable-cells');
    expect(f.message.zh).toBe('7个单元格无法可靠读取，未参与计算：该行有2个数值单元格，模板为7个');
    expect(f.evidence.cells.map((c) => c.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((c) => `2.重复申请 · ${c}`));
    expect(f.evidence.cells.every((c) => c.table === 'table3' && c.row === 'notProcessed.duplicate' && c.value === null)).toBe(true);
    // Sums over that row cannot run rather than guess.
    expect(outcomeOf(res, 'table3.outcome-sum')).toMatchObject({ status: 'cannot-run', reason: { en: 'unreadable cell in column 自然人' } });
  });
  // Regression, fixed (check, shared/src/checks/context.ts isEmpty + arithmetic.ts): an unreadable cell is a
  // blank cell with `doubt`, and isEmpty() does not look at `doubt`; a row whose cells are all
  // unreadable counts as "nothing reported" and is skipped, so table3.row-sum reports 'pass' although
  // the 2.重复申请 row could not be checked. Expected: 'cannot-run' ("unreadable cell in row
  // notProcessed.duplicate"). Actual: 'pass'. (The same skip applies to identity/outcome-sum columns
  // whose only non-blank cell is the unreadable one.)
  it('table3.row-sum says cannot-run, not pass, when a whole row is unreadable', () => {
    const res = run(html(report001().t3('2.重复申请', 4, '3件（含重复）').html()));
    expect(outcomeOf(res, 'table3.row-sum').status).toBe('cannot-run');
  });
  itFires('structure.unreadable-cells', 'a garbled 一、本年新收 row makes identity and prose.received cannot-run', () => {
    const h = report001();
    h.t3('本年新收', 3, '1人');
    const res = run(html(h.html()));
    expectFires(res, 'structure.unreadable-cells');
    expect(outcomeOf(res, 'table3.identity')).toMatchObject({ status: 'cannot-run', reason: { zh: '“自然人”列有无法读取的单元格' } });
    expect(outcomeOf(res, 'prose.received')).toMatchObject({ status: 'cannot-run', reason: { en: 'table 3 cells unreadable' } });
  });
  itPasses('structure.unreadable-cells', 'report001.html reads every cell', () => expectPasses(base(), 'structure.unreadable-cells'));
  itPasses('structure.unreadable-cells', 'seed 000 (blank cells as runs of spaces) reads every cell', () => expectPasses(run(text(seedText('000'))), 'structure.unreadable-cells'));
});

describe('structure.year', () => {
  const PERIOD_AFTER = '现将2020年政府信息公开情况报告如下';
  itFires('structure.year', 'a 2020 report whose 统计期限 still says 2019 (last year’s text reused)', () => {
    const h = report001();
    h.addParaAfter(PERIOD_AFTER, '本报告中所列数据统计期限为2019年1月1日至12月31日。');
    const res = run(html(h.html()));
    const f = only(res, 'structure.year');
    expectFires(res, 'structure.year');
    expect(f.evidence.left).toBe(2020);
    expect(f.evidence.right).toBe(2019);
    expect(f.message.zh).toBe('标题为2020年度，统计期限为2019-01-01至2019-12-31');
    expect(f.evidence.sentences.map((s) => s.text)).toEqual(['2019-01-01 – 2019-12-31']);
  });
  itFires('structure.year', 'a 2021 report whose period sentence says 2020', () => {
    const f = only(run(html(report2021({ periodYear: 2020 }))), 'structure.year');
    expect([f.evidence.left, f.evidence.right]).toEqual([2021, 2020]);
  });
  itPasses('structure.year', 'report001 with a matching 2020 statistical period', () => {
    const h = report001();
    h.addParaAfter(PERIOD_AFTER, '本报告中所列数据统计期限为2020年1月1日至12月31日。');
    expectPasses(run(html(h.html())), 'structure.year');
  });
  itPasses('structure.year', 'seed 000 (2020, period 2020-01-01 to 12-31)', () => expectPasses(run(text(seedText('000'))), 'structure.year'));
  it('structure.year cannot run when no statistical period is stated (report001.html)', () => {
    expect(outcomeOf(base(), 'structure.year')).toEqual({ id: 'structure.year', status: 'cannot-run', reason: { zh: '未找到统计期限', en: 'no statistical period stated' } });
  });
});

describe('template.mismatch', () => {
  itFires('template.mismatch', 'a 2021 report still laid out on the 2019 template (report001 retitled 2021)', () => {
    const res = run(html(report001().titleYear(2020, 2021).html()));
    const f = only(res, 'template.mismatch');
    expectFires(res, 'template.mismatch');
    expect(f.severity).toBe('error');
    expect(f.message.zh).toBe('2021年度报告应使用2021年版（国办公开办函〔2021〕30号）格式，但表二为2019年版、表三为2019年版');
    expect(f.message.en).toBe('A 2021 report must use the 2021 template, but table 2 uses the 2019 layout and table 3 uses the 2019 layout');
  });
  itFires('template.mismatch', 'the reverse: a 2020 report on the 2021 layout', () => {
    const f = only(run(html(report2021({ year: 2020, periodYear: 2020, publishedAt: '2021-01-20', signedAt: '2021年1月20日' }))), 'template.mismatch');
    expect(f.message.zh).toBe('2020年度报告应使用2019年版（国办公开办函〔2019〕60号）格式，但表二为2021年版、表三为2021年版');
  });
  itFires('template.mismatch', 'a 2021 report with the new table 3 but last year’s table 2 pasted in', () => {
    const $ = cheerio.load(report2021());
    const $old = cheerio.load(report001Html());
    const oldT2 = $old('table').filter((_, el) => $old(el).text().includes('第二十条')).first();
    $('table').filter((_, el) => $(el).text().includes('第二十条')).first().replaceWith($old.html(oldT2));
    const f = only(run(html($.html())), 'template.mismatch');
    expect(f.message.zh).toBe('2021年度报告应使用2021年版（国办公开办函〔2021〕30号）格式，但表二为2019年版');
  });
  itPasses('template.mismatch', 'the 2020 report001.html on the 2019 template', () => expectPasses(base(), 'template.mismatch'));
  itPasses('template.mismatch', 'a 2021 report on the 2021 template', () => expectPasses(run(html(report2021())), 'template.mismatch'));
  itPasses('template.mismatch', 'a 2022 report on the 2021 template', () => {
    expectPasses(run(html(report2021({ year: 2022, publishedAt: '2023-01-18', signedAt: '2023年1月18日' }))), 'template.mismatch');
  });
  it('template.mismatch cannot run without any table to judge (seed 004)', () => {
    expect(outcomeOf(run(text(seedText('004'))), 'template.mismatch')).toEqual({ id: 'template.mismatch', status: 'cannot-run',
      reason: { zh: '没有可判断格式的表格', en: 'no table to judge the layout from' } });
    expect(status(run(text(seedText('003'))), 'template.mismatch')).toBe('cannot-run');
  });
});
