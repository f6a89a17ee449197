/**
 * Narrative against tables: figures the prose states must match the report's own tables. Seed 000's
 * prose restates every table-3 figure and matches; seed 001 / report001.html says 28 received against
 * 29 in table 3. Mutations change one figure in the real prose.
 */
import { describe, expect, it } from 'vitest';
import { replaceOnce, report001, report001Html, seedText } from '../helpers/fixtures.ts';
import { report2021 } from '../helpers/report2021.ts';
import { expectFires, expectPasses, findings, html, itFires, itPasses, only, outcomeOf, run, text } from '../helpers/checks.ts';

const seed000 = (from: string, to: string) => run(text(replaceOnce(seedText('000'), from, to)));

describe('prose.received', () => {
  itFires('prose.received', 'seed 001 (text dump) says 共收到依申请公开28件; table 3 一 总计 is 29', () => {
    const res = run(text(seedText('001')));
    const f = only(res, 'prose.received');
    expectFires(res, 'prose.received');
    expect(f.severity).toBe('warning');
    expect([f.evidence.left, f.evidence.right]).toEqual([28, 29]);
    expect(f.evidence.expression).toBe('正文 28 ≠ 表三 一、本年新收 29');
    expect(f.message.zh).toBe('正文称收到申请28件（“共收到依申请公开28件”），表三为29件');
    expect(f.evidence.cells.map((c) => [c.label, c.value])).toEqual([['一、本年新收 · 总计', 29]]);
    expect(f.evidence.sentences).toHaveLength(1);
    expect(f.evidence.sentences[0]!.text).toContain('2020年，我局共收到依申请公开28件');
  });
  itFires('prose.received', 'report001.html (same report as published HTML) points at the 29 cell', () => {
    const f = only(run(html(report001Html())), 'prose.received');
    expect([f.evidence.left, f.evidence.right]).toEqual([28, 29]);
    expect(f.evidence.cells[0]!.source).toMatchObject({ kind: 'grid', table: 1, row: 3, cell: 7 });
  });
  itFires('prose.received', 'a 2021 report whose prose says 36 received against 34 in the table', () => {
    const res = run(html(report2021({ prose: { applications: '2021年，我局共收到政府信息公开申请36件，均在法定期限内答复。' } })));
    const f = only(res, 'prose.received');
    expect(f.evidence.expression).toBe('正文 36 ≠ 表三 一、本年新收 34');
  });
  // Regression, fixed (parser, prose.ts 'received' pattern): (?:收到|受理|接收|接到)…申请N件 also reads
  // applications for administrative services, which government reports cite in section 一
  // ("政务服务窗口共受理申请3256件"). Expected: prose.received passes (the disclosure figure, 共收到政府
  // 信息公开申请34件, matches). Actual: fires "正文 3256 ≠ 表三 一、本年新收 34".
  itPasses('prose.received', 'a 政务服务 figure (窗口共受理申请3256件) is not read as disclosure applications', () => {
    const res = run(html(report2021({ prose: { proactive: '2021年，我局政务服务窗口共受理申请3256件，办结率100%。全年制发行政规范性文件3件。' } })));
    expectPasses(res, 'prose.received');
  });
  itPasses('prose.received', 'report001 with the prose corrected to 29', () => {
    expectPasses(run(html(report001().editPara('共收到依申请公开28件', '28件', '29件').html())), 'prose.received');
  });
  itPasses('prose.received', 'seed 000: 共收到政府信息公开申请 84 件 = 一 84', () => expectPasses(run(text(seedText('000'))), 'prose.received'));
  itPasses('prose.received', 'seed 002: 受理并办理依申请公开46件 = 一+二 = 45+1', () => expectPasses(run(text(seedText('002'))), 'prose.received'));
  it('prose.* are not-applicable when the prose states no such figure, cannot-run without table 3', () => {
    const res = run(html(report001Html()));
    expect(outcomeOf(res, 'prose.carried-over')).toEqual({ id: 'prose.carried-over', status: 'not-applicable', reason: { zh: '正文未给出相应数字', en: 'the text states no such figure' } });
    expect(outcomeOf(run(text(seedText('003'))), 'prose.received')).toMatchObject({ status: 'cannot-run', reason: { en: 'no table 3 to compare "共收到和受理政府信息公开申请11件" with' } });
  });
});

describe('prose.carried-over', () => {
  itFires('prose.carried-over', 'seed 000 with the prose saying 上年结转 3 件 (table: 2)', () => {
    const res = seed000('有上年结转 2 件', '有上年结转 3 件');
    const f = only(res, 'prose.carried-over');
    expectFires(res, 'prose.carried-over');
    expect([f.evidence.left, f.evidence.right]).toEqual([3, 2]);
    expect(f.evidence.expression).toBe('正文 3 ≠ 表三 二、上年结转 2');
    expect(f.message.zh).toBe('正文称上年结转3件（“上年结转3件”），表三为2件');
    expect(f.evidence.cells.map((c) => [c.label, c.value])).toEqual([['二、上年结转 · 总计', 2]]);
    expect(f.evidence.sentences[0]!.text).toContain('共收到政府信息公开申请');
  });
  itFires('prose.carried-over', 'a 2021 report that says 上年结转2件 while table 3 carries over 1', () => {
    const f = only(run(html(report2021({ prose: { applications: '2021年，我局共收到政府信息公开申请34件，上年结转2件。' } }))), 'prose.carried-over');
    expect([f.evidence.left, f.evidence.right]).toEqual([2, 1]);
  });
  itPasses('prose.carried-over', 'seed 000 as published (上年结转 2 件)', () => expectPasses(run(text(seedText('000'))), 'prose.carried-over'));
  itPasses('prose.carried-over', 'a consistent 2021 report', () => expectPasses(run(html(report2021())), 'prose.carried-over'));
});

describe('prose.carried-forward', () => {
  itFires('prose.carried-forward', 'seed 000 with the prose saying 3 件结转下年度 (table: 2)', () => {
    const res = seed000('2 件结转下年度', '3 件结转下年度');
    const f = only(res, 'prose.carried-forward');
    expectFires(res, 'prose.carried-forward');
    expect([f.evidence.left, f.evidence.right]).toEqual([3, 2]);
    expect(f.evidence.expression).toBe('正文 3 ≠ 表三 四、结转下年度 2');
    expect(f.evidence.cells.map((c) => [c.label, c.value])).toEqual([['四、结转下年度 · 总计', 2]]);
  });
  itFires('prose.carried-forward', 'report001 with a sentence 结转下年度继续办理2件 (table: 1)', () => {
    const h = report001().addParaAfter('共收到依申请公开28件', '截至12月31日，结转下年度继续办理2件。');
    const f = only(run(html(h.html())), 'prose.carried-forward');
    expect([f.evidence.left, f.evidence.right]).toEqual([2, 1]);
    expect(f.evidence.sentences.map((s) => s.text)).toEqual(['截至12月31日，结转下年度继续办理2件。']);
  });
  itPasses('prose.carried-forward', 'seed 000 as published', () => expectPasses(run(text(seedText('000'))), 'prose.carried-forward'));
  itPasses('prose.carried-forward', 'report001 with 结转下年度继续办理1件', () => {
    expectPasses(run(html(report001().addParaAfter('共收到依申请公开28件', '截至12月31日，结转下年度继续办理1件。').html())), 'prose.carried-forward');
  });
});

describe('prose.outcomes', () => {
  itFires('prose.outcomes', 'seed 000 saying 公开及部分公开 52 件 (table: 42 + 11 = 53)', () => {
    const res = seed000('公开及部分公开 53 件', '公开及部分公开 52 件');
    const f = only(res, 'prose.outcomes');
    expectFires(res, 'prose.outcomes');
    expect([f.evidence.left, f.evidence.right]).toEqual([52, 53]);
    expect(f.evidence.expression).toBe('正文 52 ≠ 表三 （一）+（二） 42+11 = 53');
    expect(f.message.zh).toBe('正文称公开及部分公开52件（“公开及部分公开52件”），表三为53件');
    expect(f.evidence.cells.map((c) => [c.label, c.value])).toEqual([['（一）予以公开 · 总计', 42], ['（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计', 11]]);
  });
  itFires('prose.outcomes', 'seed 000 saying 其他处理 5 件 (table: 4)', () => {
    const f = only(seed000('其他处理 4 件', '其他处理 5 件'), 'prose.outcomes');
    expect(f.evidence.expression).toBe('正文 5 ≠ 表三 （六）其他处理 4');
  });
  itFires('prose.outcomes', 'seed 000 saying 24件…无法提供 (table: 25)', () => {
    const f = only(seed000('25件为本机关不掌握信息无法提供', '24件为本机关不掌握信息无法提供'), 'prose.outcomes');
    expect([f.evidence.left, f.evidence.right]).toEqual([24, 25]);
  });
  itFires('prose.outcomes', '2021 report: prose 不予公开2件 vs the eight 不予公开 rows summing to 1', () => {
    const res = run(html(report2021({ prose: { applications: '2021年，我局共收到政府信息公开申请34件。其中予以公开19件，部分公开3件，不予公开2件。' } })));
    const f = only(res, 'prose.outcomes');
    expect(f.evidence.expression).toBe('正文 2 ≠ 表三 （三）不予公开 0+0+0+1+0+0+0+0 = 1');
    expect(f.evidence.cells).toHaveLength(8);
  });
  itFires('prose.outcomes', '2021 report: prose 其他处理 counts the three （六） rows (1+1+0 = 2 ≠ 1)', () => {
    const res = run(html(report2021({ table3: {
      'other.unpaidFee': [1, 0, 0, 0, 0, 0, 1], newReceived: [32, 2, 0, 1, 0, 0, 35], total: [32, 2, 0, 1, 0, 0, 35] },
    prose: { applications: '2021年，我局共收到政府信息公开申请35件，其他处理1件。' } })));
    const f = only(res, 'prose.outcomes');
    expect(f.evidence.expression).toBe('正文 1 ≠ 表三 （六）其他处理 1+1+0 = 2');
  });
  itPasses('prose.outcomes', 'seed 000 as published (53 公开及部分公开, 1 不予公开, 25 无法提供, 4 其他处理)', () => expectPasses(run(text(seedText('000'))), 'prose.outcomes'));
  itPasses('prose.outcomes', 'a consistent 2021 report stating every outcome', () => {
    const res = run(html(report2021()));
    expect(res.findings).toEqual([]);
    expectPasses(res, 'prose.outcomes');
  });
  // Regression, fixed (parser, shared/src/parse/prose.ts PATTERNS 'denied' / 'unable' / 'notProcessed'):
  // `${N}件[^，,。；;]{0,12}?不予公开` does not stop at the enumeration comma 、, so the very common
  // listing "予以公开19件、部分公开3件、不予公开1件、无法提供8件、不予处理2件" also yields
  // denied=19 ("19件、部分公开3件、不予公开"), unable=19 and notProcessed=1. Expected: prose.outcomes
  // passes (every figure matches table 3). Actual: three false warnings
  // "正文 19 ≠ 表三 （三）不予公开 … = 1", "正文 19 ≠ 表三 （四）无法提供 8+0+0 = 8",
  // "正文 1 ≠ 表三 （五）不予处理 0+2+0+0+0 = 2".
  itPasses('prose.outcomes', 'outcomes enumerated with 、 (予以公开19件、部分公开3件、不予公开1件…) all match', () => {
    const res = run(html(report2021({ prose: { applications:
      '2021年，我局共收到政府信息公开申请34件，上年结转1件。其中予以公开19件、部分公开3件、不予公开1件、无法提供8件、不予处理2件、其他处理1件，结转下年度继续办理1件。' } })));
    expectPasses(res, 'prose.outcomes');
  });
});

describe('prose.table4', () => {
  itFires('prose.table4', 'report001 claiming no review or litigation while table 4 shows one review', () => {
    const h = report001().addParaAfter('共收到依申请公开28件', '全年未发生因政府信息公开引起的行政复议和行政诉讼。');
    const res = run(html(h.html()));
    const f = only(res, 'prose.table4');
    expectFires(res, 'prose.table4');
    expect([f.evidence.left, f.evidence.right]).toEqual([0, 1]);
    expect(f.evidence.expression).toBe('正文 0 ≠ 表四 1+0+0 = 1');
    expect(f.message.zh).toBe('正文称行政复议和行政诉讼为零（“未发生因政府信息公开引起的行政复议和行政诉讼”），表四总计为1：正文 0 ≠ 表四 1+0+0 = 1');
    expect(f.evidence.cells.map((c) => [c.label, c.value])).toEqual([
      ['行政复议 · 总计', 1], ['行政诉讼·未经复议直接起诉 · 总计', 0], ['行政诉讼·复议后起诉 · 总计', 0]]);
  });
  itFires('prose.table4', 'a 2021 report saying 行政复议案件2件 while table 4 has 1', () => {
    const f = only(run(html(report2021({ prose: { review: '2021年，我局发生政府信息公开行政复议案件2件，均已审结。' } }))), 'prose.table4');
    expect(f.evidence.expression).toBe('正文 2 ≠ 表四 1 = 1');
    expect(f.message.zh).toContain('正文称行政复议2件');
  });
  itPasses('prose.table4', 'seed 000: 未发生…行政复议及行政诉讼 and table 4 all zero', () => expectPasses(run(text(seedText('000'))), 'prose.table4'));
  itPasses('prose.table4', 'report001 stating its one review correctly', () => {
    expectPasses(run(html(report001().addParaAfter('共收到依申请公开28件', '2020年，我局发生政府信息公开行政复议1起，行政诉讼0起。').html())), 'prose.table4');
  });
  itPasses('prose.table4', 'a consistent 2021 report (行政复议案件1件, 行政诉讼案件0件)', () => expectPasses(run(html(report2021())), 'prose.table4'));
});

describe('prose.table2', () => {
  itFires('prose.table2', 'seed 000 saying 共计 9 个规范性文件 (table 2: 8)', () => {
    const res = seed000('共计 8 个规范性文件', '共计 9 个规范性文件');
    const f = only(res, 'prose.table2');
    expectFires(res, 'prose.table2');
    expect([f.evidence.left, f.evidence.right]).toEqual([9, 8]);
    expect(f.evidence.expression).toBe('正文 9 ≠ 表二 规范性文件·本年新制作数量 8');
    expect(f.evidence.cells.map((c) => [c.table, c.label, c.value])).toEqual([['table2', '规范性文件 · 本年新制作数量', 8]]);
  });
  itFires('prose.table2', 'a 2021 report saying 制发行政规范性文件5件 while table 2 says 3', () => {
    const f = only(run(html(report2021({ prose: { proactive: '2021年，我局全年制发行政规范性文件5件，均同步开展政策解读。' } }))), 'prose.table2');
    expect(f.evidence.expression).toBe('正文 5 ≠ 表二 行政规范性文件·本年制发件数 3');
  });
  itPasses('prose.table2', 'seed 000 as published (8 个规范性文件)', () => expectPasses(run(text(seedText('000'))), 'prose.table2'));
  itPasses('prose.table2', 'a consistent 2021 report (制发行政规范性文件3件)', () => expectPasses(run(html(report2021())), 'prose.table2'));
  it('prose.table2 cannot run when table 2 is only an infographic (seed 003)', () => {
    expect(outcomeOf(run(text(seedText('003'))), 'prose.table2')).toMatchObject({ status: 'cannot-run', reason: { en: 'no standard table 2 to compare "发布行政规范性文件3件" with' } });
  });
});

describe('seed expectations (expected.json mustFlag / mustNotFlag) in check terms', () => {
  it('seed 000 passes every arithmetic and prose check', () => {
    const res = run(text(seedText('000')));
    for (const id of ['table3.identity', 'table3.outcome-sum', 'table3.row-sum', 'table4.sum', 'prose.received', 'prose.carried-over', 'prose.carried-forward', 'prose.outcomes', 'prose.table4', 'prose.table2']) {
      expectPasses(res, id);
    }
  });
  it('seed 001 flags only the 28 vs 29 prose mismatch among content checks', () => {
    const res = run(text(seedText('001')));
    expect(res.findings.map((f) => f.id)).toEqual(['prose.received']);
    expect(findings(res, 'prose.received')).toHaveLength(1);
  });
});
