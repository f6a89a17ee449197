/**
 * Values read by OCR: a low-confidence reading is shown but never used in arithmetic, and every
 * finding resting on OCR says so. Uses seed 001's HTML grids with OCR confidences put on the cells,
 * the shape the scan extractor produces.
 */
import { describe, expect, it } from 'vitest';
import { checkReport, extractHtml, parseExtracted, sniffKind, type ExtractedDocument } from '../../shared/src/index.ts';
import { parseBytes } from '../../shared/src/node.ts';
import { documentBytes } from './fixtures.ts';

function asOcr(conf: (text: string, row: number, col: number, table: number) => number): ExtractedDocument {
  const doc = extractHtml(new TextDecoder().decode(documentBytes('report001.html')));
  for (const g of doc.grids) g.rows.forEach((r, ri) => r.forEach((c, ci) => { c.ocrConfidence = conf(c.text, ri, ci, g.index); }));
  return { ...doc, kind: 'pdf', ocr: true };
}

describe('OCR values', () => {
  it('a confident reading is used, and the finding says it rests on OCR', () => {
    const parsed = parseExtracted(asOcr(() => 0.93));
    if (!parsed.ok) throw new Error(parsed.message.en);
    const res = checkReport(parsed.report);
    const f = res.findings.find((x) => x.id === 'prose.received')!;
    expect(f.evidence.ocr).toBe(true);
    expect(f.evidence.cells[0]!.ocrConfidence).toBe(0.93);
    expect(f.message.zh).toContain('OCR');
    expect(f.message.en).toContain('values read by OCR');
    expect(res.outcomes.find((o) => o.id === 'table3.identity')?.status).toBe('pass');
  });

  it('a doubtful reading (confidence ≤ 0.4) is not used: checks on it cannot run, and it is listed', () => {
    // The 一、本年新收 总计 cell "29" read with confidence 0.3.
    const parsed = parseExtracted(asOcr((text, row, col, table) => (table === 1 && row === 3 && col === 9 ? 0.3 : 0.95)));
    if (!parsed.ok) throw new Error(parsed.message.en);
    const cell = parsed.report.table3!.rows.find((r) => r.key === 'newReceived')!.cells[6]!;
    expect(cell).toMatchObject({ raw: '29', ocrConfidence: 0.3 });
    expect(cell.doubt).toMatch(/confidence 0\.30/);
    const res = checkReport(parsed.report);
    expect(res.findings.map((f) => f.id)).toContain('structure.unreadable-cells');
    expect(res.findings.map((f) => f.id)).not.toContain('prose.received');
    expect(res.outcomes.find((o) => o.id === 'prose.received')?.status).toBe('cannot-run');
    expect(res.outcomes.find((o) => o.id === 'table3.row-sum')?.status).toBe('cannot-run');
  });
});

describe('image formats', () => {
  it('TIFF, GIF and BMP are refused as unsupported, with the reason', async () => {
    const tiff = new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, ...new Array(40).fill(0)]);
    const gif = new TextEncoder().encode('GIF89a' + '\0'.repeat(40));
    for (const b of [tiff, gif]) {
      expect(sniffKind(b)).toBe('image-other');
      expect(await parseBytes(b)).toMatchObject({ ok: false, reason: 'unsupported' });
    }
  });
  it('text that happens to start with "BM" is text, not a bitmap', () => {
    expect(sniffKind(new TextEncoder().encode('BMW 2020年政府信息公开工作年度报告\n一、总体情况'))).toBe('text');
  });
});

describe('scans without OCR', () => {
  it('a scanned PDF with OCR off is "needs-ocr", not "empty"', async () => {
    const r = await parseBytes(documentBytes('report001-scanned.pdf'), { ocr: false });
    expect(r).toMatchObject({ ok: false, reason: 'needs-ocr', retryable: false });
    if (!r.ok) expect(r.message.zh).toContain('OCR');
  });
  it('a Node Buffer of a text PDF parses like a Uint8Array', async () => {
    const bytes = documentBytes('report001.pdf');
    const r = await parseBytes(Buffer.from(bytes));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.report.table3?.rows.find((x) => x.key === 'newReceived')?.cells[6]?.value).toBe(29);
  });
});
