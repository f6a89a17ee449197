/**
 * OCR entry points (Node-only): scanned PDFs (the largest image of each page, decoded by pdfjs) and
 * PNG/JPEG images. Output is the common `ExtractedDocument` with `ocr: true`; table cells carry
 * `ocrConfidence` and doubtful cells a low one.
 */
import { OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { GongkaiError } from '../../errors.js';
import type { ExtractedDocument } from '../types.js';
import { publishedDateFromText } from '../../parse/dates.js';
import { Deadline, openPdf, pdfError } from '../pdf/load.js';
import { nodePdfAssets } from '../pdf/node-assets.js';
import { assemblePages, type PageWork } from '../pdf/assemble.js';
import { DEFAULT_MAX_PAGES } from '../pdf/extract.js';
import { decodeImage, toGray, MAX_PIXELS, type Gray } from './image.js';
import { ocrPage, type OcrPage } from './page.js';

export { closeOcr } from './engine.js';

export interface OcrOptions { maxPages?: number; timeoutMs?: number; signal?: AbortSignal }

interface PdfImage { width: number; height: number; kind: number; data: Uint8ClampedArray | Uint8Array }

/** The largest image painted on a page, as gray pixels. */
export async function pageImage(pdf: PDFDocumentProxy, p: number): Promise<{ img: Gray; pageWidth: number } | null> {
  const page = await pdf.getPage(p);
  const ol = await page.getOperatorList();
  let best: PdfImage | null = null;
  for (let i = 0; i < ol.fnArray.length; i++) {
    if (ol.fnArray[i] !== OPS.paintImageXObject) continue;
    const name = (ol.argsArray[i] as unknown[])[0] as string;
    const obj = await new Promise<PdfImage | null>((resolve) => {
      try { page.objs.get(name, (o: unknown) => resolve(o as PdfImage)); } catch { resolve(null); }
    });
    if (obj?.data && (!best || obj.width * obj.height > best.width * best.height)) best = obj;
  }
  const pageWidth = page.getViewport({ scale: 1 }).width;
  if (!best) return null;
  if (best.width * best.height > MAX_PIXELS) throw new GongkaiError('too-large', 'A scanned page image is too large.', '扫描页图片尺寸超过限制。');
  // pdfjs ImageKind: 1 = 1 bpp gray, 2 = RGB 24, 3 = RGBA 32.
  const comps = best.kind === 3 ? 4 : best.kind === 2 ? 3 : 0;
  let img: Gray;
  if (comps) img = toGray(best.width, best.height, best.data, comps);
  else {
    const out = new Uint8Array(best.width * best.height);
    const rowBytes = (best.width + 7) >> 3;
    for (let y = 0; y < best.height; y++) for (let x = 0; x < best.width; x++) out[y * best.width + x] = (best.data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    img = { width: best.width, height: best.height, data: out };
  }
  page.cleanup();
  return { img, pageWidth };
}

function toDoc(kind: 'pdf' | 'image', pages: OcrPage[], notes: string[], title: string | null): ExtractedDocument {
  const work: PageWork[] = pages.map((p) => ({ page: p.page, width: p.width, height: p.height, lines: p.lines, tables: p.tables, chars: p.words }));
  for (const p of pages) notes.push(...p.notes);
  const { grids, paragraphs } = assemblePages(work, notes);
  const text = paragraphs.join('\n');
  notes.unshift('Text and table values were read by OCR: check values against the original; cells carry confidences.');
  const first = paragraphs.find((l) => !l.startsWith('\u0000')) ?? null;
  return {
    kind, text, grids, title: title ?? (first && first.length <= 80 ? first : null),
    publishedAt: publishedDateFromText(text.slice(0, 3000)), encoding: null, ocr: true, pages: pages.length, notes,
  };
}

/** OCR of a scanned PDF. */
export async function ocrPdf(bytes: Uint8Array, opts: OcrOptions = {}): Promise<ExtractedDocument> {
  const deadline = new Deadline(opts.timeoutMs ?? 300_000, opts.signal);
  // pdfjs skips (never decodes) page images over the pixel limit, by their dictionaries' /Width /Height.
  const pdf = await openPdf(bytes, nodePdfAssets(), deadline, { maxImagePixels: MAX_PIXELS });
  try {
    const notes: string[] = [];
    const count = Math.min(pdf.numPages, opts.maxPages ?? DEFAULT_MAX_PAGES);
    if (pdf.numPages > count) notes.push(`Read the first ${count} of ${pdf.numPages} pages (page limit).`);
    const pages: OcrPage[] = [];
    for (let p = 1; p <= count; p++) {
      try {
        const got = await deadline.race(pageImage(pdf, p));
        if (!got) { notes.push(`Page ${p} has neither text nor an image.`); continue; }
        pages.push(await ocrPage(got.img, p, got.img.width / got.pageWidth, () => deadline.check()));
      } catch (err) {
        // Out of time with pages already read: return those, saying where OCR stopped.
        const timedOut = err instanceof GongkaiError && err.reason === 'timeout' && !opts.signal?.aborted;
        if (!timedOut || pages.length === 0) throw err;
        notes.push(`OCR stopped at page ${p} of ${count} (time limit); later pages were not read.`);
        break;
      }
    }
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const doc = toDoc('pdf', pages, notes, typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null);
    doc.pages = count;
    return doc;
  } catch (err) {
    throw pdfError(err);
  } finally {
    void pdf.destroy();
  }
}

/** OCR of a PNG/JPEG image (assumed 200 dpi for point coordinates). Throws 'not-a-report' when no text and no table is found. */
export async function ocrImage(bytes: Uint8Array, opts: OcrOptions = {}): Promise<ExtractedDocument> {
  const deadline = new Deadline(opts.timeoutMs ?? 120_000, opts.signal);
  const img = await decodeImage(bytes);
  const page = await ocrPage(img, 1, 200 / 72, () => deadline.check());
  if (page.tables.length === 0 && page.lines.reduce((n, l) => n + l.text.length, 0) < 20) {
    throw new GongkaiError('not-a-report', 'The image holds no table and too little text to be a report.', '图片中没有表格，文字也太少，不像年度报告。');
  }
  return toDoc('image', [page], [], null);
}
