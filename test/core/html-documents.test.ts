/** Seed 001 as published HTML (UTF-8 and GBK): the same values and findings as the text seed. */
import { describe, expect, it } from 'vitest';
import { checkReport, decodeBytes, parseHtml, sniffKind } from '../../shared/src/index.ts';
import { parseBytes } from '../../shared/src/node.ts';
import { documentBytes, expectedReports } from './fixtures.ts';
import { valuesOf } from './report-values.ts';

const seed001 = expectedReports().find((r) => r.file.startsWith('001_'))!;

describe.each(['report001.html', 'report001-gbk.html'])('%s', (file) => {
  it('is recognised as HTML by content and decoded with the right charset', () => {
    const bytes = documentBytes(file);
    expect(sniffKind(bytes)).toBe('html');
    const { text, encoding } = decodeBytes(bytes);
    expect(encoding).toBe(file.includes('gbk') ? 'gb18030' : 'utf-8');
    expect(text).toContain('收到和处理政府信息公开申请情况');
  });

  it("yields seed 001's values cell for cell", async () => {
    const parsed = await parseBytes(documentBytes(file), { name: file });
    if (!parsed.ok) throw new Error(parsed.message.en);
    const v = valuesOf(parsed.report);
    expect(v.table3).toEqual(seed001.table3);
    expect(v.table4).toEqual(seed001.table4);
    expect(v.table2).toEqual(seed001.table2);
    expect(parsed.report.year).toBe(2020);
    expect(parsed.report.agency).toBe('嘉兴市生态环境局');
  });

  it('finds the 28 vs 29 mismatch and points at the HTML cell', async () => {
    const parsed = await parseBytes(documentBytes(file));
    if (!parsed.ok) throw new Error(parsed.message.en);
    const res = checkReport(parsed.report);
    const f = res.findings.find((x) => x.id === 'prose.received');
    expect(f?.evidence.left).toBe(28);
    expect(f?.evidence.right).toBe(29);
    // table index = 2nd <table> on the page; row 3 = the 一、本年新收 <tr>; cell 7 = its 总计 <td>.
    expect(f?.evidence.cells[0]?.source).toMatchObject({ kind: 'grid', table: 1, row: 3, cell: 7, col: 9 });
    for (const id of ['table3.identity', 'table3.outcome-sum', 'table4.sum']) {
      expect(res.outcomes.find((o) => o.id === id)?.status).toBe('pass');
    }
  });
});

describe('HTML structure variants real portals produce', () => {
  const base = new TextDecoder().decode(documentBytes('report001.html'));

  it('reads tables nested inside a layout table (old CMS templates)', () => {
    const body = base.slice(base.indexOf('<body>') + 6, base.indexOf('</body>'));
    const wrapped = `<html><head><title>x</title></head><body><table width="100%"><tr><td>导航</td></tr><tr><td>${body}</td></tr></table></body></html>`;
    const parsed = parseHtml(wrapped);
    if (!parsed.ok) throw new Error(parsed.message.en);
    expect(valuesOf(parsed.report).table3).toEqual(seed001.table3);
  });

  it('reads <thead>/<tbody>/<th> and uppercase tags', () => {
    const html = base.replace(/<tr>/g, '<TR>').replace(/<\/tr>/g, '</TR>').replace(/<table([^>]*)>/g, '<table$1><tbody>').replace(/<\/table>/g, '</tbody></table>');
    const parsed = parseHtml(html);
    if (!parsed.ok) throw new Error(parsed.message.en);
    expect(valuesOf(parsed.report).table3).toEqual(seed001.table3);
  });

  it('keeps "/", "无" and blank distinct from 0 in the printed cells', () => {
    const html = base.replace('<td align="center">&nbsp;</td><td align="center">&nbsp;</td><td align="center">1</td>', '<td align="center">/</td><td align="center">无</td><td align="center">1</td>');
    const parsed = parseHtml(html);
    if (!parsed.ok) throw new Error(parsed.message.en);
    const row = parsed.report.table3!.rows.find((r) => r.key === 'newReceived')!;
    expect(row.cells.map((c) => c.kind)).toEqual(['number', 'dash', 'none', 'number', 'blank', 'blank', 'number']);
    expect(row.cells[0]!.value).toBe(28);
  });
});
