/**
 * Raster input for OCR as 8-bit grayscale: PNG (node:zlib), JPEG (pdfjs's decoder), and the page
 * images of a scanned PDF (pdfjs decodes them; the largest image of a page is the scan). Node-only.
 */
import { inflateSync } from 'node:zlib';
import { GongkaiError } from '../../errors.js';
import { MAX_IMAGE_PIXELS } from '../pdf/image-headers.js';

export interface Gray { width: number; height: number; data: Uint8Array }

/** Largest image we decode (pixels); one limit for images and PDF page images. */
export const MAX_PIXELS = MAX_IMAGE_PIXELS;

const corrupt = (why: string): GongkaiError => new GongkaiError('corrupt', `The image could not be decoded (${why}).`, `图片无法解码（${why}）。`);

function checkSize(w: number, h: number): void {
  if (!(w > 0 && h > 0)) throw corrupt('bad dimensions');
  if (w * h > MAX_PIXELS) {
    throw new GongkaiError('too-large', `The image has ${w}×${h} pixels, over the ${MAX_PIXELS / 1e6} Mpx limit.`, `图片为${w}×${h}像素，超过${MAX_PIXELS / 1e6}百万像素的上限。`);
  }
}

/**
 * Width and height from the header alone, before any decoding: PNG's IHDR, JPEG's SOFn marker
 * (the frame header; segments before it are skipped by their lengths). Null when not found.
 */
export function imageHeaderSize(b: Uint8Array): { width: number; height: number } | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    if (b.length < 24 || String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return null;
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return { width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  for (let p = 2; p + 9 < b.length;) {
    if (b[p] !== 0xff) return null;
    const m = b[p + 1]!;
    if (m === 0xff) { p++; continue; } // fill byte
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) { p += 2; continue; } // no length
    const len = (b[p + 2]! << 8) | b[p + 3]!;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): height then width after the precision byte.
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) {
      return { height: (b[p + 5]! << 8) | b[p + 6]!, width: (b[p + 7]! << 8) | b[p + 8]! };
    }
    if (m === 0xda || len < 2) return null; // scan data before any frame header
    p += 2 + len;
  }
  return null;
}

/** Pixels with 1, 3 or 4 components (8-bit) → gray. */
export function toGray(width: number, height: number, data: ArrayLike<number>, comps: number): Gray {
  const out = new Uint8Array(width * height);
  if (comps === 1) { for (let i = 0; i < out.length; i++) out[i] = data[i]!; return { width, height, data: out }; }
  for (let i = 0, j = 0; i < out.length; i++, j += comps) out[i] = (data[j]! * 77 + data[j + 1]! * 150 + data[j + 2]! * 29) >> 8;
  return { width, height, data: out };
}

interface JpegDecoder { width: number; height: number; numComponents: number; parse(b: Uint8Array): void; getData(o: object): Uint8Array }
const DECODERS = 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs';

/** JPEG with pdfjs's decoder (no native codec needed). */
export async function decodeJpeg(bytes: Uint8Array): Promise<Gray> {
  const { JpegImage } = (await import(DECODERS)) as { JpegImage: new () => JpegDecoder };
  try {
    const j = new JpegImage();
    j.parse(bytes);
    checkSize(j.width, j.height);
    const data = j.getData({ width: j.width, height: j.height, forceRGB: false, isSourcePDF: false }) as Uint8Array;
    return toGray(j.width, j.height, data, j.numComponents === 1 ? 1 : 3);
  } catch (err) {
    if (err instanceof GongkaiError) throw err;
    throw corrupt((err as Error).message);
  }
}

/** Non-interlaced 8-bit PNG (gray, gray+alpha, RGB, RGBA, palette). */
export function decodePng(b: Uint8Array): Gray {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = 8;
  let w = 0, h = 0, depth = 0, ctype = 0, interlace = 0;
  let palette: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  while (p + 8 <= b.length) {
    const len = dv.getUint32(p);
    const type = String.fromCharCode(b[p + 4]!, b[p + 5]!, b[p + 6]!, b[p + 7]!);
    const body = b.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') { w = dv.getUint32(p + 8); h = dv.getUint32(p + 12); depth = b[p + 16]!; ctype = b[p + 17]!; interlace = b[p + 20]!; }
    else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    p += 12 + len;
  }
  checkSize(w, h);
  if (depth !== 8 || interlace !== 0) throw new GongkaiError('unsupported', 'Only 8-bit non-interlaced PNG images are read.', '仅支持 8 位非隔行 PNG 图片。');
  const comps = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[ctype];
  if (!comps) throw corrupt(`colour type ${ctype}`);
  let raw: Buffer;
  try { raw = inflateSync(Buffer.concat(idat), { maxOutputLength: (w * comps + 1) * h + 1024 }); } catch (err) { throw corrupt((err as Error).message); }
  const stride = w * comps;
  const px = new Uint8Array(stride * h);
  for (let y = 0; y < h; y++) {
    const f = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = px.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? px.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= comps ? row[x - comps]! : 0, up = prev ? prev[x]! : 0, c = prev && x >= comps ? prev[x - comps]! : 0;
      let v = src[x]!;
      if (f === 1) v += a; else if (f === 2) v += up; else if (f === 3) v += (a + up) >> 1;
      else if (f === 4) { const pp = a + up - c, pa = Math.abs(pp - a), pb = Math.abs(pp - up), pc = Math.abs(pp - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c; }
      row[x] = v & 255;
    }
  }
  if (ctype === 3) {
    if (!palette) throw corrupt('no palette');
    const rgb = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) { const k = px[i]! * 3; rgb[i * 3] = palette[k] ?? 0; rgb[i * 3 + 1] = palette[k + 1] ?? 0; rgb[i * 3 + 2] = palette[k + 2] ?? 0; }
    return toGray(w, h, rgb, 3);
  }
  if (comps === 2 || comps === 4) {
    // Composite alpha over white.
    const c = comps - 1;
    const flat = new Uint8Array(w * h * c);
    for (let i = 0; i < w * h; i++) { const al = px[i * comps + c]!; for (let k = 0; k < c; k++) flat[i * c + k] = (px[i * comps + k]! * al + 255 * (255 - al)) / 255; }
    return toGray(w, h, flat, c);
  }
  return toGray(w, h, px, comps);
}

/** PNG or JPEG by magic bytes; the size is checked from the header before anything is decoded. */
export async function decodeImage(bytes: Uint8Array): Promise<Gray> {
  const size = imageHeaderSize(bytes);
  if (size) checkSize(size.width, size.height);
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return decodePng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return decodeJpeg(bytes);
  throw new GongkaiError('unsupported', 'Only PNG and JPEG images are read.', '仅支持 PNG 和 JPEG 图片。');
}
