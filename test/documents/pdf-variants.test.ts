/** Realistic PDF variants built in the test: ruled, WPS filled-rectangle borders, borderless, split, landscape. */
import { describe, expect, it } from 'vitest';
import { extractBinary } from '../../shared/src/extract/binary.ts';
import { GongkaiError } from '../../shared/src/errors.ts';
import { makePdf, table3Pages, TABLE3_ROWS } from './pdf-writer.ts';
import { documentBytes } from '../core/fixtures.ts';
import { parseExtracted, type Grid } from '../../shared/src/index.ts';
import { expectedReports } from '../core/fixtures.ts';
import { valuesOf } from '../core/report-values.ts';

function rowValues(g: Grid, label: string): string[] {
  const row = g.rows.find((r) => r[0]!.text === label);
  if (!row) throw new Error(`no row ${label}`);
  return row.slice(-7).map((c) => c.text);
}

function expectTable3(g: Grid): void {
  for (const [label, vals] of TABLE3_ROWS) expect(rowValues(g, label)).toEqual(vals);
  expect(g.rows[0]!.slice(-7).map((c) => c.text)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
}

describe('ruled tables built from PDF operators', () => {
  it('reads a table with stroked borders', async () => {
    const doc = await extractBinary(makePdf(table3Pages({ borders: 'stroke' })), 'pdf');
    expect(doc.grids).toHaveLength(1);
    expectTable3(doc.grids[0]!);
    expect(doc.text.split('\n')).toContain('\u0000TABLE 0\u0000');
  });

  it('reads WPS-style borders drawn as thin filled rectangles', async () => {
    const doc = await extractBinary(makePdf(table3Pages({ borders: 'rects' })), 'pdf');
    expect(doc.grids).toHaveLength(1);
    expectTable3(doc.grids[0]!);
  });

  it('joins a table split across two pages into one grid', async () => {
    const doc = await extractBinary(makePdf(table3Pages({ borders: 'stroke', split: 5 })), 'pdf');
    expect(doc.grids).toHaveLength(1);
    const g = doc.grids[0]!;
    expectTable3(g);
    const pages = new Set(g.rows.map((r) => (r[0]!.source.kind === 'grid' ? r[0]!.source.page : 0)));
    expect([...pages]).toEqual([1, 2]);
    expect(doc.text.match(/\u0000TABLE/g)).toHaveLength(1);
  });

  it('reads a landscape page', async () => {
    const doc = await extractBinary(makePdf(table3Pages({ borders: 'rects', landscape: true })), 'pdf');
    expect(doc.grids).toHaveLength(1);
    expectTable3(doc.grids[0]!);
  });
});

describe('page furniture and orientation', () => {
  it('drops running headers and page numbers and still joins the table across the page break', async () => {
    const doc = await extractBinary(makePdf(table3Pages({ borders: 'stroke', split: 4, running: true })), 'pdf');
    expect(doc.text).not.toContain('嘉兴市生态环境局政务公开');
    expect(doc.text).not.toMatch(/- \d -/);
    expect(doc.grids).toHaveLength(1);
    expectTable3(doc.grids[0]!);
    expect(doc.notes.join(' ')).toMatch(/Dropped \d+ page header/);
  });

  it('drops a header row repeated on the continuation page', async () => {
    const doc = await extractBinary(makePdf(table3Pages({ borders: 'rects', split: 6, repeatHeader: true })), 'pdf');
    expect(doc.grids).toHaveLength(1);
    const g = doc.grids[0]!;
    expectTable3(g);
    expect(g.rows.filter((r) => r.some((c) => c.text === '自然人'))).toHaveLength(1);
  });

  it('reads a landscape page stored portrait with /Rotate 90', async () => {
    const doc = await extractBinary(makePdf(table3Pages({ borders: 'stroke', landscape: true, rotate90: true })), 'pdf');
    expect(doc.grids).toHaveLength(1);
    expectTable3(doc.grids[0]!);
    expect(doc.text.split('\n')[0]).toBe('三、收到和处理政府信息公开申请情况');
  });
});

describe('boxes that are layout, not tables', () => {
  it('keeps the text of framed panels (infographics) in the prose', async () => {
    const sentence = '全年主动公开政府信息4445条，其中通过政府网站公开2861条，政务微博540条。';
    const page = {
      texts: [{ x: 60, y: 110, s: sentence, size: 7 }, { x: 310, y: 110, s: '共收到政府信息公开申请11件，均已按时办结并答复申请人。', size: 7 }],
      lines: [[50, 100, 550, 100], [50, 140, 550, 140], [50, 100, 50, 140], [300, 100, 300, 140], [550, 100, 550, 140]] as [number, number, number, number][],
    };
    const doc = await extractBinary(makePdf([page]), 'pdf');
    expect(doc.grids).toHaveLength(0);
    expect(doc.text).toContain(sentence);
    expect(doc.text).toContain('共收到政府信息公开申请11件');
  });
});

describe('mixed documents', () => {
  it('notes picture-only pages of a text PDF instead of OCR-ing the whole file', async () => {
    const pages = [...table3Pages({ borders: 'stroke', split: 5 }), { texts: [], picture: true }];
    const doc = await extractBinary(makePdf(pages), 'pdf');
    expect(doc.ocr).toBe(false);
    expect(doc.notes.join(' ')).toMatch(/Page\(s\) 3 have \(almost\) no text layer/);
    expectTable3(doc.grids[0]!);
  });
});

describe('borderless table 3', () => {
  it('falls back to label-anchored bands in the flattened-PDF text shape', async () => {
    const doc = await extractBinary(makePdf(table3Pages({ borders: 'none' })), 'pdf');
    expect(doc.grids).toHaveLength(0);
    const lines = doc.text.split('\n');
    const at = (label: string): string => lines[lines.indexOf(label) + 1]!;
    expect(at('一、本年新收政府信息公开申请数量')).toBe('28   1   29');
    expect(at('二、上年结转政府信息公开申请数量')).toBe('0   0   ');
    expect(at('（七）总计')).toBe('27   1   28');
    expect(at('（二）部分公开')).toBe('      ');
    expect(doc.notes.join(' ')).toMatch(/Borderless/);
  });

  it('carries the column positions to the continuation page', async () => {
    const doc = await extractBinary(makePdf(table3Pages({ borders: 'none', split: 6 })), 'pdf');
    const lines = doc.text.split('\n');
    const at = (label: string): string => lines[lines.indexOf(label) + 1]!;
    expect(at('一、本年新收政府信息公开申请数量')).toBe('28   1   29');
    expect(at('1.本机关不掌握相关政府信息')).toBe('2   0   2');
    expect(at('（七）总计')).toBe('27   1   28');
    expect(at('四、结转下年度继续办理')).toBe('1   0   1');
  });
});

describe('bad PDFs give typed errors', () => {
  it('encrypted → encrypted', async () => {
    const bytes = makePdf(table3Pages({ borders: 'stroke' }), { encrypt: true });
    await expect(extractBinary(bytes, 'pdf')).rejects.toMatchObject({ reason: 'encrypted' });
  });

  it('garbage bytes → corrupt', async () => {
    const junk = new Uint8Array(5000).map((_, i) => (i * 7919) & 255);
    const err = await extractBinary(junk, 'pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongkaiError);
    expect((err as GongkaiError).reason).toBe('corrupt');
  });

  it.each([0.1, 0.5, 0.99])('a PDF truncated to %s of its bytes → corrupt', async (f) => {
    const full = documentBytes('report001.pdf');
    await expect(extractBinary(full.slice(0, Math.floor(full.length * f)), 'pdf')).rejects.toMatchObject({ reason: 'corrupt' });
  });

  it('a time budget that runs out → timeout (retryable)', async () => {
    const err = await extractBinary(documentBytes('report001.pdf'), 'pdf', { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'timeout', retryable: true });
  });

  it('a 300-page PDF is bounded by maxPages with a note', async () => {
    const pages = Array.from({ length: 300 }, (_, i) => ({ texts: [{ x: 50, y: 50, s: `第${i + 1}页 政府信息公开工作年度报告正文内容` }] }));
    const doc = await extractBinary(makePdf(pages), 'pdf', { maxPages: 60 });
    expect(doc.pages).toBe(60);
    expect(doc.notes.join(' ')).toMatch(/first 60 of 300 pages/);
  });

  it('a page of dense hatching (thousands of segments) still yields its text', async () => {
    const lines: [number, number, number, number][] = [];
    for (let k = 0; k < 3000; k++) lines.push([50 + (k % 100) * 5, 200 + Math.floor(k / 100) * 5, 54 + (k % 100) * 5, 200 + Math.floor(k / 100) * 5]);
    for (let k = 0; k < 3000; k++) lines.push([50 + (k % 100) * 5, 200 + Math.floor(k / 100) * 5, 50 + (k % 100) * 5, 204 + Math.floor(k / 100) * 5]);
    const doc = await extractBinary(makePdf([{ texts: [{ x: 50, y: 100, s: '政府信息公开工作年度报告（图表页）' }], lines }]), 'pdf');
    expect(doc.text).toContain('政府信息公开工作年度报告（图表页）');
  });

  it('an already aborted signal → timeout', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(extractBinary(documentBytes('report001.pdf'), 'pdf', { signal: ac.signal })).rejects.toMatchObject({ reason: 'timeout' });
  });
});

describe.each([
  ['stroked borders', { borders: 'stroke' as const }],
  ['WPS rectangle borders, split with a repeated header', { borders: 'rects' as const, split: 6, repeatHeader: true }],
  ['running headers and page numbers, split', { borders: 'stroke' as const, split: 4, running: true }],
  ['landscape stored with /Rotate 90', { borders: 'stroke' as const, landscape: true, rotate90: true }],
  ['borderless', { borders: 'none' as const }],
  ['borderless, split', { borders: 'none' as const, split: 6 }],
])('the core parser on a generated PDF (%s)', (_, variant) => {
  it("reads seed 001's table 3", async () => {
    const seed001 = expectedReports().find((r) => r.file.startsWith('001_'))!;
    const parsed = parseExtracted(await extractBinary(makePdf(table3Pages(variant)), 'pdf'));
    if (!parsed.ok) throw new Error(parsed.message.en);
    expect(valuesOf(parsed.report).table3).toEqual(seed001.table3);
  });
});
