/** Seed 001 as published HTML (UTF-8 and GBK): the same values and findings as the text seed. */
import { describe, expect, it } from 'vitest';
import { checkReport, decodeBytes, parseHtml, parseText, sniffKind } from '../../shared/src/index.ts';
import { parseBytes } from '../../shared/src/node.ts';
import { documentBytes, expectedReports, seedText } from './fixtures.ts';
import { expectSeed001Tables, seed001, valuesOf } from './report-values.ts';


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
    expectSeed001Tables(parsed.report);
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

describe('reports published as preformatted text', () => {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  it.each(expectedReports().map((e) => e.file))('%s as <p style="white-space:pre-wrap"> lines reads like the text', (file) => {
    const text = seedText(file);
    const page = `<html><head><title>t</title></head><body><div class="TRS_Editor">${text.split('\n').map((l) => (l === '' ? '<p>&nbsp;</p>' : `<p style="white-space:pre-wrap">${esc(l)}</p>`)).join('\n')}</div></body></html>`;
    const fromHtml = parseHtml(page);
    const fromText = parseText(text);
    if (!fromHtml.ok || !fromText.ok) throw new Error('unparsed');
    expect(valuesOf(fromHtml.report)).toEqual(valuesOf(fromText.report));
  });
  it.each(expectedReports().map((e) => e.file))('%s with whitespace-only lines lost (rendered as empty paragraphs) never yields a wrong number', (file) => {
    // Lossy publishing: a line of blank cells becomes <p>&nbsp;</p>. Values may become unknown — never wrong.
    const exp = expectedReports().find((e) => e.file === file)!;
    const page = `<html><body>${seedText(file).split('\n').map((l) => (l.trim() === '' ? '<p>&nbsp;</p>' : `<p style="white-space:pre-wrap">${esc(l)}</p>`)).join('\n')}</body></html>`;
    const parsed = parseHtml(page);
    if (!parsed.ok) return;
    for (const row of parsed.report.table3?.rows ?? []) {
      const want = exp.table3?.[row.key] ?? [null, null, null, null, null, null, null];
      row.cells.forEach((c, i) => { if (c.kind === 'number' && !c.doubt) expect(c.value, `${file} ${row.key}[${i}]`).toBe(want[i]); });
    }
  });
  it('a <pre> block keeps its tab-separated cells', () => {
    const text = seedText('002_a8b571596ea4deac.txt');
    const parsed = parseHtml(`<html><body><pre>${esc(text)}</pre></body></html>`);
    if (!parsed.ok) throw new Error(parsed.message.en);
    expect(valuesOf(parsed.report).table4).toEqual(expectedReports().find((r) => r.file === '002_a8b571596ea4deac.txt')!.table4);
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
