/**
 * Report attachments linked from a page (PDF/DOC/DOCX/WPS): which links, and what can be said of
 * each file. Files are fetched only from the page's own origin.
 */
import { sniffKind } from '@gongkai/shared/browser';
import { attachmentElements } from './quick-detect';
import { sameOrigin } from './earlier-years';

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

export const MAX_BYTES = 40 * 1024 * 1024;

/** Reads a response body up to `max` bytes; null when it is larger (the download is cancelled). */
async function readCapped(res: Response, max: number): Promise<Uint8Array | null> {
  if (Number(res.headers.get('content-length') ?? 0) > max) { await res.body?.cancel(); return null; }
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array(await res.arrayBuffer());
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) { await reader.cancel(); return null; }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

const OTHER_SITE = { zh: '文件不在本网站，不跨站请求', en: 'file is on another site; no cross-site requests' };

/**
 * Downloads a PDF attachment of `pageUrl` (run in the offscreen document): only from the page's
 * own origin, no redirects followed, at most 40 MB, no cookies sent. Either the bytes or the
 * badge that says why not.
 */
export async function downloadPdf(url: string, pageUrl: string): Promise<{ bytes: Uint8Array } | { badge: BadgeState }> {
  const target = sameOrigin(url, pageUrl);
  if (!target) return { badge: { state: 'not-checked', reason: OTHER_SITE } };
  let bytes: Uint8Array | null;
  try {
    // Redirects are not followed: attachments are often served from another host.
    const res = await fetch(target.href, { credentials: 'omit', redirect: 'manual', cache: 'no-store' });
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) return { badge: { state: 'not-checked', reason: { zh: '文件地址跳转，不跟随', en: 'the file redirects elsewhere; not followed' } } };
    if (!res.ok) return { badge: { state: 'not-checked', reason: { zh: `无法下载（HTTP ${res.status}）`, en: `download failed (HTTP ${res.status})` } } };
    bytes = await readCapped(res, MAX_BYTES);
  } catch (e) {
    return { badge: { state: 'not-checked', reason: { zh: '无法下载', en: `download failed: ${String((e as Error).message).slice(0, 60)}` } } };
  }
  if (!bytes) return { badge: { state: 'not-checked', reason: { zh: '文件过大（超过 40 MB）', en: 'file too large (over 40 MB)' } } };
  if (sniffKind(bytes) !== 'pdf') return { badge: { state: 'not-checked', reason: { zh: '不是 PDF 文件', en: 'not a PDF file' } } };
  return { bytes };
}

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
