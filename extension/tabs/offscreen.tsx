/// <reference types="chrome" />
/**
 * The offscreen document (chrome.offscreen, reason WORKERS), created by the background when a page
 * has PDF attachments: fetches one same-origin PDF at a time and checks it with pdf.js (its worker,
 * CMaps and standard fonts are files of the extension, copied by scripts/postbuild.mjs; they are
 * not exposed to web pages). It answers the background only, never a content script.
 */
import { setPdfWorkerSrc } from '@gongkai/shared/pdf';
import type { BadgeState } from '../lib/attachments';
import { downloadPdf } from '../lib/pdf-download';
import type { OffscreenMessage } from '../lib/messages';
import { pdfVerdict } from '../lib/pdf-verdict';

setPdfWorkerSrc(chrome.runtime.getURL('pdf.worker.mjs'));
const assets = { cMapUrl: chrome.runtime.getURL('cmaps/'), standardFontDataUrl: chrome.runtime.getURL('standard_fonts/') };

// One file at a time: a page may link several large PDFs.
let queue: Promise<unknown> = Promise.resolve();
function check(url: string, pageUrl: string): Promise<BadgeState> {
  const run = async (): Promise<BadgeState> => {
    const got = await downloadPdf(url, pageUrl);
    if ('badge' in got) return got.badge;
    return pdfVerdict(got.bytes, url, assets);
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

chrome.runtime.onMessage.addListener((msg: OffscreenMessage, sender, reply) => {
  // Only the background talks to us: content scripts (sender.tab set) are ignored.
  if (msg?.target !== 'offscreen' || sender.id !== chrome.runtime.id || sender.tab) return false;
  if (msg.type !== 'offscreen:pdf' || typeof msg.url !== 'string' || typeof msg.pageUrl !== 'string') return false;
  check(msg.url, msg.pageUrl).then(reply, (e: unknown) =>
    reply({ state: 'failed', reason: { zh: 'PDF 检查出错', en: `PDF check failed: ${String((e as Error)?.message ?? e).slice(0, 80)}` } } satisfies BadgeState));
  return true;
});

export default function Offscreen() {
  return null;
}
