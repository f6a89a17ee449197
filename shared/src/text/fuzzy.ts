/** Fuzzy matching of printed labels against template labels. */

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Sørensen–Dice similarity over character bigrams, 0..1. */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  const A = bigrams(a);
  const B = bigrams(b);
  if (A.length === 0 || B.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of A) counts.set(g, (counts.get(g) ?? 0) + 1);
  let hit = 0;
  for (const g of B) {
    const n = counts.get(g) ?? 0;
    if (n > 0) { hit++; counts.set(g, n - 1); }
  }
  return (2 * hit) / (A.length + B.length);
}

/** Code points are < 0x110000: a pair packs into one exact number; a lone character sits above all pairs. */
const CP = 0x110000;
const SINGLE = CP * CP;

/** Calls `f` with each character bigram of `s` (code points, as `[...s]` splits), packed as a number; a one-character string is its own bigram. */
function eachBigram(s: string, f: (g: number) => void): void {
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (prev >= 0) f(prev * CP + c);
    else if (i + 1 >= s.length) f(SINGLE + c);
    prev = c;
  }
}

/** Bigram multiset of a string, for repeated containment tests against the same text. */
export type BigramCounts = Map<number, number>;

export function bigramCounts(s: string): BigramCounts {
  const m: BigramCounts = new Map();
  eachBigram(s, (g) => m.set(g, (m.get(g) ?? 0) + 1));
  return m;
}

/** A needle's distinct bigrams with their counts, and its bigram total; needles are template labels, so they are kept. */
interface NeedleGrams { grams: number[]; counts: number[]; total: number }
const needleCache = new Map<string, NeedleGrams>();
function needleGrams(needle: string): NeedleGrams {
  let g = needleCache.get(needle);
  if (g) return g;
  const m = bigramCounts(needle);
  g = { grams: [...m.keys()], counts: [...m.values()], total: 0 };
  for (const c of g.counts) g.total += c;
  if (needleCache.size > 2000) needleCache.clear();
  needleCache.set(needle, g);
  return g;
}

/**
 * How well `needle` (a template label) is represented inside `hay` (a printed label that may carry
 * group text around it): 1 when contained, else the share of the needle's bigrams present in hay
 * (each as often as the needle has it, at most as often as hay has it).
 * `hayCounts` is `bigramCounts(hay)`, computed once per printed label.
 */
export function containmentIn(needle: string, hay: string, hayCounts: BigramCounts): number {
  if (!needle) return 0;
  if (hay.includes(needle)) return 1;
  const { grams, counts, total } = needleGrams(needle);
  if (total === 0) return 0;
  let hit = 0;
  for (let i = 0; i < grams.length; i++) {
    const have = hayCounts.get(grams[i]!) ?? 0;
    if (have > 0) hit += Math.min(have, counts[i]!);
  }
  return hit / total;
}
