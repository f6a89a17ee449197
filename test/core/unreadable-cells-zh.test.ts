/**
 * structure.unreadable-cells says why in the reader's language: the parser's reasons in Chinese in
 * the Chinese message (shared/src/checks/doubt-words.ts), as the parser wrote them in the English
 * one — on real reports made unreadable the ways real ones are (a note typed into a cell, a value
 * line that does not split into the columns, a doubtful OCR reading, a contract from elsewhere).
 */
import { describe, expect, it } from 'vitest';
import { checkReport, extractHtml, parseExtracted, reportFromContract, toContract, type CheckResult, type Report } from '../../shared/src/index.ts';
import { report001, report001Html, replaceOnce, seedText } from '../helpers/fixtures.ts';
import { wordExportReport } from '../helpers/word-export.ts';
import { seed001 } from './report-values.ts';
import { html, only, run, text } from '../helpers/checks.ts';
import { documentBytes } from './fixtures.ts';

/** Two English words in a row: English left in a Chinese message (an acronym such as OCR is not). */
const LATIN = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

function unreadable(res: CheckResult) {
  const f = only(res, 'structure.unreadable-cells');
  expect(f.message.zh).not.toMatch(LATIN);
  return f;
}

describe('structure.unreadable-cells in Chinese', () => {
  it('a note typed into a table-3 cell ("3件（含重复）"): the row\'s cell count, in Chinese', () => {
    const f = unreadable(run(html(report001().t3('2.重复申请', 4, '3件（含重复）').html())));
    expect(f.message.zh).toBe('7个单元格无法可靠读取，未参与计算：该行有2个数值单元格，模板为7个');
    expect(f.message.en).toBe('7 cell(s) could not be read or placed reliably and were left out: row has 2 value cells where the template has 7');
  });

  it('flattened PDF text (seed 000) whose 一、本年新收 line has one value too many', () => {
    const r = text(replaceOnce(seedText('000'), '\n74 5  5   84 \n', '\n74 5 9  5   84 \n'));
    const f = unreadable(run(r));
    expect(f.message.zh).toBe('7个单元格无法可靠读取，未参与计算：一行中的5个数值无法对应到7列：“74 5 9  5   84 ”');
    expect(f.message.en).toContain('5 values on one line could not be aligned to 7 columns');
  });

  it('a Word export whose 法律服务机构 and 其他 cells are one merged cell holding a number', () => {
    const src = wordExportReport(report001Html(), seed001.table3 as Record<string, (number | null)[]>, seed001.table4 as number[], { widths: 'attr', mergeBlank: ['newReceived'] });
    // The merged (blank) cell of 一、本年新收 given a 3: a reader cannot tell which column it belongs to.
    const merged = replaceOnce(src, /(<td width=101 colspan=2[^>]*>\s*<p[^>]*>)[\s\S]*?(<\/p>)/, '$13$2');
    const f = unreadable(run(html(merged)));
    expect(f.message.zh).toBe('2个单元格无法可靠读取，未参与计算：合并单元格“3”跨越法律服务机构、其他，无法拆分');
    expect(f.message.en).toContain('one merged cell "3" spans 法律服务机构、其他: not split between them');
  });

  it('a doubtful OCR reading (confidence 0.30) of 一、本年新收 · 总计', () => {
    const doc = extractHtml(new TextDecoder().decode(documentBytes('report001.html')));
    for (const g of doc.grids) g.rows.forEach((row, ri) => row.forEach((c, ci) => { c.ocrConfidence = g.index === 1 && ri === 3 && ci === 9 ? 0.3 : 0.95; }));
    const parsed = parseExtracted({ ...doc, kind: 'pdf', ocr: true });
    if (!parsed.ok) throw new Error(parsed.message.en);
    const f = unreadable(checkReport(parsed.report));
    expect(f.message.zh).toMatch(/^1个单元格无法可靠读取，未参与计算：文字识别结果“29”置信度仅0\.30，未能确认（数值经OCR识别/);
    expect(f.message.en).toContain('OCR reading "29" has confidence 0.30: not read with certainty');
  });

  it('a contract from another version with a reason this one does not know: said generically, never in English', () => {
    const r: Report = html(report001().html());
    const c = toContract(r, checkReport(r));
    const foreign = { ...c, doubtful: [{ table: 'table3' as const, row: 'newReceived', col: 0, reason: 'cell hidden behind a watermark' }] };
    const f = unreadable(checkReport(reportFromContract(foreign)));
    expect(f.message.zh).toBe('1个单元格无法可靠读取，未参与计算：无法可靠读取');
    expect(f.message.en).toContain('cell hidden behind a watermark');
  });
});
