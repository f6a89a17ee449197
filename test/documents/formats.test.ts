/** Seed 001 as a text PDF, DOCX and DOC: the same values and findings as the HTML version. */
import { describe, expect, it } from 'vitest';
import { checkReport, parseExtracted } from '../../shared/src/index.ts';
import { htmlVerdicts, table3Grid, verdicts } from './verdicts.ts';
import { extractBinary } from '../../shared/src/extract/binary.ts';
import { documentBytes } from '../core/fixtures.ts';
import { expectSeed001Tables } from '../core/report-values.ts';


describe.each([
  ['report001.pdf', 'pdf'],
  ['report001.docx', 'docx'],
  ['report001.doc', 'doc'],
] as const)('%s', (file, kind) => {
  it("yields seed 001's table values and the 28 vs 29 finding", async () => {
    const doc = await extractBinary(documentBytes(file), kind);
    expect(doc.kind).toBe(kind);
    expect(doc.ocr).toBe(false);
    const parsed = parseExtracted(doc, { name: file });
    if (!parsed.ok) throw new Error(parsed.message.en);
    expectSeed001Tables(parsed.report);
    expect(parsed.report.year).toBe(2020);
    const res = checkReport(parsed.report);
    const f = res.findings.find((x) => x.id === 'prose.received');
    expect(f?.evidence.left).toBe(28);
    expect(f?.evidence.right).toBe(29);
    for (const id of ['table3.identity', 'table3.outcome-sum', 'table4.sum']) {
      expect(res.outcomes.find((o) => o.id === id)?.status).toBe('pass');
    }
    expect(verdicts(parsed.report)).toEqual(htmlVerdicts());
  });
});

describe('report001.pdf specifics', () => {
  it('joins table 3 across pages 2–3 and keeps page and box provenance', async () => {
    const doc = await extractBinary(documentBytes('report001.pdf'), 'pdf');
    expect(doc.pages).toBe(4);
    expect(doc.grids).toHaveLength(3);
    const g = table3Grid(doc.grids)!;
    expect(g.page).toBe(2);
    const pages = new Set(g.rows.flat().map((c) => (c.source.kind === 'grid' ? c.source.page : undefined)));
    expect([...pages].sort()).toEqual([2, 3]);
    const total = g.rows.find((r) => r[0]!.text.startsWith('一、本年新收'))!.at(-1)!;
    expect(total.text).toBe('29');
    expect(total.source).toMatchObject({ kind: 'grid', page: 3 });
    const box = (total.source as { box: number[] }).box;
    expect(box[2]).toBeGreaterThan(10);
    expect(doc.notes.join(' ')).toMatch(/Joined 1 table/);
    expect(doc.title).toContain('政府信息公开工作年度报告');
  });

  it('keeps blank, 0 and signed values apart in the grid', async () => {
    const doc = await extractBinary(documentBytes('report001.pdf'), 'pdf');
    const g = table3Grid(doc.grids)!;
    const carried = g.rows.find((r) => r[0]!.text.startsWith('二、上年结转'))!.slice(-7).map((c) => c.text);
    expect(carried).toEqual(['0', '', '', '0', '', '', '']);
    const t2 = doc.grids[0]!.rows.find((r) => r[0]!.text === '行政处罚')!.map((c) => c.text);
    expect(t2).toEqual(['行政处罚', '130', '49（+）', '7']);
  });
});

describe('cmap-stsong.pdf (non-embedded STSong-Light with UCS2/GBK CMaps)', () => {
  it('extracts its Chinese text', async () => {
    const doc = await extractBinary(documentBytes('cmap-stsong.pdf'), 'pdf');
    expect(doc.text).toContain('市生态环境局政府信息公开工作年度报告');
    expect(doc.text).toContain('一、本年新收政府信息公开申请数量 28 1 29');
    expect(doc.text).toContain('自然人 法人或其他组织 总计');
  });
});
