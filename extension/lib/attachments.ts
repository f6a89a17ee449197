/**
 * Report attachments linked from a page (PDF/DOC/DOCX/WPS): which links, and what can be said of
 * each file. Files are fetched only from the page's own origin.
 */
import { sniffKind } from '@gongkai/shared/browser';
import { ATTACHMENT_SELECTOR } from './quick-detect';
import { sameOrigin } from './earlier-years';

export interface AttachmentLink { a: HTMLAnchorElement; url: URL | null; ext: string }

export function attachmentLinks(doc: Document, pageUrl: string): AttachmentLink[] {
  const out: AttachmentLink[] = [];
  for (const a of Array.from(doc.querySelectorAll<HTMLAnchorElement>(ATTACHMENT_SELECTOR)).slice(0, 50)) {
    const href = a.getAttribute('href') ?? '';
    const file = /[?&]file=([^&]+)/.exec(href)?.[1];
    const target = file ? decodeURIComponent(file) : href;
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

export async function checkAttachment(link: AttachmentLink, pageUrl: string, pdf: PdfChecker | null): Promise<BadgeState> {
  if (!link.url) return { state: 'not-checked', reason: { zh: '文件不在本网站，不跨站请求', en: 'file is on another site; no cross-site requests' } };
  if (link.ext !== 'pdf') return { state: 'not-checked', reason: { zh: 'Word 文件请用命令行检查', en: 'Word files are checked by the CLI only' } };
  let bytes: Uint8Array;
  try {
    const res = await fetch(link.url.href, { credentials: 'same-origin' });
    if (!res.ok) return { state: 'not-checked', reason: { zh: `无法下载（HTTP ${res.status}）`, en: `download failed (HTTP ${res.status})` } };
    if (!sameOrigin(res.url || link.url.href, pageUrl)) return { state: 'not-checked', reason: { zh: '跳转到其他网站', en: 'redirected to another site' } };
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    return { state: 'not-checked', reason: { zh: '无法下载', en: `download failed: ${String((e as Error).message).slice(0, 60)}` } };
  }
  if (sniffKind(bytes) !== 'pdf') return { state: 'not-checked', reason: { zh: '不是 PDF 文件', en: 'not a PDF file' } };
  if (!pdf) return { state: 'not-checked', reason: { zh: 'PDF 解析器尚不能在浏览器中运行', en: 'PDF extractor not available in the browser yet' } };
  try {
    return await pdf(bytes, link.url.href);
  } catch (e) {
    return { state: 'not-checked', reason: { zh: 'PDF 解析失败', en: `PDF parse failed: ${String((e as Error).message).slice(0, 60)}` } };
  }
}
