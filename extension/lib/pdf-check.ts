/**
 * Checking a PDF attachment in the browser. The shared library's PDF extractor
 * (shared/src/extract/pdf, browser-safe) is not exported by the public entry
 * `@gongkai/shared/browser` yet, and the extension imports the public API only: so this returns
 * null and badges say "not checked" with that reason, without downloading the file.
 * Once exported: run `extractPdf` → `parseExtracted` → `checkReport` in an extension page (offscreen
 * document) with pdf.worker/cmaps/standard_fonts copied into the build (see docs/extension.md).
 */
import type { PdfChecker } from './attachments';

export function pdfChecker(): PdfChecker | null {
  return null;
}
