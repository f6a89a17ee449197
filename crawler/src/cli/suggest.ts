/** "Did you mean": the known name nearest to a mistyped one (Levenshtein distance). */

/** Edit distance: insertions, deletions and substitutions to turn a into b. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The known name closest to `input`, if it is close enough to be a typo: at most a third of its
 * length away (at least 1, at most 3), or `input` is a prefix of exactly one name. Undefined otherwise.
 */
export function didYouMean(input: string, known: readonly string[]): string | undefined {
  const x = input.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(x.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(x, k);
    if (d < bestD) { best = k; bestD = d; }
  }
  if (best !== undefined && bestD <= limit) return best;
  const prefixed = known.filter((k) => x.length >= 2 && k.startsWith(x));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
