/**
 * @gongkai/shared/node — Node-only entry points: reading files and URLs, and parsing bytes of any
 * supported format (HTML, text, PDF, DOCX, DOC, images), chosen by content, never by file name.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeBytes, sniffKind } from './extract/decode.js';
import { extractHtml } from './extract/html.js';
import { extractText } from './extract/text.js';
import type { ExtractedDocument } from './extract/types.js';
import { GongkaiError, unparseable } from './errors.js';
import { parseExtracted, type ParseOptions, type ParseResult } from './parse/parse-report.js';

export * from './index.js';
/** Agency regions (GB/T 2260) and levels; the division table is read from disk, so Node only. */
export { divisionIndex, regionOfAgency, within, REGION_LEVELS } from './portal/region.js';
export type { AgencyRegion, Division, DivisionIndex, DivisionKind, RegionContext, RegionLevel } from './portal/region.js';
export { loadDivisions, DIVISIONS_SOURCE } from './portal/divisions.js';

/** Default limits: bounded time and memory whatever the input. */
export const LIMITS = { textBytes: 20 * 1024 * 1024, binaryBytes: 80 * 1024 * 1024, fetchTimeoutMs: 30_000 };

export interface BytesOptions extends ParseOptions {
  /** HTTP Content-Type, when the bytes came from a server (its charset is honoured). */
  contentType?: string | null;
  /** Run OCR on scanned pages and images (slow: seconds per page). Default true. */
  ocr?: boolean;
  maxBytes?: number;
  /** Pages of a PDF read at most (default 60; the rest is noted, not read). */
  maxPages?: number;
  /** Time budget for extracting a binary document (default 60 s, 300 s with OCR). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Turn bytes of any supported format into the extraction model. */
export async function extractBytes(input: Uint8Array, opts: BytesOptions = {}): Promise<ExtractedDocument> {
  // A Node Buffer (or any Uint8Array subclass) is copied to a plain Uint8Array: pdf.js insists on one.
  const bytes = input.constructor === Uint8Array ? input : new Uint8Array(input);
  const kind = sniffKind(bytes);
  const limit = opts.maxBytes ?? (kind === 'html' || kind === 'text' ? LIMITS.textBytes : LIMITS.binaryBytes);
  if (bytes.length > limit) {
    throw new GongkaiError('too-large', `Input is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${(limit / 1048576).toFixed(0)} MB limit for ${kind} input.`,
      `输入文件${(bytes.length / 1048576).toFixed(1)} MB，超过${kind}类输入的${(limit / 1048576).toFixed(0)} MB上限。`);
  }
  switch (kind) {
    case 'empty':
      throw new GongkaiError('empty', 'The input is empty.', '输入为空。');
    case 'html': case 'text': {
      // Decoder notes (a label the body contradicts, damaged UTF-8 bytes) go with the document's notes.
      const { text, encoding, notes } = decodeBytes(bytes, opts.contentType);
      const doc = kind === 'html' ? extractHtml(text, encoding) : extractText(text, encoding);
      doc.notes.unshift(...notes);
      return doc;
    }
    case 'pdf': case 'docx': case 'doc': case 'image': {
      const { extractBinary } = await import('./extract/binary.js');
      binaryUsed = true;
      const o: import('./extract/binary.js').BinaryOptions = { ocr: opts.ocr ?? true };
      if (opts.maxPages !== undefined) o.maxPages = opts.maxPages;
      if (opts.timeoutMs !== undefined) o.timeoutMs = opts.timeoutMs;
      if (opts.signal) o.signal = opts.signal;
      return extractBinary(bytes, kind, o);
    }
    case 'image-other': {
      throw new GongkaiError('unsupported', 'Only PNG and JPEG images are read (this is TIFF, GIF, BMP or WebP).', '图片只支持PNG和JPEG格式（此文件为TIFF、GIF、BMP或WebP）。');
    }
    case 'zip':
      throw new GongkaiError('unsupported', 'A ZIP archive that is not a Word document.', '压缩包（非Word文档），不支持。');
    default:
      throw new GongkaiError('binary', 'Binary data that is not a supported document (HTML, text, PDF, DOC, DOCX, image).', '二进制数据，不是支持的文档格式（HTML、文本、PDF、DOC、DOCX、图片）。');
  }
}

let binaryUsed = false;

/** Stop the shared OCR worker (call once when a long-running process is done with parsing). */
export async function closeOcr(): Promise<void> {
  if (!binaryUsed) return;
  const m = await import('./extract/ocr/index.js');
  await m.closeOcr();
}

/** Parse bytes of any supported format. Never throws: bad input gives `{ ok: false, reason, message }`. */
export async function parseBytes(bytes: Uint8Array, opts: BytesOptions = {}): Promise<ParseResult> {
  try {
    return parseExtracted(await extractBytes(bytes, opts), opts);
  } catch (err) {
    return unparseable(err);
  }
}

export interface LoadedInput { bytes: Uint8Array; contentType: string | null; url: string | null; name: string }

/** Read a file path or fetch an http(s) URL, with size and time limits. Throws GongkaiError. */
export async function loadInput(target: string, opts: { maxBytes?: number; timeoutMs?: number; userAgent?: string } = {}): Promise<LoadedInput> {
  const max = opts.maxBytes ?? LIMITS.binaryBytes;
  if (/^https?:\/\//i.test(target)) return fetchInput(target, max, opts.timeoutMs ?? LIMITS.fetchTimeoutMs, opts.userAgent);
  let size: number;
  try {
    const st = await stat(target);
    if (!st.isFile()) throw new GongkaiError('not-found', `${target} is not a file.`, `${target}不是文件。`);
    size = st.size;
  } catch (err) {
    if (err instanceof GongkaiError) throw err;
    throw new GongkaiError('not-found', `No such file: ${target}`, `文件不存在：${target}`, { cause: err });
  }
  if (size > max) throw new GongkaiError('too-large', `${target} is ${(size / 1048576).toFixed(1)} MB, over the ${(max / 1048576).toFixed(0)} MB limit.`, `${target}大小${(size / 1048576).toFixed(1)} MB，超过上限。`);
  return { bytes: new Uint8Array(await readFile(target)), contentType: null, url: null, name: basename(target) };
}

async function fetchInput(url: string, max: number, timeoutMs: number, userAgent?: string): Promise<LoadedInput> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: ctl.signal, redirect: 'follow', headers: { 'user-agent': userAgent ?? 'GongkaiLens/0.1 (+https://github.com/gongkai-lens; annual report checker)' } });
    } catch (err) {
      const why = ctl.signal.aborted ? `timed out after ${timeoutMs} ms` : (err as Error).cause ? String(((err as Error).cause as Error).message ?? (err as Error).cause) : (err as Error).message;
      throw new GongkaiError(ctl.signal.aborted ? 'timeout' : 'fetch-failed', `Could not fetch ${url}: ${why}`, `无法获取${url}：${why}`, { cause: err });
    }
    if (res.status === 404 || res.status === 410) throw new GongkaiError('not-found', `${url} answered HTTP ${res.status}`, `${url}返回HTTP ${res.status}（不存在）`);
    if (!res.ok) throw new GongkaiError('fetch-failed', `${url} answered HTTP ${res.status}`, `${url}返回HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > max) throw new GongkaiError('too-large', `${url} is ${declared} bytes, over the limit.`, `${url}超过大小上限。`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) { await reader.cancel(); throw new GongkaiError('too-large', `${url} is over the ${max} byte limit.`, `${url}超过大小上限。`); }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) { bytes.set(c, off); off += c.length; }
    return { bytes, contentType: res.headers.get('content-type'), url: res.url || url, name: decodeURIComponent(new URL(res.url || url).pathname.split('/').pop() || url) };
  } finally {
    clearTimeout(timer);
  }
}
