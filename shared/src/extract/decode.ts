/**
 * Bytes → text with the right encoding, and format sniffing by content (magic bytes), never by name.
 * Order (see the handbook's documents guide): BOM → HTTP charset → <meta charset> in the first 4 KB →
 * detection → UTF-8. gb2312/gbk/x-gbk/cp936 decode as gb18030 (pages labelled gb2312 often hold GBK).
 */
import chardet from 'chardet';

// TextDecoder (WHATWG encodings) is used rather than iconv-lite so this module runs unchanged in the
// browser extension, where no Buffer exists.
function encodingExists(label: string): boolean {
  try { new TextDecoder(label); return true; } catch { return false; }
}

export type SniffedKind = 'html' | 'text' | 'pdf' | 'docx' | 'doc' | 'image' | 'image-other' | 'zip' | 'binary' | 'empty';

const GB_ALIASES = new Set(['gb2312', 'gbk', 'x-gbk', 'cp936', 'gb_2312-80', 'gb18030', 'euc-cn', 'windows-936']);

function normalizeCharset(cs: string | null | undefined): string | null {
  if (!cs) return null;
  const c = cs.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (GB_ALIASES.has(c)) return 'gb18030';
  if (c === 'utf8') return 'utf-8';
  return encodingExists(c) ? c : null;
}

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

/** What the bytes are, by content. */
export function sniffKind(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  // Some servers prepend junk before %PDF: look in the first 1 KB, as readers do.
  const head = latin1(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'; // OLE2 (doc, also xls/wps)
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const probe = latin1(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
    return probe.includes('word/') ? 'docx' : 'zip';
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) ||
      startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) || (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && [12, 40, 56, 108, 124].includes(bytes[14]!) && bytes[15] === 0)) return 'image-other';
  // Text or binary: control bytes other than whitespace in the first 8 KB mean binary.
  const sample = bytes.subarray(0, 8192);
  let ctl = 0;
  for (const b of sample) if (b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b !== 0x1b)) ctl++;
  if (ctl > sample.length * 0.01 + 1) return 'binary';
  if (/<(html|head|body|table|div|p|meta|!doctype)[\s>]/i.test(head) || /<(html|table|div|p)[\s>]/i.test(latin1(bytes.subarray(0, 16384)))) return 'html';
  return 'text';
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Decode text bytes. `contentType` is the HTTP Content-Type header, when known. */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: utf8(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes.subarray(2), 'utf-16be');
  const http = normalizeCharset(/charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '')?.[1]);
  if (http) return decodeAs(bytes, http);
  const head = latin1(bytes.subarray(0, 4096));
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  const declared = normalizeCharset(meta);
  if (declared) return decodeAs(bytes, declared);
  if (isValidUtf8(bytes.subarray(0, 65536))) return { text: utf8(bytes), encoding: 'utf-8' };
  const guess = normalizeCharset(chardet.detect(bytes.subarray(0, 65536)) ?? null);
  return decodeAs(bytes, guess ?? 'gb18030');
}

function decodeAs(bytes: Uint8Array, enc: string): { text: string; encoding: string } {
  return { text: new TextDecoder(enc).decode(bytes), encoding: enc };
}

function utf8(b: Uint8Array): string {
  return new TextDecoder('utf-8').decode(b);
}

function isValidUtf8(b: Uint8Array): boolean {
  try {
    // A cut multi-byte sequence at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartial(b));
    return true;
  } catch {
    return false;
  }
}

function trimPartial(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const x = b[end - k]!;
    if ((x & 0xc0) === 0xc0) { end = end - k; break; }
    if ((x & 0x80) === 0) break;
  }
  return b.subarray(0, end);
}
