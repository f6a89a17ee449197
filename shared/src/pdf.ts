/**
 * @gongkai/shared/pdf — browser-safe PDF extraction (pdf.js; no Node imports). The caller points
 * pdf.js at its worker and passes where the CMap and standard-font files are served:
 *
 *   import { GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';
 *   GlobalWorkerOptions.workerSrc = chrome.runtime.getURL('pdf.worker.mjs');
 *   const { doc } = await extractPdf(bytes, { cMapUrl: chrome.runtime.getURL('cmaps/'),
 *     standardFontDataUrl: chrome.runtime.getURL('standard_fonts/') });
 *   const parsed = parseExtracted(doc, { url });      // from @gongkai/shared/browser
 *
 * Scans need OCR, which runs in Node only (`@gongkai/shared/node`).
 */
export * from './extract/pdf/index.js';

import { GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Where pdf.js loads its worker from (a URL the page or extension serves `pdf.worker.mjs` at). */
export function setPdfWorkerSrc(url: string): void {
  GlobalWorkerOptions.workerSrc = url;
}
