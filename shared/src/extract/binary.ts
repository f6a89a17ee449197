/**
 * Entry point for binary documents (Node): PDF (text layer, else OCR), DOCX, DOC and images. The
 * caller sniffs the kind from magic bytes. Every failure is a typed `GongkaiError`; every path is
 * bounded (page limit, zip-bomb guard, time budget).
 */
import { GongkaiError } from '../errors.js';
import type { ExtractedDocument } from './types.js';
import { extractPdf, DEFAULT_MAX_PAGES } from './pdf/extract.js';
import { nodePdfAssets } from './pdf/node-assets.js';
import { MAX_IMAGE_PIXELS, oversizeImages } from './pdf/image-headers.js';
import { extractDocx } from './docx.js';
import { extractDoc } from './doc.js';

export interface BinaryOptions {
  /** Run OCR on scanned pages and images (default true). */
  ocr?: boolean;
  /** Pages read at most (default 60). */
  maxPages?: number;
  signal?: AbortSignal;
  /** Time budget for the whole extraction (default 60 s text, 300 s with OCR). */
  timeoutMs?: number;
}

/** Bytes above this are refused outright. */
export const MAX_BINARY_BYTES = 100 * 1024 * 1024;
/** Fewer text characters per page than this means a scan. */
const SCAN_CHARS_PER_PAGE = 20;

/** Extracts a binary document into the common intermediate form. */
export async function extractBinary(bytes: Uint8Array, kind: 'pdf' | 'docx' | 'doc' | 'image', opts: BinaryOptions = {}): Promise<ExtractedDocument> {
  if (bytes.length === 0) throw new GongkaiError('empty', 'The document is empty.', '文档为空。');
  if (bytes.length > MAX_BINARY_BYTES) throw new GongkaiError('too-large', `The document is larger than ${MAX_BINARY_BYTES} bytes.`, '文档超过大小限制。');
  if (opts.signal?.aborted) throw new GongkaiError('timeout', 'Extraction was cancelled.', '读取已取消。');
  switch (kind) {
    case 'pdf': return pdfWithOcr(bytes, opts);
    case 'docx': return extractDocx(bytes);
    case 'doc': return extractDoc(bytes, { timeoutMs: opts.timeoutMs ?? 30_000 });
    case 'image': {
      if (opts.ocr === false) throw new GongkaiError('needs-ocr', 'Images need OCR, which is switched off.', '图片需要文字识别（OCR），当前已关闭。');
      const { ocrImage } = await import('./ocr/index.js');
      return ocrImage(bytes, { timeoutMs: opts.timeoutMs ?? 120_000, ...(opts.signal ? { signal: opts.signal } : {}) });
    }
    default: throw new GongkaiError('unsupported', `Unsupported document kind: ${String(kind)}`, '不支持的文档类型。');
  }
}

async function pdfWithOcr(bytes: Uint8Array, opts: BinaryOptions): Promise<ExtractedDocument> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const started = Date.now();
  const res = await extractPdf(bytes, { ...nodePdfAssets(), maxPages: opts.maxPages ?? DEFAULT_MAX_PAGES, timeoutMs,
    ...(opts.signal ? { signal: opts.signal } : {}) });
  // A scanned page: (almost) no text, and an image to read. A short page without images is just short.
  const scanned = res.pages.filter((p) => p.chars < SCAN_CHARS_PER_PAGE && p.images > 0);
  if (scanned.length === 0) return res.doc;
  if (scanned.length < res.pages.length / 2) {
    // A text report with a few picture pages (a stamped signature page, an inserted scan).
    res.doc.notes.push(`Page(s) ${scanned.map((p) => p.page).join(', ')} have (almost) no text layer and were not OCR'd.`);
    return res.doc;
  }
  if (opts.ocr === false) {
    throw new GongkaiError('needs-ocr', `A scanned PDF: ${scanned.length} of ${res.pages.length} page(s) have no text layer, and OCR is switched off.`,
      `扫描版PDF：${res.pages.length}页中有${scanned.length}页没有文字层，且未启用OCR。`);
  }
  // Sizes from the image dictionaries: a scan whose every image is over the limit is refused
  // before anything is decoded; oversize images among others are skipped (pdfjs never decodes them).
  const big = oversizeImages(res.images);
  const sizes = big.slice(0, 3).map((im) => [im.width, im.height].map((x) => (Number.isNaN(x) ? '?' : x)).join('×')).join(', ');
  if (big.length > 0 && big.length === res.images.length) {
    throw new GongkaiError('too-large', `A scanned PDF whose page images are over the ${MAX_IMAGE_PIXELS / 1e6} Mpx limit (${sizes} px): not decoded.`,
      `扫描版PDF的页面图片超过${MAX_IMAGE_PIXELS / 1e6}百万像素的上限（${sizes}像素），未解码。`);
  }
  const { ocrPdf } = await import('./ocr/index.js');
  const left = (opts.timeoutMs ?? 300_000) - (Date.now() - started);
  const doc = await ocrPdf(bytes, { maxPages: opts.maxPages ?? DEFAULT_MAX_PAGES, timeoutMs: Math.max(1000, left),
    ...(opts.signal ? { signal: opts.signal } : {}) });
  if (big.length > 0) doc.notes.push(`${big.length} image(s) over the ${MAX_IMAGE_PIXELS / 1e6} Mpx limit (${sizes} px) were skipped, not decoded.`);
  return doc;
}
