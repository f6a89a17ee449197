/**
 * Report attachments linked from a page (PDF/DOC/DOCX/WPS): which links, and what can be said of
 * each file. Files are fetched only from the page's own origin.
 */
import { sniffKind } from '@gongkai/shared/browser';
import { ATTACHMENT_SELECTOR } from './quick-detect';
import { sameOrigin } from './earlier-years';

/** `a` is the element the badge goes after: a link, or an embedded viewer (iframe/embed/object). */
export interface AttachmentLink { a: Element; url: URL | null; ext: string }

/** The file an element points at: href, src, data, a pdf.js viewer's `file=`, or window.open('…') in onclick. */
export function attachmentTarget(el: Element): string {
  const raw = el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('data') || '';
  const onclick = /open\(\s*['"]([^'"]+\.(?:pdf|docx?|wps)[^'"]*)['"]/i.exec(el.getAttribute('onclick') ?? '')?.[1];
  const src = raw && !/^javascript:/i.test(raw) && !(onclick && raw === '#') ? raw : onclick ?? raw;
  const file = /[?&]file=([^&]+)/.exec(src)?.[1];
  return file ? decodeURIComponent(file) : src;
}

export function attachmentLinks(doc: Document, pageUrl: string): AttachmentLink[] {
  const out: AttachmentLink[] = [];
  for (const a of Array.from(doc.querySelectorAll(ATTACHMENT_SELECTOR)).slice(0, 50)) {
    const target = attachmentTarget(a);
    const ext = (/\.(pdf|docx?|wps)(?:$|[?#])/i.exec(target)?.[1] ?? 'pdf').toLowerCase();
    out.push({ a, url: sameOrigin(target, pageUrl), ext });
  }
  return out;
}

export type BadgeState =
  | { state: 'checking' }
  | { state: 'checked'; errors: number; warnings: number; score: number; year: number | null }
  | { state: 'not-checked'; reason: { zh: string; en: string } };

/** A browser PDF checker, when the shared library provides one (see check-attachment.ts). */
export type PdfChecker = (bytes: Uint8Array, url: string) => Promise<BadgeState>;

const MAX_BYTES = 40 * 1024 * 1024;

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

export async function checkAttachment(link: AttachmentLink, _pageUrl: string, pdf: PdfChecker | null): Promise<BadgeState> {
  if (!link.url) return { state: 'not-checked', reason: { zh: '文件不在本网站，不跨站请求', en: 'file is on another site; no cross-site requests' } };
  if (link.ext !== 'pdf') return { state: 'not-checked', reason: { zh: 'Word 文件请用命令行检查', en: 'Word files are checked by the CLI only' } };
  // Nothing to check it with: do not download it at all.
  if (!pdf) return { state: 'not-checked', reason: { zh: 'PDF 解析器尚不能在浏览器中运行', en: 'PDF extractor not available in the browser yet' } };
  let bytes: Uint8Array | null;
  try {
    // Redirects are not followed: attachments are often served from another host.
    const res = await fetch(link.url.href, { credentials: 'same-origin', redirect: 'manual' });
    if (res.type === 'opaqueredirect') return { state: 'not-checked', reason: { zh: '文件地址跳转，不跟随', en: 'the file redirects elsewhere; not followed' } };
    if (!res.ok) return { state: 'not-checked', reason: { zh: `无法下载（HTTP ${res.status}）`, en: `download failed (HTTP ${res.status})` } };
    bytes = await readCapped(res, MAX_BYTES);
  } catch (e) {
    return { state: 'not-checked', reason: { zh: '无法下载', en: `download failed: ${String((e as Error).message).slice(0, 60)}` } };
  }
  if (!bytes) return { state: 'not-checked', reason: { zh: '文件过大（超过 40 MB）', en: 'file too large (over 40 MB)' } };
  if (sniffKind(bytes) !== 'pdf') return { state: 'not-checked', reason: { zh: '不是 PDF 文件', en: 'not a PDF file' } };
  try {
    return await pdf(bytes, link.url.href);
  } catch (e) {
    return { state: 'not-checked', reason: { zh: 'PDF 解析失败', en: `PDF parse failed: ${String((e as Error).message).slice(0, 60)}` } };
  }
}
