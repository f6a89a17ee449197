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

/** Bigram multiset of a string, for repeated containment tests against the same text. */
export function bigramCounts(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const g of bigrams(s)) m.set(g, (m.get(g) ?? 0) + 1);
  return m;
}

/**
 * How well `needle` (a template label) is represented inside `hay` (a printed label that may carry
 * group text around it): 1 when contained, else the share of the needle's bigrams present in hay.
 * `hayCounts` is `bigramCounts(hay)`, computed once per printed label.
 */
export function containmentIn(needle: string, hay: string, hayCounts: Map<string, number>): number {
  if (!needle) return 0;
  if (hay.includes(needle)) return 1;
  const N = bigrams(needle);
  if (N.length === 0) return 0;
  const used = new Map<string, number>();
  let hit = 0;
  for (const g of N) {
    const u = used.get(g) ?? 0;
    if ((hayCounts.get(g) ?? 0) > u) { hit++; used.set(g, u + 1); }
  }
  return hit / N.length;
}
