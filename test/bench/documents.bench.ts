/**
 * Document extraction cost. PDF: ms per page after warm-up, our extractor (text runs + ruling lines +
 * table grids + layout) against bare pdfjs `getTextContent` of the same pages (goal ≤ 50 ms/page).
 * OCR: seconds per page of the scanned fixture, against one bare tesseract pass over the same page
 * image (goal ≤ 4 s/page).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractPdf } from '../../shared/src/extract/pdf/extract.ts';
import { nodePdfAssets } from '../../shared/src/extract/pdf/node-assets.ts';
import { ocrPdf, pageImage, closeOcr } from '../../shared/src/extract/ocr/index.ts';
import { recognizeWords } from '../../shared/src/extract/ocr/engine.ts';
import { makePdf, table3Pages } from '../documents/pdf-writer.ts';
import { percentile, printTable, timeRuns } from './stats.ts';

const DOCS = join(import.meta.dirname, '../../../shared/fixtures/documents');
const read = (f: string): Uint8Array => new Uint8Array(readFileSync(join(DOCS, f)));

async function barePdf(bytes: Uint8Array): Promise<number> {
  const pdf = await getDocument({ data: bytes.slice(), ...nodePdfAssets(), cMapPacked: true, disableFontFace: true, isEvalSupported: false }).promise;
  for (let p = 1; p <= pdf.numPages; p++) await (await pdf.getPage(p)).getTextContent();
  const n = pdf.numPages;
  await pdf.destroy();
  return n;
}

export async function run(): Promise<void> {
  process.env.OMP_THREAD_LIMIT ??= '1';
  const rows: (string | number)[][] = [];
  const pdfs: [string, Uint8Array][] = [
    ['report001.pdf (4 pages, ruled tables)', read('report001.pdf')],
    ['generated table 3 (WPS rect borders)', makePdf(table3Pages({ borders: 'rects' }))],
    ['generated 40 pages of prose', makePdf(Array.from({ length: 40 }, (_, i) => ({ texts: Array.from({ length: 30 }, (_, k) => ({ x: 50, y: 60 + k * 24, s: `第${i + 1}页第${k + 1}行：政府信息公开工作年度报告正文内容，依申请公开办理情况。` })) })))],
  ];
  for (const [name, bytes] of pdfs) {
    const pages = await barePdf(bytes);
    // Opening costs the same for both; it is measured apart and taken out of the per-page figure.
    const open = percentile(await timeRuns(async () => {
      const d = await getDocument({ data: bytes.slice(), ...nodePdfAssets(), cMapPacked: true }).promise;
      await d.destroy();
    }, 10, 2), 50);
    const ours = await timeRuns(() => extractPdf(bytes, nodePdfAssets()), 10, 2);
    const bare = await timeRuns(() => barePdf(bytes), 10, 2);
    const per = (ms: number): number => Math.max(0, ms - open) / pages;
    rows.push([`PDF ${name}`, 'ms/page', per(percentile(ours, 50)), per(percentile(ours, 90)), per(percentile(bare, 50)), '≤ 50']);
  }

  // OCR: whole scanned document once (after one warm-up page to load the model), per page.
  const scan = read('report001-scanned.pdf');
  const pdf = await getDocument({ data: scan.slice(), ...nodePdfAssets(), cMapPacked: true }).promise;
  const first = (await pageImage(pdf, 1))!;
  await recognizeWords(first.img); // warm-up: model load
  const bareTimes: number[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const got = (await pageImage(pdf, p))!;
    const t0 = performance.now();
    await recognizeWords(got.img);
    bareTimes.push(performance.now() - t0);
  }
  const n = pdf.numPages;
  await pdf.destroy();
  const t0 = performance.now();
  await ocrPdf(scan);
  const total = performance.now() - t0;
  const bareSorted = bareTimes.sort((a, b) => a - b);
  rows.push(['OCR report001-scanned.pdf (4 pages, 200 dpi)', 's/page', total / n / 1000, '-', percentile(bareSorted, 50) / 1000, '≤ 4']);
  await closeOcr();
  printTable(['what', 'unit', 'ours p50', 'ours p90', 'baseline p50 (bare pdfjs text / bare tesseract page)', 'goal'], rows);
}
