/** Downloading a PDF attachment in the offscreen document (the lens itself downloads nothing). */
import { sniffKind } from '@gongkai/shared/browser';
import { OTHER_SITE, type BadgeState } from './attachments';
import { sameOrigin } from './same-origin';

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

