/**
 * The words the panel shows a citizen: cross-year outcomes as statements, findings without check
 * ids or English in Chinese. Inputs are real checks over the fixture portal's water bureau reports
 * (2019 carries 2 forward, 2020 says 0 carried over) and seed 001.
 */
import { describe, expect, it } from 'vitest';
import { checkReport, parseHtml, type Finding, type Report } from '@gongkai/shared';
import { agencyBody, article, seed001Body } from '../fixtures/extension/pages.ts';
import { crossYear } from '../../extension/lib/cross-year.ts';
import { crossYearStatement } from '../../extension/lib/i18n.ts';

const water = (year: 2019 | 2020, body = agencyBody(year)): Report => {
  const html = article({ title: `市水利局${year}年度政府信息公开工作年度报告`, agency: '嘉兴市水利局', date: `${year + 1}-01-18`, body });
  const p = parseHtml(html, { url: `http://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/t${year + 1}0118_1.htm` });
  if (!p.ok) throw new Error(p.message.en);
  return p.report;
};
const r2019 = water(2019);
const r2020 = water(2020);
const statements = (report: Report, history: Report[], lang: 'zh' | 'en' = 'zh') => {
  const cross = crossYear(checkReport(report, { history }));
  return Object.fromEntries(cross.outcomes.map((o) => {
    const s = crossYearStatement(o, cross.findings, lang);
    return [o.id, `${s.label}：${s.value}${s.detail ? `（${s.detail}）` : ''}`];
  }));
};

describe('cross-year statements', () => {
  it('say the outcome, not the problem plus 通过', () => {
    const s = statements(r2020, [r2019]);
    // Two columns differ (自然人 and 总计); the 总计 column is the one quoted.
    expect(s['history.carry-over']).toBe('上年结转衔接：不一致（本年上年结转 0，2019年结转下年度 2，共 2 列不一致）');
    expect(s['history.missing-year']).toBe('往年报告：齐全');
    // Table 2: rows whose stock does not follow from last year's (行政处罚 130 where 130 + 49 = 179).
    expect(s['history.table2-stock']).toBe('表二存量衔接：不一致（本年 130，按2019年报告应为 179，共 2 项不一致）');
    expect(Object.values(s).join('')).not.toMatch(/通过|衔接不上|缺失/);
  });
  it('a consistent carry-over reads 一致; a gap names the missing year', () => {
    // 2020 as it should have read: carrying over what 2019 carried forward.
    const forward = r2019.table3!.rows.find((r) => r.key === 'carriedForward')!.cells;
    const fixed: Report = { ...r2020, table3: { ...r2020.table3!, rows: r2020.table3!.rows.map((r) => (r.key === 'carriedOver' ? { ...r, cells: forward } : r)) } };
    expect(statements(fixed, [r2019])['history.carry-over']).toBe('上年结转衔接：一致');
    // 2019 and 2021 without 2020 leave a gap.
    const r2021: Report = { ...r2020, year: 2021 };
    expect(statements(r2021, [r2019])['history.missing-year']).toBe('往年报告：缺 2020年');
    expect(statements(r2021, [r2019], 'en')['history.missing-year']).toBe('Earlier reports：missing 2020');
  });
  it('a check that cannot run says why', () => {
    const s = statements(r2020, [{ ...r2019, year: 2018 }]);
    expect(s['history.carry-over']).toBe('上年结转衔接：无法核对（没有2019年度报告）');
  });
});

describe('finding text', () => {
  // The panel shows a finding's message as the check wrote it: Chinese messages are Chinese at the
  // source (doubt reasons included), so nothing is reworded in the extension.
  const ENGLISH = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
  it('a Chinese message has no check id and no English, also where a cell could not be read', () => {
    const body = seed001Body().replace(/(<td[^>]*>[^<]*2\.重复申请<\/td>(?:<td[^>]*>[^<]*<\/td>){4})<td([^>]*)>[^<]*<\/td>/, '$1<td$2>3件（含重复）</td>');
    expect(body).not.toBe(seed001Body());
    const p = parseHtml(article({ title: '市生态环境局2020年度政府信息公开工作年度报告', agency: '嘉兴市生态环境局', date: '2021-01-20', body }));
    const findings: Finding[] = p.ok ? checkReport(p.report).findings : [];
    const unreadable = findings.find((x) => x.id === 'structure.unreadable-cells');
    expect(unreadable?.message.zh).toMatch(/无法可靠读取，未参与计算：该行有\d+个数值单元格，模板为7个/);
    for (const f of findings) {
      expect(f.message.zh).not.toMatch(ENGLISH);
      expect(f.message.zh).not.toContain(f.id);
    }
  });
});
