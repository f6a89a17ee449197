/**
 * Zip-bomb guard for DOCX (and any OOXML) input: reads the zip central directory, checks the declared
 * sizes, then inflates every entry with a hard output cap, so a file that lies about its sizes is
 * caught too. Node-only (node:zlib).
 */
import { inflateRawSync } from 'node:zlib';
import { GongkaiError } from '../errors.js';

export interface ZipLimits {
  /** Max total uncompressed bytes (default 200 MB). */
  maxTotal: number;
  /** Max uncompressed bytes of one entry (default 100 MB). */
  maxEntry: number;
  /** Max entries (default 5000). */
  maxEntries: number;
  /** Max compression ratio of an entry larger than 1 MB (default 200). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotal: 200e6, maxEntry: 100e6, maxEntries: 5000, maxRatio: 200 };

export interface ZipEntry { name: string; method: number; compressed: number; size: number; offset: number }

const corrupt = (why: string): GongkaiError =>
  new GongkaiError('corrupt', `The document is not a readable zip archive (${why}).`, `文档不是有效的压缩包（${why}），无法读取。`);
const tooLarge = (why: string): GongkaiError =>
  new GongkaiError('too-large', `The document expands beyond the size limit (${why}).`, `文档解压后超过大小限制（${why}），可能是压缩炸弹。`);

/** Lists the entries from the central directory; throws 'corrupt' when it is missing or malformed. */
export function zipEntries(b: Uint8Array, maxEntries = DEFAULT_ZIP_LIMITS.maxEntries): ZipEntry[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw corrupt('no end of central directory; truncated?');
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  if (count > maxEntries) throw tooLarge(`${count} entries`);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) throw corrupt('bad central directory');
    const method = dv.getUint16(p + 10, true);
    const compressed = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true), extraLen = dv.getUint16(p + 30, true), commentLen = dv.getUint16(p + 32, true);
    const offset = dv.getUint32(p + 42, true);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    out.push({ name, method, compressed, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Throws 'too-large' for a zip bomb and 'corrupt' for a broken archive; returns the entry names. */
export function guardZip(b: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string[] {
  const entries = zipEntries(b, limits.maxEntries);
  let total = 0;
  for (const e of entries) {
    if (e.size === 0xffffffff || e.compressed === 0xffffffff) throw tooLarge('zip64 entry');
    total += e.size;
    if (e.size > limits.maxEntry) throw tooLarge(`${e.name}: ${e.size} bytes`);
    if (e.size > 1e6 && e.size / Math.max(1, e.compressed) > limits.maxRatio) throw tooLarge(`${e.name}: ratio ${Math.round(e.size / Math.max(1, e.compressed))}`);
  }
  if (total > limits.maxTotal) throw tooLarge(`${total} bytes in total`);
  // Declared sizes can lie: inflate each entry with a hard cap.
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let inflated = 0;
  for (const e of entries) {
    if (e.offset + 30 > b.length || dv.getUint32(e.offset, true) !== 0x04034b50) throw corrupt(`bad local header for ${e.name}`);
    const start = e.offset + 30 + dv.getUint16(e.offset + 26, true) + dv.getUint16(e.offset + 28, true);
    const data = b.subarray(start, start + e.compressed);
    if (data.length < e.compressed) throw corrupt(`${e.name} is truncated`);
    if (e.method === 0) { inflated += data.length; continue; }
    if (e.method !== 8) throw corrupt(`unsupported compression ${e.method}`);
    const cap = Math.min(limits.maxEntry, limits.maxTotal - inflated, e.size + 1024);
    try {
      inflated += inflateRawSync(data, { maxOutputLength: Math.max(1024, cap) }).length;
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(`${e.name} inflates past its declared size`);
      throw corrupt(`${e.name}: ${(err as Error).message}`);
    }
  }
  return entries.map((e) => e.name);
}
