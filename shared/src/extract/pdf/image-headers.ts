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

function isDelimiter(c: number | undefined): boolean {
  // Whitespace and PDF delimiters end a name: /Image followed by a letter is /ImageMask, /ImageB …
  return c === undefined || c <= 0x20 || c === SLASH || c === 0x3e || c === 0x3c || c === 0x5b || c === 0x5d || c === 0x28 || c === 0x29;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Width and height of every image XObject (0 where the dictionary does not state them as numbers). */
export function pdfImageHeaders(bytes: Uint8Array): ImageHeader[] {
  const out: ImageHeader[] = [];
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
    const w = /\/Width\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const h = /\/Height\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    out.push({ width: w ? Number(w[1]) : 0, height: h ? Number(h[1]) : 0 });
    i += 6;
  }
  return out;
}

function endOfDict(s: string, from: number): number {
  const st = s.indexOf('stream', from);
  const end = s.indexOf('endobj', from);
  const cands = [st, end].filter((x) => x >= 0);
  return cands.length ? Math.min(...cands) : s.length;
}

/** Images over `MAX_IMAGE_PIXELS`. */
export function oversizeImages(images: readonly ImageHeader[]): ImageHeader[] {
  return images.filter((im) => im.width * im.height > MAX_IMAGE_PIXELS);
}
