/**
 * Image sizes of a PDF read from the image dictionaries' /Width and /Height, before anything is
 * decoded. Image XObjects are streams, and streams are never inside object streams, so every image
 * dictionary is in the file's bytes as written (also in encrypted files: dictionaries are not
 * encrypted). Browser-safe and linear: one pass over the bytes looking for the name /Image.
 */

/** Largest image decoded anywhere (pixels): OCR of PNG/JPEG input and of scanned PDF pages. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export interface ImageHeader {
  width: number;
  height: number;
}

const SLASH = 0x2f;
const NAME = [0x49, 0x6d, 0x61, 0x67, 0x65]; // "Image"
/** How far around /Image its dictionary's /Width and /Height are looked for. */
const WINDOW = 1024;
/** Most indirect /Width or /Height references resolved in one file. */
const MAX_LOOKUPS = 64;

function isDelimiter(c: number | undefined): boolean {
  // Whitespace and PDF delimiters end a name: /Image followed by a letter is /ImageMask, /ImageB …
  return c === undefined || c <= 0x20 || c === SLASH || c === 0x3e || c === 0x3c || c === 0x5b || c === 0x5d || c === 0x28 || c === 0x29;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/**
 * Width and height of every image XObject: a number stated in the dictionary, or an indirect one
 * (`/Width 12 0 R`) looked up as `12 0 obj 20000 endobj`; NaN where neither gives a number (unknown,
 * never 0: `oversizeImages` counts such an image as over the limit).
 */
export function pdfImageHeaders(bytes: Uint8Array): ImageHeader[] {
  const out: ImageHeader[] = [];
  const refs = new Map<string, number>();
  for (let i = bytes.indexOf(SLASH); i >= 0; i = bytes.indexOf(SLASH, i + 1)) {
    let k = 0;
    while (k < 5 && bytes[i + 1 + k] === NAME[k]) k++;
    if (k < 5 || !isDelimiter(bytes[i + 6])) continue;
    // The dictionary around it: back to its "<<" (at most WINDOW bytes), forward to ">>" or "stream".
    const from = Math.max(0, i - WINDOW);
    const around = latin1(bytes.subarray(from, Math.min(bytes.length, i + WINDOW)));
    const at = i - from;
    const open = around.lastIndexOf('obj', at);
    const dict = around.slice(open >= 0 ? open : 0, endOfDict(around, at));
    if (!/\/Subtype\s*\/Image\b/.test(dict)) continue;
    out.push({ width: sizeOf(bytes, dict, 'Width', refs), height: sizeOf(bytes, dict, 'Height', refs) });
    i += 6;
  }
  return out;
}

/** /Width or /Height of an image dictionary, resolving an indirect number once per reference. */
function sizeOf(bytes: Uint8Array, dict: string, key: string, refs: Map<string, number>): number {
  const m = new RegExp(`/${key}\\s+(\\d+)(?:\\s+(\\d+)\\s+R\\b)?`).exec(dict);
  if (!m) return NaN;
  if (m[2] === undefined) return Number(m[1]);
  const ref = `${m[1]} ${m[2]}`;
  let v = refs.get(ref);
  // Each lookup scans the file: past MAX_LOOKUPS distinct references a size stays unknown (linear cost).
  if (v === undefined) { v = refs.size < MAX_LOOKUPS ? indirectNumber(bytes, Number(m[1]), Number(m[2])) : NaN; refs.set(ref, v); }
  return v;
}

/** The number object `n g obj <number> endobj`, found in the bytes as written (NaN when absent). */
function indirectNumber(bytes: Uint8Array, n: number, g: number): number {
  const head = `${n} ${g} obj`;
  const first = head.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    if (i > 0 && !isDelimiter(bytes[i - 1])) continue;
    let k = 1;
    while (k < head.length && bytes[i + k] === head.charCodeAt(k)) k++;
    if (k < head.length) continue;
    const m = /^\s*(\d+)\s*endobj/.exec(latin1(bytes.subarray(i + k, Math.min(bytes.length, i + k + 64))));
    if (m) return Number(m[1]);
  }
  return NaN;
}

function endOfDict(s: string, from: number): number {
  const st = s.indexOf('stream', from);
  const end = s.indexOf('endobj', from);
  const cands = [st, end].filter((x) => x >= 0);
  return cands.length ? Math.min(...cands) : s.length;
}

/** Images over `MAX_IMAGE_PIXELS`, or of unknown size (never decoded on the chance that it is small). */
export function oversizeImages(images: readonly ImageHeader[]): ImageHeader[] {
  return images.filter((im) => !(im.width * im.height <= MAX_IMAGE_PIXELS));
}
