/**
 * Typed outcomes for input that is not a readable report. Each says whether retrying can help
 * (a network fault can; a corrupt file cannot), so a crawler knows what to do with it.
 */
export type UnparseableReason =
  | 'empty'            // no bytes or only whitespace
  | 'no-text'          // a document (PDF, Word, page) with content but no text in it, and no images to OCR
  | 'too-large'        // over the size limit
  | 'binary'           // not text and not a supported document format
  | 'unsupported'      // a known format we do not read (e.g. .wps, .xls)
  | 'encrypted'        // password-protected document
  | 'corrupt'          // truncated or malformed file of a supported format
  | 'not-a-report'     // readable, but not an annual report
  | 'timeout'          // extraction exceeded its time budget
  | 'needs-ocr'        // a scan (no text layer) and OCR was switched off or its data is not installed
  | 'not-found'        // no such file, or HTTP 404/410
  | 'fetch-failed';    // a URL could not be fetched (network, 5xx): may work later

export const RETRYABLE: Record<UnparseableReason, boolean> = {
  empty: false, 'no-text': false, 'too-large': false, binary: false, unsupported: false, encrypted: false,
  corrupt: false, 'not-a-report': false, timeout: true, 'needs-ocr': false, 'not-found': false, 'fetch-failed': true,
};

/** Thrown by extractors and loaders; `parse*` functions turn it into an `Unparseable` result. */
export class GongkaiError extends Error {
  readonly reason: UnparseableReason;
  readonly retryable: boolean;
  readonly zh: string;
  constructor(reason: UnparseableReason, en: string, zh: string, options?: { cause?: unknown }) {
    super(en, options);
    this.name = 'GongkaiError';
    this.reason = reason;
    this.zh = zh;
    this.retryable = RETRYABLE[reason];
  }
}

/** The result for input that is not a readable report. */
export interface Unparseable {
  ok: false;
  reason: UnparseableReason;
  retryable: boolean;
  message: { zh: string; en: string };
}

export function unparseable(err: unknown): Unparseable {
  if (err instanceof GongkaiError) {
    return { ok: false, reason: err.reason, retryable: err.retryable, message: { zh: err.zh, en: err.message } };
  }
  const msg = err instanceof Error ? err.message : String(err);
  return { ok: false, reason: 'corrupt', retryable: false, message: { zh: `无法解析：${msg}`, en: `Could not parse: ${msg}` } };
}
