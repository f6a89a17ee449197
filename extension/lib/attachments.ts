/**
 * Report attachments linked from a page (PDF/DOC/DOCX/WPS): which links, and what can be said of
 * each file. Files are fetched only from the page's own origin.
 */
import { attachmentElements } from './quick-detect';
import { sameOrigin } from './same-origin';

/** `a` is the element the badge goes after: a link, or an embedded viewer (iframe/embed/object). */
export interface AttachmentLink { a: Element; url: URL | null; ext: string }

const OPENED = /open\(\s*['"]([^'"]+\.(?:pdf|docx?|wps)[^'"]*)['"]/i;

/** The file an element points at: href, src, data, a pdf.js viewer's `file=`, or window.open('…') in onclick or a javascript: link. */
export function attachmentTarget(el: Element): string {
  const raw = el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('data') || '';
  const onclick = OPENED.exec(el.getAttribute('onclick') ?? '')?.[1] ?? (/^javascript:/i.test(raw) ? OPENED.exec(raw)?.[1] : undefined);
  const src = raw && !/^javascript:/i.test(raw) && !(onclick && raw === '#') ? raw : onclick ?? raw;
  const file = /[?&]file=([^&]+)/.exec(src)?.[1];
  return file ? decodeURIComponent(file) : src;
}

export function attachmentLinks(doc: Document, pageUrl: string): AttachmentLink[] {
  const out: AttachmentLink[] = [];
  for (const a of attachmentElements(doc, 50)) {
    const target = attachmentTarget(a);
    const ext = (/\.(pdf|docx?|wps)(?:$|[?#])/i.exec(target)?.[1] ?? 'pdf').toLowerCase();
    out.push({ a, url: sameOrigin(target, pageUrl), ext });
  }
  return out;
}

export type BadgeState =
  | { state: 'checking' }
  | { state: 'checked'; errors: number; warnings: number; score: number; year: number | null;
      /** The most severe finding, shown on hover. */
      top: { id: string; zh: string; en: string } | null }
  /** A scan: no text layer to read; OCR runs in the CLI only. */
  | { state: 'scanned'; pages: number }
  /** The file was fetched but could not be read or checked (corrupt, encrypted, not a report, time-out). */
  | { state: 'failed'; reason: { zh: string; en: string } }
  | { state: 'not-checked'; reason: { zh: string; en: string } };

/**
 * Checks one same-origin PDF by URL and says what it found. In the lens this sends the URL to the
 * background, which checks it in the offscreen document (lib/pdf-check.ts).
 */
export type PdfChecker = (url: string) => Promise<BadgeState>;

/** Why a file on another site is not fetched. */
export const OTHER_SITE = { zh: '文件不在本网站，不跨站请求', en: 'file is on another site; no cross-site requests' };

export async function checkAttachment(link: AttachmentLink, _pageUrl: string, pdf: PdfChecker | null): Promise<BadgeState> {
  if (!link.url) return { state: 'not-checked', reason: OTHER_SITE };
  if (link.ext !== 'pdf') return { state: 'not-checked', reason: { zh: 'Word 文件请用命令行检查', en: 'Word files are checked by the CLI only' } };
  if (!pdf) return { state: 'not-checked', reason: { zh: 'PDF 检查不可用', en: 'PDF checking not available' } };
  try {
    const out = await pdf(link.url.href);
    return out && typeof out === 'object' && 'state' in out ? out : { state: 'failed', reason: { zh: '检查未返回结果', en: 'the check returned nothing' } };
  } catch (e) {
    return { state: 'failed', reason: { zh: 'PDF 检查出错', en: `PDF check failed: ${String((e as Error)?.message ?? e).slice(0, 60)}` } };
  }
}
