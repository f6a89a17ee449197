/**
 * Opening a PDF with pdfjs-dist, with the options that make CJK text come out, bounded in time, and
 * with pdfjs's exceptions turned into typed `GongkaiError`s. Browser-safe: nothing here touches
 * Node; the asset locations are passed in (see `node-assets.ts` for the Node defaults).
 */
import { getDocument, type PDFDocumentProxy, type PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { GongkaiError } from '../../errors.js';

/** Where pdfjs finds its CMaps and standard font data: plain paths (Node) or URLs (browser), with a trailing slash. */
export interface PdfAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
}

export interface PdfOpenOptions extends Partial<PdfAssets> {
  signal?: AbortSignal;
  /** Budget for the whole extraction; opening uses it too. Default 60 s. */
  timeoutMs?: number;
  /** A pdfjs worker to use (browser: `new PDFWorker({ port })`); Node runs pdfjs in-thread without one. */
  worker?: PDFWorker;
}

/** How a document is opened: images larger than `maxImagePixels` are skipped by pdfjs before decoding (0 = decode none). */
export interface PdfImagePolicy { maxImagePixels: number }

/** pdfjs's exception class names we map to reasons. */
function mapError(err: unknown): GongkaiError {
  if (err instanceof GongkaiError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const msg = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    return new GongkaiError('encrypted', 'The PDF is password-protected.', 'PDF 文件有密码保护，无法读取。', { cause: err });
  }
  if (name === 'AbortException' || name === 'AbortError') return abortError(err);
  return new GongkaiError('corrupt', `The PDF could not be read: ${msg}`, `PDF 文件已损坏或不完整，无法读取：${msg}`, { cause: err });
}

export function abortError(cause?: unknown): GongkaiError {
  return new GongkaiError('timeout', 'PDF reading was stopped (time limit or cancelled).', 'PDF 读取超时或被取消。', { cause });
}

/** A deadline shared by every step of one extraction. */
export class Deadline {
  private readonly end: number;
  constructor(timeoutMs: number, private readonly signal?: AbortSignal) { this.end = Date.now() + timeoutMs; }
  /** Throws a timeout `GongkaiError` when the budget is spent or the signal fired. */
  check(): void {
    if (this.signal?.aborted || Date.now() > this.end) throw abortError(this.signal?.reason);
  }
  /** Races a promise against the deadline; `onTimeout` cleans up (e.g. destroys the pdfjs task). */
  async race<T>(p: Promise<T>, onTimeout?: () => void): Promise<T> {
    this.check();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      const fire = (): void => { onTimeout?.(); reject(abortError(this.signal?.reason)); };
      timer = setTimeout(fire, Math.max(0, this.end - Date.now()));
      onAbort = fire;
      this.signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([p, stop]);
    } finally {
      if (timer) clearTimeout(timer);
      if (onAbort) this.signal?.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * Opens a PDF. The bytes are copied (pdfjs detaches the buffer it is given). Throws
 * `GongkaiError` 'encrypted' | 'corrupt' | 'timeout'.
 */
export async function openPdf(bytes: Uint8Array, assets: Partial<PdfAssets> & { worker?: PDFWorker }, deadline: Deadline, images: PdfImagePolicy): Promise<PDFDocumentProxy> {
  const task = getDocument({
    // pdfjs compares the image dictionary's /Width × /Height with this before it decodes anything.
    maxImageSize: images.maxImagePixels,
    ...(assets.worker ? { worker: assets.worker } : {}),
    data: bytes.slice(),
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await deadline.race(task.promise, () => { void task.destroy(); });
  } catch (err) {
    void task.destroy();
    throw mapError(err);
  }
}

export { mapError as pdfError };
