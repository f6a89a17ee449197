/** Matching printed row labels to template rows, in order, with fuzzy tolerance. */
import { bigramCounts, containmentIn, type BigramCounts } from '../text/fuzzy.js';
import { labelKey } from '../text/normalize.js';

export interface LabelDef { key: string; leaf: readonly string[] }

export interface LabelMatch { index: number; score: number }

/**
 * Score of a template row against a printed label. Full containment scores above 1 (longer leaves
 * score higher, so the most specific row wins); leaves of one or two characters (其他, 总计) count
 * only at the end of the label, so "不计其他情形" is not the row "3.其他".
 */
const leafKeys = new WeakMap<LabelDef, string[]>();
function keysOf(def: LabelDef): string[] {
  let k = leafKeys.get(def);
  if (!k) { k = def.leaf.map(labelKey); leafKeys.set(def, k); }
  return k;
}

export function scoreLabel(def: LabelDef, printedKey: string, hayCounts: BigramCounts | (() => BigramCounts) = () => bigramCounts(printedKey)): number {
  let best = 0;
  for (const k of keysOf(def)) {
    if (k.length <= 2) {
      if (printedKey.endsWith(k)) best = Math.max(best, 1 + k.length / 100);
      continue;
    }
    if (printedKey.includes(k)) { best = Math.max(best, 1 + k.length / 100); continue; }
    if (k.length >= 4) {
      const c = containmentIn(k, printedKey, typeof hayCounts === 'function' ? hayCounts() : hayCounts);
      if (c >= 0.75) best = Math.max(best, c);
    }
  }
  return best;
}

/** Printed labels remembered per template row list (labels repeat from report to report). */
const MAX_REMEMBERED = 4000;
/** Per template row list (kept by its identity: callers pass a list made once), each printed key's row scores; NaN = not yet scored. */
const scoreMemo = new WeakMap<readonly LabelDef[], Map<string, Float64Array>>();

/** `scoreLabel(defs[i], key)`, remembered: the score is a function of the row and the key only. */
function scoresOf(defs: readonly LabelDef[], key: string): Float64Array {
  let byKey = scoreMemo.get(defs);
  if (!byKey) { byKey = new Map(); scoreMemo.set(defs, byKey); }
  let s = byKey.get(key);
  if (!s) {
    if (byKey.size >= MAX_REMEMBERED) byKey.clear();
    s = new Float64Array(defs.length).fill(NaN);
    byKey.set(key, s);
  }
  return s;
}

/**
 * The template rows a printed label stands for, among `defs[from..]`. Usually one; two or more
 * when a flattened PDF merged two rows' labels (then the caller must not guess which has the values).
 * `defs` should be a list made once (its scores are remembered by its identity).
 */
export function matchLabel(defs: readonly LabelDef[], printed: string, from: number): LabelMatch[] {
  const key = labelKey(printed);
  const memo = scoresOf(defs, key);
  // Made once, and only when a template label is not contained outright.
  let made: BigramCounts | null = null;
  const counts = (): BigramCounts => (made ??= bigramCounts(key));
  const scored: LabelMatch[] = [];
  for (let i = from; i < defs.length; i++) {
    let s = memo[i]!;
    if (s !== s) s = memo[i] = scoreLabel(defs[i]!, key, counts);
    if (s > 0) scored.push({ index: i, score: s });
  }
  if (!scored.length) return [];
  const full = scored.filter((m) => m.score >= 1);
  if (full.length > 1) {
    // Drop a match whose leaf is contained in another full match's leaf (其他处理 within 逾期不补正 rows' group text).
    const keys = full.map((m) => keysOf(defs[m.index]!));
    const kept = full.filter((m, i) => !full.some((o, j) => j !== i && keys[j]!.some((kj) => keys[i]!.some((ki) => kj !== ki && kj.includes(ki)))));
    const distinct = kept.length ? kept : full;
    // Group text precedes the leaf: the leaf printed last in the label is the row itself.
    const lastPos = (m: LabelMatch) => Math.max(...keysOf(defs[m.index]!).map((v) => key.lastIndexOf(v)));
    distinct.sort((a, b) => lastPos(b) - lastPos(a));
    return distinct;
  }
  if (full.length === 1) return full;
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return [scored[0]!];
}
