/**
 * MinHash signatures of Chinese text, for finding near-identical report sections across a whole store
 * (内容雷同). The text is normalized (NFKC, only letters and digits kept — punctuation, spaces and line
 * breaks differ between copies made from Word, PDF and HTML; every digit becomes 0, since a copy keeps
 * the wording and changes the year and the figures), cut into overlapping k-character shingles, and each
 * shingle hashed once (FNV-1a, 32 bits). The signature is the minimum, over the shingles, of each of
 * `HASHES` fixed seeded permutations of that hash — the same on every machine and every run, so
 * signatures stored once stay comparable. The share of equal positions of two signatures estimates the
 * Jaccard similarity of their shingle sets (standard error about √(s(1−s)/128) ≤ 0.045).
 */

/** Characters per shingle: 5 Chinese characters are about two words. */
export const SHINGLE = 5;
/** Positions per signature. */
export const HASHES = 128;

/** Fewer normalized characters than this is boilerplate-sized (一、无): not compared. */
export const MIN_CHARS = 120;

/** The text as compared: NFKC, letters and digits only, every digit 0. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '').replace(/\p{N}/gu, '0').toLowerCase();
}

/** FNV-1a over a string's UTF-16 code units, unsigned 32 bits. */
function fnv1a(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The distinct shingle hashes of normalized text (one shingle for text shorter than `k`). */
export function shingleHashes(normalized: string, k = SHINGLE): Uint32Array {
  if (!normalized) return new Uint32Array(0);
  const n = Math.max(1, normalized.length - k + 1);
  const set = new Set<number>();
  for (let i = 0; i < n; i++) set.add(fnv1a(normalized, i, Math.min(i + k, normalized.length)));
  return Uint32Array.from(set);
}

/** Deterministic 32-bit generator (mulberry32) for the permutations' parameters. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Per position: an odd multiplier and an xor key; fixed by the seed, never by the data. */
const SEED = 0x5eed_2021;
const PARAMS = (() => {
  const next = mulberry32(SEED);
  const mul = new Uint32Array(HASHES), xor = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) { mul[i] = next() | 1; xor[i] = next(); }
  return { mul, xor };
})();

/**
 * The MinHash signature of a set of shingle hashes (all 0xFFFFFFFF for an empty set). Position i's
 * permutation of a 32-bit hash: xor a key, multiply by an odd number, xorshift — a bijection on 32 bits.
 */
export function signatureOf(hashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const { mul, xor } = PARAMS;
  for (let i = 0; i < HASHES; i++) {
    const m = mul[i]!, k = xor[i]!;
    let min = 0xffffffff;
    for (let j = 0; j < hashes.length; j++) {
      let h = Math.imul(hashes[j]! ^ k, m);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/** The signature of a text, or null when it is too short to compare (`MIN_CHARS` normalized characters). */
export function textSignature(text: string, minChars = MIN_CHARS): Uint32Array | null {
  const norm = normalizeText(text);
  if (norm.length < minChars) return null;
  return signatureOf(shingleHashes(norm));
}

/** Estimated Jaccard similarity: the share of equal positions. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signatures of different lengths (${a.length}, ${b.length})`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** The exact Jaccard similarity of two texts' shingle sets (tests and evidence; O(n)). */
export function jaccard(a: string, b: string): number {
  const x = new Set(shingleHashes(normalizeText(a))), y = new Set(shingleHashes(normalizeText(b)));
  if (!x.size && !y.size) return 1;
  let inter = 0;
  for (const h of x) if (y.has(h)) inter++;
  return inter / (x.size + y.size - inter);
}

/** A signature as text for the store (base64 of its little-endian bytes) and back. */
export function encodeSignature(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}
export function decodeSignature(text: string): Uint32Array {
  const buf = Buffer.from(text, 'base64');
  if (buf.length !== HASHES * 4) throw new RangeError(`a stored signature has ${buf.length} bytes, not ${HASHES * 4}`);
  const out = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}
