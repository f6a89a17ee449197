/**
 * Browser-safe PDF extraction (no Node imports): the extension's offscreen document imports this.
 *
 *   import { GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';
 *   GlobalWorkerOptions.workerSrc = chrome.runtime.getURL('pdf.worker.mjs');
 *   const { doc } = await extractPdf(bytes, { cMapUrl: chrome.runtime.getURL('cmaps/'),
 *     standardFontDataUrl: chrome.runtime.getURL('standard_fonts/') });
 *
 * Node callers use `extractBinary` (../binary.ts), which adds the node_modules asset paths and OCR.
 */
export { extractPdf, DEFAULT_MAX_PAGES, type PdfOptions, type PdfResult, type PdfPageInfo } from './extract.js';
export type { PdfAssets } from './load.js';
