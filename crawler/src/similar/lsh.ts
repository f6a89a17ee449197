/**
 * Locality-sensitive hashing over MinHash signatures: the 128 positions cut into `BANDS` bands of
 * `ROWS`; two signatures are candidates when any band is equal. With 16 × 8 a pair of similarity 0.8
 * is a candidate with probability 1 − (1 − 0.8⁸)¹⁶ ≈ 0.95, 0.9 with ≈ 1.0, and 0.5 with ≈ 0.06, so
 * a store of 100,000 reports is searched by looking up 16 buckets per report, never by pairs.
 */
import { HASHES, similarity } from './minhash.js';

export const BANDS = 16;
export const ROWS = HASHES / BANDS;

/** Estimated similarity from which sections are reported as copies (雷同). */
export const COPY_THRESHOLD = 0.8;

/** Each band's bucket key: band × 2³² + a 32-bit hash of its rows (a safe integer, a BIGINT in the store). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) {
      h ^= sig[b * ROWS + r]!;
      h = Math.imul(h, 0x01000193);
      h ^= h >>> 13;
    }
    keys.push(b * 4294967296 + (h >>> 0));
  }
  return keys;
}

export interface Match<T> { a: T; b: T; similarity: number }

/** An in-memory LSH index: add signatures with an id, query near ones, or list every near pair. */
export class MinHashIndex<T> {
  private readonly buckets = new Map<number, number[]>();
  private readonly items: { id: T; sig: Uint32Array }[] = [];

  get size(): number { return this.items.length; }

  add(id: T, sig: Uint32Array): void {
    const n = this.items.push({ id, sig }) - 1;
    for (const k of bandKeys(sig)) (this.buckets.get(k) ?? this.buckets.set(k, []).get(k)!).push(n);
  }

  /** Items whose estimated similarity to `sig` is at least `threshold`, best first (`keep` filters, e.g. another agency). */
  query(sig: Uint32Array, threshold = COPY_THRESHOLD, keep: (id: T) => boolean = () => true): { id: T; similarity: number }[] {
    const seen = new Set<number>();
    const out: { id: T; similarity: number }[] = [];
    for (const k of bandKeys(sig)) {
      for (const n of this.buckets.get(k) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        const it = this.items[n]!;
        if (!keep(it.id)) continue;
        const s = similarity(sig, it.sig);
        if (s >= threshold) out.push({ id: it.id, similarity: s });
      }
    }
    return out.sort((x, y) => y.similarity - x.similarity);
  }

  /** Every pair at or over `threshold` that `keep` accepts, each once. */
  pairs(threshold = COPY_THRESHOLD, keep: (a: T, b: T) => boolean = () => true): Match<T>[] {
    const out: Match<T>[] = [];
    const done = new Set<string>();
    for (const ns of this.buckets.values()) {
      if (ns.length < 2) continue;
      for (let i = 0; i < ns.length; i++) {
        for (let j = i + 1; j < ns.length; j++) {
          const x = ns[i]!, y = ns[j]!;
          const key = x < y ? `${x},${y}` : `${y},${x}`;
          if (done.has(key)) continue;
          done.add(key);
          const a = this.items[x]!, b = this.items[y]!;
          if (!keep(a.id, b.id)) continue;
          const s = similarity(a.sig, b.sig);
          if (s >= threshold) out.push({ a: a.id, b: b.id, similarity: s });
        }
      }
    }
    return out;
  }
}
