/**
 * Bytes → text with the right encoding, and format sniffing by content (magic bytes), never by name.
 * Decoding order: see `decodeBytes`. gb2312/gbk/x-gbk/cp936 decode as gb18030 (pages labelled gb2312
 * often hold GBK).
 */
import chardet from 'chardet';
import { isMostlyUtf8, utf8Evidence } from './utf8.js';

// TextDecoder (WHATWG encodings) is used rather than iconv-lite so this module runs unchanged in the
// browser extension, where no Buffer exists.
/**
 * One decoder per label, made once: a non-streaming `decode` keeps no state between calls, and
 * making a decoder (opening a converter) costs more than decoding a page. Null for an unknown label.
 */
const decoders = new Map<string, TextDecoder | null>();
function decoderFor(label: string): TextDecoder | null {
  let d = decoders.get(label);
  if (d === undefined) {
    try { d = new TextDecoder(label); } catch { d = null; }
    if (decoders.size < 64) decoders.set(label, d);
  }
  return d;
}

function encodingExists(label: string): boolean {
  return decoderFor(label) !== null;
}

export type SniffedKind = 'html' | 'text' | 'pdf' | 'docx' | 'doc' | 'image' | 'image-other' | 'zip' | 'binary' | 'empty';

const GB_ALIASES = new Set(['gb2312', 'gbk', 'x-gbk', 'cp936', 'gb_2312-80', 'gb18030', 'euc-cn', 'windows-936']);

function normalizeCharset(cs: string | null | undefined): string | null {
  if (!cs) return null;
  const c = cs.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (GB_ALIASES.has(c)) return 'gb18030';
  // A utf-16 label on bytes that reached text decoding (no BOM, no NULs) means UTF-8, as WHATWG says for <meta>.
  if (c === 'utf8' || c.startsWith('utf-16') || c === 'unicode') return 'utf-8';
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

/** Bytes as Latin-1 characters (one per byte), built in chunks rather than one concatenation per byte. */
function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

/** Decoded text, the encoding used, and what the decoder noticed (contradicting labels, damaged bytes). */
export interface DecodedText { text: string; encoding: string; notes: string[] }

/**
 * Decode text bytes as browsers do (WHATWG encoding sniffing), with one difference that real pages
 * need: a body that is UTF-8 wins over a label that says otherwise. Order: BOM → the body's own
 * evidence (valid UTF-8, or UTF-8 with a few damaged bytes, counted and noted) → HTTP charset →
 * `<meta charset>` in the first 4 KB → detection (CJK encodings) → gb18030, the zh-CN default.
 * A label that says UTF-8 over a body that is not is skipped; a Latin HTTP charset (a server
 * default) yields to a `<meta>` that names another encoding, and — with no `<meta>` — to a body
 * that is valid GB18030 Chinese (sniffed, said so in the notes). `contentType` is the HTTP
 * Content-Type header, when known.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: utf8(bytes.subarray(3)), encoding: 'utf-8', notes: [] };
  if (startsWith(bytes, [0xff, 0xfe])) return { ...decodeAs(bytes.subarray(2), 'utf-16le'), notes: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { ...decodeAs(bytes.subarray(2), 'utf-16be'), notes: [] };
  const labels: { label: string; from: string }[] = [];
  const http = normalizeCharset(/charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '')?.[1]);
  const meta = normalizeCharset(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(latin1(bytes.subarray(0, 4096)))?.[1]);
  // A Latin HTTP charset is what Java servers send by default (ISO-8859-1), not what the author
  // wrote: the page's <meta> label goes first (with no <meta>, the GB18030 sniff below).
  const weakHttp = http !== null && meta !== null && meta !== http && isLatin(http);
  if (http && !weakHttp) labels.push({ label: http, from: 'HTTP Content-Type' });
  if (meta) labels.push({ label: meta, from: '<meta>' });
  if (http && weakHttp) labels.push({ label: http, from: 'HTTP Content-Type' });
  const notes: string[] = [];
  const strict = strictUtf8(bytes);
  if (strict !== null) {
    // Pure ASCII reads the same in every ASCII-compatible encoding: the label stands.
    if (strict.length === bytes.length) return { text: strict, encoding: labels[0]?.label ?? 'utf-8', notes };
    const wrong = labels.find((l) => l.label !== 'utf-8');
    if (wrong) notes.push(`The ${wrong.from} charset "${wrong.label}" contradicts the body, which is valid UTF-8: decoded as UTF-8.`);
    return { text: strict, encoding: 'utf-8', notes };
  }
  const ev = utf8Evidence(bytes);
  if (isMostlyUtf8(ev)) {
    notes.push(`${ev.errors} invalid UTF-8 byte sequence(s) among ${ev.multibyte} valid ones (damaged bytes): decoded as UTF-8, each shown as U+FFFD.`);
    return { text: utf8(bytes), encoding: 'utf-8', notes };
  }
  if (http && isLatin(http) && !meta) {
    // No <meta>, and a Latin label on bytes that read as GB18030 Chinese (and as Latin mojibake):
    // the label is a server default, not the author's; the body's evidence wins, as for UTF-8.
    const zh = gbChinese(bytes);
    if (zh !== null) {
      notes.push(`The HTTP Content-Type charset "${http}" (a common server default) contradicts the body, which is valid GB18030 Chinese and no sensible ${http} text: decoded as gb18030 (sniffed).`);
      return { text: zh, encoding: 'gb18030', notes };
    }
  }
  if (weakHttp && meta !== 'utf-8') notes.push(`The HTTP Content-Type charset "${http}" (a server default) contradicts the page's <meta> "${meta}": <meta> used.`);
  for (const l of labels) {
    if (l.label === 'utf-8') { notes.push(`The ${l.from} charset says UTF-8, but the body is not UTF-8: label ignored.`); continue; }
    return { ...decodeAs(bytes, l.label), notes };
  }
  const guess = normalizeCharset(chardet.detect(bytes.subarray(0, 65536)) ?? null);
  return { ...decodeAs(bytes, guess && CJK.has(guess) ? guess : 'gb18030'), notes };
}

/**
 * The text when the bytes are valid GB18030 whose non-ASCII characters are (nearly) all Chinese —
 * CJK ideographs, CJK and full-width punctuation — else null. Latin-1 prose (é followed by a space,
 * a lone ü) is not valid GB18030, so real Latin text never passes.
 */
function gbChinese(bytes: Uint8Array): string | null {
  let text: string;
  try { text = new TextDecoder('gb18030', { fatal: true }).decode(bytes); } catch { return null; }
  let wide = 0; let zh = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    wide++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d) zh++;
  }
  return wide >= 8 && zh >= wide * 0.9 ? text : null;
}

function isLatin(label: string): boolean {
  return decoderFor(label)?.encoding === 'windows-1252';
}

/** Encodings detection may choose; anything else (a Latin guess for Chinese bytes) falls back to gb18030. */
const CJK = new Set(['gb18030', 'big5', 'euc-jp', 'shift_jis', 'euc-kr', 'iso-2022-jp']);

/** Made once: a non-streaming `decode` starts afresh on every call, also after one that threw. */
let fatalUtf8: TextDecoder | null = null;
/** The text if the bytes are valid UTF-8 (one native pass), else null. */
function strictUtf8(b: Uint8Array): string | null {
  try {
    return (fatalUtf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(b);
  } catch {
    return null;
  }
}

function decodeAs(bytes: Uint8Array, enc: string): { text: string; encoding: string } {
  const d = decoderFor(enc);
  return { text: (d ?? new TextDecoder(enc)).decode(bytes), encoding: enc };
}

function utf8(b: Uint8Array): string {
  return decoderFor('utf-8')!.decode(b);
}
