/**
 * Metadata and headings as real pages print them: page titles that carry the portal's name after
 * a separator, and section headings that join 行政复议 and 行政诉讼 with 与/和/及 or drop the numeral.
 * Input is the handbook's real report page (report001.html) with its <title> or one heading changed.
 */
import { describe, expect, it } from 'vitest';
import { checkReport, parseHtml, parseText } from '../../shared/src/index.ts';
import { splitTitle } from '../../shared/src/parse/title-agency.ts';
import { documentBytes, seedFiles, seedText } from './fixtures.ts';

const html = new TextDecoder().decode(documentBytes('report001.html'));
const TITLE = '<title>市生态环境局2020年度政府信息公开工作年度报告</title>';

function agencyWithTitle(title: string): string | null {
  expect(html).toContain(TITLE);
  const r = parseHtml(html.replace(TITLE, `<title>${title}</title>`));
  if (!r.ok) throw new Error(r.message.en);
  return r.report.agency;
}

describe('agency from a page title with the site name appended', () => {
  it.each([
    // TRS portals: "<article title>_<site>", sometimes with a double underscore.
    ['市生态环境局2020年度政府信息公开工作年度报告_嘉兴市生态环境局', '嘉兴市生态环境局'],
    ['嘉兴市生态环境局2020年度政府信息公开工作年度报告__嘉兴市人民政府', '嘉兴市生态环境局'],
    ['2020年度政府信息公开工作年度报告__嘉兴市生态环境局', '嘉兴市生态环境局'],
    // Hanweb / other CMSs: " - ", "｜", "——", a column name in between, the portal's 网站名.
    ['嘉兴市生态环境局2020年度政府信息公开工作年度报告 - 嘉兴市人民政府门户网站', '嘉兴市生态环境局'],
    ['嘉兴市生态环境局2020年度政府信息公开工作年度报告｜嘉兴市人民政府', '嘉兴市生态环境局'],
    ['2020年度政府信息公开工作年度报告——嘉兴市生态环境局网站', '嘉兴市生态环境局'],
    ['2020年度政府信息公开工作年度报告_政府信息公开年报_嘉兴市生态环境局政府信息公开平台', '嘉兴市生态环境局'],
    ['嘉兴市生态环境局2020年度政府信息公开工作年度报告嘉兴市人民政府网', '嘉兴市生态环境局'],
  ])('%s → %s', (title, agency) => {
    expect(agencyWithTitle(title)).toBe(agency);
  });

  it("keeps the report's own name when the site belongs to another body (issue 9: 某某区__某某区党工委管委会)", () => {
    const t = '南湖区2020年政府信息公开工作年度报告__嘉兴市南湖区党工委管委会';
    expect(splitTitle(t)).toEqual({ report: '南湖区2020年政府信息公开工作年度报告', sites: ['嘉兴市南湖区党工委管委会'] });
    expect(agencyWithTitle(t)).toBe('南湖区');
  });

  it('a city named alone in the report part takes the site name that adds 人民政府', () => {
    expect(agencyWithTitle('嘉兴市2020年度政府信息公开工作年度报告-嘉兴市人民政府门户网站')).toBe('嘉兴市人民政府');
  });

  it('a title without a site name is unchanged', () => {
    expect(agencyWithTitle('嘉兴市生态环境局2020年度政府信息公开工作年度报告')).toBe('嘉兴市生态环境局');
  });
});

describe('section headings as reports write them', () => {
  const SEC4 = '四、政府信息公开行政复议、行政诉讼情况';

  it.each([
    ['与 for 、 (issue 9)', '四、政府信息公开行政复议与行政诉讼情况', false],
    ['和 for 、', '四、政府信息公开行政复议和行政诉讼情况', false],
    ['及 for 、, no 政府信息公开', '四、行政复议及行政诉讼情况', false],
    // Punctuation alone does not make a heading non-standard.
    ['，for 、', '四、政府信息公开行政复议，行政诉讼情况', true],
    ['（四） numbering', '（四）政府信息公开行政复议、行政诉讼情况', false],
    ['第四部分', '第四部分 政府信息公开行政复议、行政诉讼情况', false],
    ['no numeral', '政府信息公开行政复议、行政诉讼情况', false],
  ])('section 四 found with %s', (_, heading, standard) => {
    expect(html).toContain(SEC4);
    const r = parseHtml(html.replace(SEC4, heading));
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.sections.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.report.sections[3]!.heading).toBe(heading);
    expect(r.report.sections[3]!.standard).toBe(standard);
    const ids = checkReport(r.report).findings.map((f) => f.id);
    expect(ids).not.toContain('structure.sections');
    expect(ids.includes('structure.headings')).toBe(!standard);
  });

  it('a sentence that mentions the topic is not a heading', () => {
    const r = parseHtml(html.replace(SEC4, '本年度发生政府信息公开行政复议、行政诉讼情况如下表所示'));
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.sections.map((s) => s.n)).toEqual([1, 2, 3, 5, 6]);
  });

  it('a 总体情况 subsection numbered （二） is not section 二', () => {
    const seed = seedText(seedFiles().find((f) => f.startsWith('001_'))!);
    const lines = seed.split('\n');
    const at = lines.indexOf('二、主动公开政府信息情况');
    expect(at).toBeGreaterThan(0);
    lines[at] = '（三）主动公开政府信息情况';
    const r = parseText(lines.join('\n'));
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.sections.map((s) => s.n)).not.toContain(2);
  });
});
