/**
 * Matching table rows by their place in the template's fixed row order, when the label alone does
 * not match: a misspelt "2.其他法律行政止公开" printed between 1.属于国家秘密 and 3.危及"三安全一稳定"
 * can only be 2.其他法律行政法规禁止公开. A row is placed only when the rows matched by label
 * before and after it leave exactly as many template rows free as there are unmatched rows between
 * them, and its label is plausibly that row's (its number agrees, or enough of the wording is there).
 */
import { bigramCounts, containmentIn } from '../text/fuzzy.js';
import { labelKey } from '../text/normalize.js';
import type { LabelDef } from './match-label.js';

/** An unmatched printed row and the template rows matched by label around it (indices into defs). */
export interface UnplacedRow<R> {
  row: R;
  printed: string;
  /** Index of the last template row matched before it, or -1. */
  prev: number;
  /** Index of the first template row matched after it, or defs.length. */
  next: number;
}

/** Labels that are additions, never a template row (小计, 其中 …). */
const ADDITION = /小计|其中|备注|说明/;

const CN = '一二三四五六七八九十';
/** The last item number printed in a label: "2." → 2, "（三）" → 3; null when none. */
export function itemNumber(label: string): number | null {
  const half = label.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const all = [...half.matchAll(/(?:^|[^\d])(\d{1,2})\s*[.、．]|[（(]\s*([一二三四五六七八九十])\s*[)）]/g)];
  const m = all[all.length - 1];
  if (!m) return null;
  return m[1] ? Number(m[1]) : CN.indexOf(m[2]!) + 1;
}

/** True when a printed label may stand, by place, for template row `def` (label text `defLabel`). */
export function plausibleByPlace(printed: string, def: LabelDef, defLabel: string): boolean {
  const key = labelKey(printed);
  if (!key || ADDITION.test(key) || /^\d*$/.test(key)) return false;
  const a = itemNumber(printed.split(/\s+/).pop() ?? printed);
  const b = itemNumber(defLabel.split(/\s+/).pop() ?? defLabel);
  if (a !== null && b !== null) return a === b;
  const counts = bigramCounts(key);
  return def.leaf.some((l) => { const k = labelKey(l); return k.length >= 3 && containmentIn(k, key, counts) >= 0.4; });
}

/**
 * Assignments by place: for each group of unmatched rows between the same two label matches, when
 * the free template rows between those matches are exactly as many, row i takes free row i — if
 * every one of them is plausible. Returns [row, def index] pairs.
 */
export function matchByPlace<R>(defs: readonly (LabelDef & { label: string })[], taken: ReadonlySet<string>, unplaced: UnplacedRow<R>[]): [UnplacedRow<R>, number][] {
  const groups = new Map<string, UnplacedRow<R>[]>();
  for (const u of unplaced) {
    const k = `${u.prev}:${u.next}`;
    const g = groups.get(k);
    if (g) g.push(u); else groups.set(k, [u]);
  }
  const out: [UnplacedRow<R>, number][] = [];
  for (const g of groups.values()) {
    const { prev, next } = g[0]!;
    const free: number[] = [];
    for (let i = prev + 1; i < next; i++) if (!taken.has(defs[i]!.key)) free.push(i);
    if (free.length !== g.length) continue;
    if (!g.every((u, i) => plausibleByPlace(u.printed, defs[free[i]!]!, defs[free[i]!]!.label))) continue;
    g.forEach((u, i) => out.push([u, free[i]!]));
  }
  return out;
}
