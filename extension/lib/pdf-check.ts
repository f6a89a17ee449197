/**
 * Checking a PDF attachment in the browser. The shared library's public API has no browser PDF
 * entry yet (its extractor lives behind `@gongkai/shared/node`), so this returns null and badges
 * say "not checked" with that reason.
 */
import type { PdfChecker } from './attachments';

export function pdfChecker(): PdfChecker | null {
  return null;
}
