/**
 * Page titles that wrap the report's own title (issue 9, review G5): a bracketed tag (【年报】,
 * 〔转载〕, [图文]), a note in parentheses (（全文）, （摘要）, （修订版）), a notice about the report
 * (关于…的公告 / 关于印发…的通知), with or without the portal's name after a separator.
 * Input is the handbook's real report page (report001.html) with only its <title> changed.
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../shared/src/index.ts';
import { splitTitle, unwrapReportTitle } from '../../shared/src/parse/title-agency.ts';
import { documentBytes } from './fixtures.ts';

const html = new TextDecoder().decode(documentBytes('report001.html'));
const TITLE = '<title>市生态环境局2020年度政府信息公开工作年度报告</title>';
const OWN = '嘉兴市生态环境局2020年度政府信息公开工作年度报告';

function agencyWithTitle(title: string): string | null {
  expect(html).toContain(TITLE);
  const r = parseHtml(html.replace(TITLE, `<title>${title}</title>`));
  if (!r.ok) throw new Error(r.message.en);
  return r.report.agency;
}

describe('the report title inside a wrapped page title', () => {
  it.each([
    ['【年报】', `【年报】${OWN}`],
    ['〔转载〕', `〔转载〕${OWN}`],
    ['[图文]', `[图文]${OWN}`],
    ['（全文）', `${OWN}（全文）`],
    ['（摘要）', `${OWN}（摘要）`],
    ['（修订版）', `${OWN}（修订版）`],
    ['【全文】 at the end', `${OWN}【全文】`],
    ['关于…的公告', `关于${OWN}的公告`],
    ['关于印发…的通知', `关于印发${OWN}的通知`],
    ['关于公布…的通告', `关于公布${OWN}的通告`],
    ['a tag, a notice and a note together', `【年报】关于${OWN}（全文）的公告`],
  ])('%s', (_, title) => {
    expect(unwrapReportTitle(title)).toBe(OWN);
  });

  it('a bracketed agency name stays, without its brackets', () => {
    expect(unwrapReportTitle('【嘉兴市生态环境局】2020年度政府信息公开工作年度报告')).toBe(OWN);
  });

  it('a tag alone before the separator is not taken for the report', () => {
    expect(splitTitle(`[年报]-${OWN}_嘉兴市人民政府`)).toEqual({ report: OWN, sites: ['嘉兴市人民政府'] });
  });

  it('a title that names the report plainly is left as it is', () => {
    expect(unwrapReportTitle(OWN)).toBe(OWN);
    // 关于 inside the report's own words is not a notice.
    expect(unwrapReportTitle('关于X')).toBe('关于X');
  });
});

describe('agency from wrapped page titles (review repro: 全文 / 的公告 / 【】 were kept)', () => {
  it.each([
    [`${OWN}（全文）_嘉兴市人民政府`, '嘉兴市生态环境局'],
    [`${OWN}（摘要）-嘉兴市人民政府门户网站`, '嘉兴市生态环境局'],
    [`${OWN}（修订版）`, '嘉兴市生态环境局'],
    [`关于${OWN}的公告_嘉兴市人民政府`, '嘉兴市生态环境局'],
    [`关于印发${OWN}的通知`, '嘉兴市生态环境局'],
    [`【年报】${OWN}`, '嘉兴市生态环境局'],
    [`〔转载〕${OWN}｜嘉兴市人民政府`, '嘉兴市生态环境局'],
    // The report part names no agency once unwrapped: the site's name stands in.
    ['关于2020年度政府信息公开工作年度报告的公告__嘉兴市生态环境局', '嘉兴市生态环境局'],
    ['【年报】2020年度政府信息公开工作年度报告（全文）_嘉兴市生态环境局网站', '嘉兴市生态环境局'],
  ])('%s → %s', (title, agency) => {
    expect(agencyWithTitle(title)).toBe(agency);
  });
});
