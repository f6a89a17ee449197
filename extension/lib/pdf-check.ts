/// <reference types="chrome" />
/**
 * Checking a PDF attachment, content-script side: the lens sends the file's URL to the background
 * (`pdf:check`), which checks that it has the page's origin and hands it to the offscreen document
 * (`offscreen.ts`), where the file is fetched and read with pdf.js. pdf.js never runs in the page.
 */
import type { BadgeState, PdfChecker } from './attachments';
import { send } from './messages';

export function pdfChecker(): PdfChecker | null {
  if (typeof chrome === 'undefined' || !chrome.runtime?.id) return null;
  return (url: string) => send<BadgeState | null>({ type: 'pdf:check', url }).then((s) =>
    s ?? { state: 'failed', reason: { zh: '后台未返回结果', en: 'no answer from the extension' } });
}
