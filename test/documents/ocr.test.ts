/**
 * The degraded scan (200 dpi JPEG pages, blurred, noisy, skewed 0.6°): every non-empty number of
 * seed 001's tables right, values marked as OCR with confidences, the 28 vs 29 mismatch found.
 * Slow (~15 s: four pages of OCR), so one extraction is shared by the assertions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport, parseExtracted, type ExtractedDocument, type Report } from '../../shared/src/index.ts';
import { extractBinary } from '../../shared/src/extract/binary.ts';
import { closeOcr } from '../../shared/src/extract/ocr/index.ts';
import { documentBytes } from '../core/fixtures.ts';
import { expectSeed001Tables } from '../core/report-values.ts';
import { htmlVerdicts, verdicts } from './verdicts.ts';

process.env.OMP_THREAD_LIMIT ??= '1';
afterAll(async () => { await closeOcr(); });

describe('report001-scanned.pdf (OCR)', () => {
  let doc: ExtractedDocument;
  let report: Report;
  beforeAll(async () => {
    doc = await extractBinary(documentBytes('report001-scanned.pdf'), 'pdf');
    const parsed = parseExtracted(doc, { name: 'report001-scanned.pdf' });
    if (!parsed.ok) throw new Error(parsed.message.en);
    report = parsed.report;
  }, 180_000);

  it('is read by OCR and says so', () => {
    expect(doc.ocr).toBe(true);
    expect(report.source.ocr).toBe(true);
    expect(doc.notes[0]).toMatch(/OCR/);
    expect(doc.notes.join(' ')).toMatch(/deskewed by 0\.\d/);
  });

  it("recovers every non-empty number of seed 001's tables", () => {
    expectSeed001Tables(report);
  });

  it('gives every table cell an OCR confidence and keeps them in the report', () => {
    for (const g of doc.grids) for (const row of g.rows) for (const c of row) expect(c.ocrConfidence).toBeGreaterThanOrEqual(0);
    const cells = report.table3!.rows.flatMap((r) => r.cells).filter((c) => c.kind === 'number');
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) expect(c.ocrConfidence).toBeGreaterThan(0);
  });

  it('finds the 28 vs 29 mismatch as the HTML version does', () => {
    const res = checkReport(report);
    const f = res.findings.find((x) => x.id === 'prose.received');
    expect(f?.evidence.left).toBe(28);
    expect(f?.evidence.right).toBe(29);
    for (const id of ['table3.identity', 'table3.outcome-sum', 'table4.sum']) {
      expect(res.outcomes.find((o) => o.id === id)?.status).toBe('pass');
    }
    expect(verdicts(report)).toEqual(htmlVerdicts());
    expect(report.agency).toBe('嘉兴市生态环境局');
    expect(report.year).toBe(2020);
  });
});

describe('a value the scan does not show legibly', () => {
  it('is flagged with a low confidence, never guessed', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const { nodePdfAssets } = await import('../../shared/src/extract/pdf/node-assets.ts');
    const { pageImage } = await import('../../shared/src/extract/ocr/index.ts');
    const { ocrPage, DOUBT_CONFIDENCE } = await import('../../shared/src/extract/ocr/page.ts');
    const pdf = await getDocument({ data: documentBytes('report001-scanned.pdf').slice(), ...nodePdfAssets(), cMapPacked: true }).promise;
    const { img, pageWidth } = (await pageImage(pdf, 3))!;
    await pdf.destroy();
    // Scribble over the 总计 cell of row 一 (29) on page 3.
    for (let y = 85; y < 128; y++) for (let x = 1505; x < 1570; x++) if ((x + y) % 7 < 2 || (x - y + 1000) % 9 < 2) img.data[y * img.width + x] = 40;
    const page = await ocrPage(img, 3, img.width / pageWidth, () => {});
    const tb = page.tables[0]!;
    const r0 = tb.cells.find((c) => c.text.includes('本年新收'))!.r0;
    const row = tb.cells.filter((c) => c.r0 === r0).sort((a, b) => a.c0 - b.c0);
    const total = row[row.length - 1]!;
    expect(total.text).not.toBe('29');
    if (total.text) expect(total.conf).toBeLessThanOrEqual(DOUBT_CONFIDENCE);
    expect(row[1]!.text).toBe('28');
    expect(page.notes.join(' ')).toMatch(/stay doubtful/);
  }, 60_000);
});

describe('a JPEG image of a report page (as portals post them)', () => {
  /** The n-th JPEG embedded in the scanned PDF (its pages are DCT-encoded images). */
  function jpegFromScan(n: number): Uint8Array {
    const b = Buffer.from(documentBytes('report001-scanned.pdf'));
    let at = -1;
    for (let k = 0; k < n; k++) at = b.indexOf(Buffer.from([0xff, 0xd8, 0xff]), at + 1);
    const end = b.indexOf(Buffer.from('endstream'), at);
    return new Uint8Array(b.subarray(at, end).subarray(0, b.subarray(at, end).lastIndexOf(Buffer.from([0xff, 0xd9])) + 2));
  }

  it('reads table 2 from the page image with confidences', async () => {
    const doc = await extractBinary(jpegFromScan(2), 'image');
    expect(doc.kind).toBe('image');
    expect(doc.ocr).toBe(true);
    const g = doc.grids.find((x) => x.rows.some((r) => r[0]!.text === '行政许可'))!;
    const row = (label: string): string[] => g.rows.find((r) => r[0]!.text === label)!.slice(1).map((c) => c.text);
    expect(row('行政许可')).toEqual(['10', '0', '58']);
    expect(row('规章')).toEqual(['0', '0', '0']);
    for (const r of g.rows) for (const c of r) expect(c.ocrConfidence).toBeDefined();
  }, 60_000);
});
