/**
 * Text PDF → ExtractedDocument. Per page: positioned text runs, ruling lines, ruled tables; then
 * tables continued across pages are joined, running headers/footers dropped, wrapped lines joined,
 * and a borderless table 3 is rebuilt from label-anchored bands. Browser-safe (pdfjs only).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractedDocument } from '../types.js';
import { publishedDateFromText } from '../../parse/dates.js';
import { Deadline, openPdf, pdfError, type PdfOpenOptions } from './load.js';
import { pageRuns } from './text-runs.js';
import { pageRules } from './rules.js';
import { pageTables } from './table.js';
import { toLines, type PageLine } from './layout.js';
import { assemblePages, type PageWork } from './assemble.js';
import { bandTable3, type BandColumns } from './bands.js';
import { pdfImageHeaders, type ImageHeader } from './image-headers.js';
import type { TextRun } from './geometry.js';

export interface PdfOptions extends PdfOpenOptions {
  /** Pages read at most (default 60); the rest are skipped with a note. */
  maxPages?: number;
}

/**
 * What one page yielded, kept for the scan decision and the OCR fallback. `images` is the number of
 * images the file holds (image dictionaries, read without decoding): text extraction never decodes
 * images, so which page paints which is not known; a page with (almost) no text in a file with
 * images is taken for a scan.
 */
export interface PdfPageInfo { page: number; width: number; height: number; chars: number; images: number }

export interface PdfResult {
  doc: ExtractedDocument;
  pages: PdfPageInfo[];
  numPages: number;
  /** Every image of the file with its stated size (from the image dictionaries, before any decoding). */
  images: ImageHeader[];
}

export const DEFAULT_MAX_PAGES = 60;

/** Extracts a text PDF. Throws `GongkaiError` ('encrypted' | 'corrupt' | 'timeout'). */
export async function extractPdf(bytes: Uint8Array, opts: PdfOptions = {}): Promise<PdfResult> {
  const deadline = new Deadline(opts.timeoutMs ?? 60_000, opts.signal);
  const images = pdfImageHeaders(bytes);
  // Text and ruling lines need no pixels: pdfjs is told to skip every image (a 20000×20000 scan
  // would otherwise be decoded, gigabytes, before any size check).
  const pdf = await openPdf(bytes, opts, deadline, { maxImagePixels: 0 });
  try {
    return await readPdf(pdf, opts, deadline, images);
  } catch (err) {
    throw pdfError(err);
  } finally {
    void pdf.destroy();
  }
}


async function readPdf(pdf: PDFDocumentProxy, opts: PdfOptions, deadline: Deadline, imageHeaders: ImageHeader[]): Promise<PdfResult> {
  const notes: string[] = [];
  const maxPages = Math.max(1, opts.maxPages ?? DEFAULT_MAX_PAGES);
  const numPages = pdf.numPages;
  const count = Math.min(numPages, maxPages);
  if (numPages > count) notes.push(`Read the first ${count} of ${numPages} pages (page limit ${maxPages}).`);
  const work: PageWork[] = [];
  let columns: BandColumns | null = null;
  for (let p = 1; p <= count; p++) {
    deadline.check();
    const page = await deadline.race(pdf.getPage(p));
    const viewport = page.getViewport({ scale: 1 });
    const runs = await deadline.race(pageRuns(page, viewport));
    const rules = await deadline.race(pageRules(page, viewport));
    const { tables, rest } = pageTables(rules, runs, p);
    let restRuns: TextRun[] = rest;
    const banded = bandTable3(restRuns, p, columns);
    let bandLines: PageLine[] = [];
    if (banded) {
      restRuns = banded.rest; bandLines = banded.lines; columns = banded.columns;
      if (!notes.some((n) => n.startsWith('Borderless'))) notes.push('Borderless table 3 read by label-anchored row bands (values placed by column position).');
    } else {
      columns = null; // columns carry only to the next page
    }
    const lines = [...toLines(restRuns, p), ...bandLines].sort((a, b) => a.y - b.y);
    const chars = runs.reduce((n, r) => n + r.str.replace(/\s/g, '').length, 0);
    work.push({ page: p, height: viewport.height, width: viewport.width, lines, tables, chars });
    page.cleanup();
  }
  const { grids, paragraphs } = assemblePages(work, notes);
  const text = paragraphs.join('\n');
  const info = (await deadline.race(pdf.getMetadata()).catch(() => null))?.info as { Title?: unknown } | undefined;
  const metaTitle = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
  const firstLine = paragraphs.find((l) => !l.startsWith('\u0000')) ?? null;
  const doc: ExtractedDocument = {
    kind: 'pdf', text, grids, title: metaTitle ?? (firstLine && firstLine.length <= 80 ? firstLine : null),
    publishedAt: publishedDateFromText(text.slice(0, 3000)) ?? publishedDateFromText(text.slice(-600)),
    encoding: null, ocr: false, pages: count, notes,
  };
  const images = imageHeaders.length;
  return { doc, numPages, images: imageHeaders, pages: work.map((w) => ({ page: w.page, width: w.width, height: w.height, chars: w.chars, images })) };
}
