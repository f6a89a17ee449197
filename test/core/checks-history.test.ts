/**
 * Timeliness (Article 49 deadline) and cross-year checks. Cross-year cases use the same agency's
 * reports: report001.html (嘉兴市生态环境局, 2020), a 2019 copy of it with last year's numbers, and
 * 2021/2022 reports from the 2021-template builder for the same agency.
 */
import { describe, expect, it } from 'vitest';
import { report001, report001Html, seedText } from '../helpers/fixtures.ts';
import { report2021, DEFAULT_T3 } from '../helpers/report2021.ts';
import { expectFires, expectPasses, findingAt, findings, html, itFires, itPasses, only, outcomeOf, run, text } from '../helpers/checks.ts';
import type { Report } from '../../shared/src/index.ts';

const r2020 = () => html(report001Html());

/** The agency's 2019 report: report001 retitled, with the mutations given (last year's figures). */
function r2019(edit: (h: ReturnType<typeof report001>) => void = () => {}): Report {
  const h = report001().titleYear(2020, 2019);
  edit(h);
  const r = html(h.html());
  expect(r.year).toBe(2019);
  return r;
}

/** 2019 figures that lead exactly to the 2020 report: 四 = 2020's 二; 上一年项目数量 + 增/减 = 2020's. */
function consistent2019(h: ReturnType<typeof report001>): void {
  h.t3('四、结转下年度继续办理', 0, '0').t3('四、结转下年度继续办理', 3, '0').t3('四、结转下年度继续办理', 6, '');
  h.t2('行政处罚', 0, '81').t2('行政处罚', 1, '49（+）');
  h.t2('行政强制', 0, '3').t2('行政强制', 1, '1（+）');
}

describe('timeliness.deadline', () => {
  itFires('timeliness.deadline', 'a department (…局) publishing its 2020 report on 2021-02-05, after 31 January', () => {
    const r = html(report001().meta('发布日期：2021-02-05　来源：嘉兴市生态环境局').html());
    expect(r.publishedAt).toBe('2021-02-05');
    const res = run(r);
    const f = only(res, 'timeliness.deadline');
    expectFires(res, 'timeliness.deadline');
    expect(f.severity).toBe('warning');
    expect(f.evidence.expression).toBe('2021-02-05 > 2021-01-31');
    expect(f.message.zh).toBe('2021-02-05发布，晚于部门报告期限2021-01-31共5天');
    expect(f.evidence.sentences.map((s) => s.text)).toEqual(['2021-02-05']);
  });
  itFires('timeliness.deadline', 'a government (…人民政府) publishing on 2021-04-02, after 31 March', () => {
    const r = html(report001().title('嘉兴市人民政府2020年度政府信息公开工作年度报告').meta('发布日期：2021-04-02').html());
    expect(r.agency).toBe('嘉兴市人民政府');
    const f = only(run(r), 'timeliness.deadline');
    expect(f.message.zh).toBe('2021-04-02发布，晚于政府报告期限2021-03-31共2天');
  });
  itFires('timeliness.deadline', 'a stricter local rule (departments by 28 January) catches 2021-01-30', () => {
    const r = html(report001().meta('发布日期：2021-01-30').html());
    expectPasses(run(r), 'timeliness.deadline');
    const f = only(run(r, { deadlines: { department: '01-28' } }), 'timeliness.deadline');
    expect(f.evidence.expression).toBe('2021-01-30 > 2021-01-28');
  });
  itFires('timeliness.deadline', 'the date under the signature of a 2021 report (2022年2月8日) when the page has no metadata', () => {
    const r = html(report2021({ publishedAt: null, signedAt: '2022年2月8日' }));
    expect(r.publishedAt).toBe('2022-02-08');
    expect(only(run(r), 'timeliness.deadline').evidence.expression).toBe('2022-02-08 > 2022-01-31');
  });
  itFires('timeliness.deadline', 'the date in a TRS-style URL (./202102/t20210205_…) when the page states none', () => {
    const r = html(report001Html(), { url: 'http://sthjj.jiaxing.gov.cn/art/xxgk/202102/t20210205_1234567.html' });
    expect(r.publishedAt).toBe('2021-02-05');
    expectFires(run(r), 'timeliness.deadline');
  });
  itPasses('timeliness.deadline', 'a department publishing on 2021-01-28', () => {
    expectPasses(run(html(report001().meta('发布日期：2021-01-28').html())), 'timeliness.deadline');
  });
  itPasses('timeliness.deadline', 'a government publishing on 2021-03-15 (would be late for a department)', () => {
    expectPasses(run(html(report001().title('嘉兴市人民政府2020年度政府信息公开工作年度报告').meta('发布日期：2021-03-15').html())), 'timeliness.deadline');
  });
  itPasses('timeliness.deadline', 'seed 002 signed 2020年1月16日 for 2019', () => {
    const r = text(seedText('002'));
    expect(r.publishedAt).toBe('2020-01-16');
    expectPasses(run(r), 'timeliness.deadline');
  });
  itPasses('timeliness.deadline', 'published on the deadline day itself (2022-01-31)', () => {
    expectPasses(run(html(report2021({ publishedAt: '2022-01-31' }))), 'timeliness.deadline');
  });
  // Regression, fixed (domain, shared/src/parse/meta.ts agencyKind): every …人民政府 gets the 31 March deadline,
  // but Article 49 gives 31 March only to the reports of county-level-and-above governments; a town
  // (镇/乡人民政府) is an agency like any department and must publish its own report by 31 January.
  // Expected: a 镇人民政府 2021 report published 2022-02-20 fires (20 days late). Actual: passes.
  itFires('timeliness.deadline', 'a town government (嘉善县西塘镇人民政府) publishing on 2022-02-20', () => {
    const res = run(html(report2021({ agency: '嘉善县西塘镇人民政府', publishedAt: '2022-02-20', signedAt: null })));
    expect(only(res, 'timeliness.deadline').evidence.expression).toBe('2022-02-20 > 2022-01-31');
  });
  it('timeliness.deadline cannot run without a publication date (report001.html as is)', () => {
    expect(outcomeOf(run(r2020()), 'timeliness.deadline')).toEqual({ id: 'timeliness.deadline', status: 'cannot-run',
      reason: { zh: '未知发布日期', en: 'publication date unknown' } });
  });
});

describe('history.* not-applicable / cannot-run', () => {
  it('all history checks are not-applicable without other years', () => {
    const res = run(r2020());
    for (const id of ['history.carry-over', 'history.table2-stock', 'history.copy-paste', 'history.missing-year']) {
      expect(outcomeOf(res, id)).toEqual({ id, status: 'not-applicable', reason: { zh: '没有该机关其他年度的报告', en: 'no other years of this agency given' } });
    }
  });
  it('a report of the same year in the history is ignored (not-applicable)', () => {
    expect(outcomeOf(run(r2020(), { history: [r2020()] }), 'history.carry-over').status).toBe('not-applicable');
  });
  it('year-to-year checks cannot run when only an older, non-adjacent year is given', () => {
    const res = run(r2020(), { history: [html(report001().titleYear(2020, 2018).html())] });
    for (const id of ['history.carry-over', 'history.table2-stock', 'history.copy-paste']) {
      expect(outcomeOf(res, id)).toEqual({ id, status: 'cannot-run', reason: { zh: '没有2019年度报告', en: 'no 2019 report' } });
    }
  });
  it('history.carry-over cannot run when last year had no table 3 (seed 003 layout)', () => {
    const h = report001().titleYear(2020, 2019);
    h.table3().remove();
    expect(outcomeOf(run(r2020(), { history: [html(h.html())] }), 'history.carry-over')).toMatchObject({ status: 'cannot-run', reason: { en: 'table 3 missing in this or last year' } });
  });
});

describe('history.carry-over (二、上年结转 = last year’s 四、结转下年度继续办理)', () => {
  itFires('history.carry-over', '2020 reports no carried-over application, but the 2019 report carried one forward', () => {
    const res = run(r2020(), { history: [r2019()] });
    expectFires(res, 'history.carry-over');
    expect(findings(res, 'history.carry-over')).toHaveLength(2);
    const f = findingAt(res, 'history.carry-over', '二、上年结转 · 自然人');
    expect(f.severity).toBe('error');
    expect(f.evidence.expression).toBe('2020年 二、上年结转 = 0 ≠ 2019年 四、结转下年度 = 1');
    expect([f.evidence.left, f.evidence.right, f.evidence.otherYear]).toEqual([0, 1, 2019]);
    expect(f.evidence.cells.map((c) => [c.table, c.label, c.value])).toEqual([
      ['table3', '二、上年结转 · 自然人', 0], ['table3@2019', '四、结转下年度 · 自然人', 1]]);
    expect(f.message.zh).toBe('“自然人”列：2020年 二、上年结转 = 0 ≠ 2019年 四、结转下年度 = 1');
    const g = findingAt(res, 'history.carry-over', '二、上年结转 · 总计');
    expect(g.evidence.expression).toBe('2020年 二、上年结转 = 空 ≠ 2019年 四、结转下年度 = 1');
  });
  itFires('history.carry-over', 'a 2021 report carrying over 2 while the 2020 report carried forward 1', () => {
    const r = html(report2021({ table3: {
      carriedOver: [2, 0, 0, 0, 0, 0, 2], newReceived: [30, 2, 0, 1, 0, 0, 33] },
    prose: { applications: '2021年，我局共收到政府信息公开申请33件，上年结转2件。' } }));
    expectPasses(run(r), 'table3.identity');
    const res = run(r, { history: [r2020()] });
    const labels = findings(res, 'history.carry-over').map((f) => f.evidence.cells[0]!.label);
    expect(labels).toEqual(['二、上年结转 · 自然人', '二、上年结转 · 总计']);
    expect(findingAt(res, 'history.carry-over', '二、上年结转 · 总计').evidence.expression).toBe('2021年 二、上年结转 = 2 ≠ 2020年 四、结转下年度 = 1');
  });
  itPasses('history.carry-over', '2020 二 (0) follows the 2019 report that carried nothing forward', () => {
    expectPasses(run(r2020(), { history: [r2019(consistent2019)] }), 'history.carry-over');
  });
  itPasses('history.carry-over', 'the 2021 report (2021 template) continues the 2020 report (2019 template): 1 carried over', () => {
    expect(DEFAULT_T3.carriedOver).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expectPasses(run(html(report2021()), { history: [r2020()] }), 'history.carry-over');
  });
});

describe('history.table2-stock', () => {
  itFires('history.table2-stock', '2019 template: 2019 行政处罚 130 + 49 ≠ 2020 上一年项目数量 130 (the 2019 copy keeps 2020’s figures)', () => {
    const res = run(r2020(), { history: [r2019()] });
    expectFires(res, 'history.table2-stock');
    expect(findings(res, 'history.table2-stock').map((f) => f.message.zh)).toEqual([
      '行政处罚：2019年 130 + 49 = 179 ≠ 2020年 上一年项目数量 130',
      '行政强制：2019年 4 + 13 = 17 ≠ 2020年 上一年项目数量 4',
    ]);
    const f = findingAt(res, 'history.table2-stock', '行政处罚 · 上一年项目数量');
    expect([f.evidence.left, f.evidence.right, f.evidence.otherYear]).toEqual([130, 179, 2019]);
    expect(f.evidence.cells.map((c) => [c.table, c.label, c.raw])).toEqual([
      ['table2', '行政处罚 · 上一年项目数量', '130'], ['table2@2019', '2019 行政处罚 · 上一年项目数量', '130'], ['table2@2019', '2019 行政处罚 · 本年增/减', '49（+）']]);
  });
  itFires('history.table2-stock', '2021 template: 现行有效 15 ≠ 12 (2021) + 4 issued − 2 repealed', () => {
    const prev = html(report2021());
    const cur = html(report2021({ year: 2022, publishedAt: '2023-01-18', signedAt: '2023年1月18日', table2: { 行政规范性文件: [4, 2, 15] } }));
    const res = run(cur, { history: [prev] });
    const f = only(res, 'history.table2-stock');
    expectFires(res, 'history.table2-stock');
    expect(f.evidence.expression).toBe('2021年现行有效 12 + 制发 4 − 废止 2 = 14 ≠ 2022年现行有效 15');
    expect([f.evidence.left, f.evidence.right, f.evidence.otherYear]).toEqual([15, 14, 2021]);
    expect(f.evidence.cells.map((c) => [c.table, c.label, c.value])).toEqual([
      ['table2', '行政规范性文件 · 本年制发件数', 4], ['table2', '行政规范性文件 · 本年废止件数', 2], ['table2', '行政规范性文件 · 现行有效件数', 15],
      ['table2@2021', '2021 行政规范性文件 · 现行有效件数', 12]]);
  });
  itPasses('history.table2-stock', '2019 template: every 上一年项目数量 follows from 2019 (81 + 49 = 130, 3 + 1 = 4, …)', () => {
    expectPasses(run(r2020(), { history: [r2019(consistent2019)] }), 'history.table2-stock');
  });
  itPasses('history.table2-stock', '2021 template: 12 + 4 − 2 = 14 现行有效', () => {
    const cur = html(report2021({ year: 2022, publishedAt: '2023-01-18', signedAt: '2023年1月18日', table2: { 行政规范性文件: [4, 2, 14] } }));
    expectPasses(run(cur, { history: [html(report2021())] }), 'history.table2-stock');
  });
  it('history.table2-stock does not apply across the template change (2021 layout vs 2019 layout)', () => {
    expect(outcomeOf(run(html(report2021()), { history: [r2020()] }), 'history.table2-stock')).toEqual({ id: 'history.table2-stock', status: 'not-applicable',
      reason: { zh: '两年表二格式不同', en: 'the two years use different table 2 layouts' } });
  });
});

describe('history.copy-paste (sections 五/六 nearly identical to last year’s)', () => {
  itFires('history.copy-paste', 'section 五 of 2020 is the 2019 text with only the years changed', () => {
    const prev = r2019((h) => {
      h.editPara('（二）2020年改进情况', '2020年', '2019年');
      h.editPara('（三）2021年进一步改进措施', '2021年', '2020年');
      h.editPara('2021年市生态环境局将从两方面', '2021年', '2020年');
    });
    const res = run(r2020(), { history: [prev] });
    const f = only(res, 'history.copy-paste');
    expectFires(res, 'history.copy-paste');
    expect(f.message.zh).toBe('第五部分与2019年度报告相似度100%（内容雷同）');
    expect([f.evidence.left, f.evidence.right, f.evidence.otherYear]).toEqual([1, 0.9, 2019]);
    expect(f.evidence.sentences).toHaveLength(2);
    expect(f.evidence.sentences[0]!.text).toContain('（一）存在的主要问题');
  });
  itFires('history.copy-paste', 'a 2022 report reusing the 2021 sections 五 and 六 word for word (years aside)', () => {
    const cur = html(report2021({ year: 2022, publishedAt: '2023-01-18', signedAt: '2023年1月18日' }));
    const res = run(cur, { history: [html(report2021())] });
    expect(findings(res, 'history.copy-paste').map((f) => f.message.zh.replace(/相似度\d+%/, '相似度…'))).toEqual([
      '第五部分与2021年度报告相似度…（内容雷同）', '第六部分与2021年度报告相似度…（内容雷同）']);
    for (const f of findings(res, 'history.copy-paste')) expect(f.evidence.left).toBeGreaterThanOrEqual(0.9);
  });
  itPasses('history.copy-paste', 'the 2019 report describes different problems (seed 000’s section 五 text)', () => {
    const prev = r2019((h) => {
      h.para('（一）存在的主要问题。').text('（一）存在的主要问题。学习培训的系统性有待进一步提升。尽管在日常工作例会和专题会议上，注重加强政务公开工作管理、教育和提醒，但对局系统政务公开工作的系统性学习培训还不够，有待进一步加强。');
      h.para('（二）2020年改进情况。').text('（二）工作改进情况。政务公开平台有待进一步整合完善。尽管进行了整合优化，尚有一些信息分散在不同平台，下一步需结合局系统内部综合信息平台开发，进一步整合完善。');
      h.removePara('（三）2021年进一步改进措施');
      h.removePara('2021年市生态环境局将从两方面');
      h.removePara('1.按照上级要求');
      h.removePara('2.进一步完善各科室');
    });
    expectPasses(run(r2020(), { history: [prev] }), 'history.copy-paste');
  });
  itPasses('history.copy-paste', 'a 2022 report with new problems and new other items', () => {
    const cur = html(report2021({ year: 2022, publishedAt: '2023-01-18', signedAt: '2023年1月18日', prose: {
      problems: '（一）上年度问题整改情况。2021年度报告指出的依申请公开答复文书不规范问题，已通过统一文书模板、建立法律顾问审核机制予以解决。\n（二）存在的主要问题。政策解读的针对性不强，图解、视频等形式运用较少；重点领域信息公开的及时性有待提高。\n（三）改进措施。2023年将建立政策解读联络员制度，每季度开展一次重点领域信息公开专项检查。',
      other: '（一）收取信息处理费情况。本年度共收取信息处理费0万元。\n（二）人大代表建议和政协提案办理结果公开情况。2022年我局承办的18件建议提案答复全文均已在门户网站公开。' } }));
    expectPasses(run(cur, { history: [html(report2021())] }), 'history.copy-paste');
  });
});

describe('history.missing-year', () => {
  itFires('history.missing-year', 'reports for 2018 and 2020 but none for 2019', () => {
    const res = run(r2020(), { history: [html(report001().titleYear(2020, 2018).html())] });
    const f = only(res, 'history.missing-year');
    expectFires(res, 'history.missing-year');
    expect(f.severity).toBe('info');
    expect(f.message).toEqual({ zh: '缺少2019年度报告', en: 'No report for 2019' });
  });
  itFires('history.missing-year', 'a 2022 report with only the 2019 and 2020 reports on the portal', () => {
    const cur = html(report2021({ year: 2022, publishedAt: '2023-01-18', signedAt: '2023年1月18日' }));
    expect(only(run(cur, { history: [r2019(), r2020()] }), 'history.missing-year').message.zh).toBe('缺少2021年度报告');
  });
  itPasses('history.missing-year', '2019 and 2020 both present', () => {
    expectPasses(run(r2020(), { history: [r2019(consistent2019)] }), 'history.missing-year');
  });
  itPasses('history.missing-year', '2019–2022 all present (two templates)', () => {
    const cur = html(report2021({ year: 2022, publishedAt: '2023-01-18', signedAt: '2023年1月18日' }));
    expectPasses(run(cur, { history: [r2019(), r2020(), html(report2021())] }), 'history.missing-year');
  });
});
