/** Text normalisation shared by every matcher: full-width → ASCII, whitespace, quotes, traditional forms. */
import { toSimplified } from './traditional.js';

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;

/** Full-width ASCII forms (０-９, Ａ-Ｚ, ＋, ．…) to their ASCII equivalents; ideographic space to space. */
const WIDE = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u202f]/;
export function toHalfWidth(s: string): string {
  return WIDE.test(s) ? halfWidthWithout(s, NOTHING) : s;
}

/** What a label key leaves out (the one-pass `halfWidthWithout` removes exactly these; a test holds it to this list). */
export const KEY_DROP = /[\s\u200b\ufeff“”"'‘’「」『』《》〈〉()（）\[\]【】、，,。.:：;；·•\-—_/\\|!！?？]+/g;
/** A code-unit table (1 = dropped). */
function dropTable(chars: string, ranges: [number, number][] = []): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  for (const [lo, hi] of ranges) for (let c = lo; c <= hi; c++) t[c] = 1;
  return t;
}
/** JavaScript's `\s`. */
const SPACE_CHARS = ' \t\n\v\f\r\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff';
const SPACE_RANGES: [number, number][] = [[0x2000, 0x200a]];
/** The characters `KEY_DROP` removes. */
const KEY_DROPPED = dropTable(`${SPACE_CHARS}\u200b“”"'‘’「」『』《》〈〉()（）[]【】、，,。.:：;；·•-—_/\\|!！?？`, SPACE_RANGES);
const SPACES = dropTable(SPACE_CHARS, SPACE_RANGES);
const NOTHING = new Uint8Array(0x10000);

/**
 * Full-width forms narrowed (as `toHalfWidth` says) and the characters `drop` marks left out, in one
 * pass over the code units (labels and grid text are mostly CJK with full-width punctuation: two
 * passes, each copying at every such character, cost more; a replace callback per character more still).
 */
function halfWidthWithout(s: string, drop: Uint8Array): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let r = c;
    if (c >= 0xa0) {
      if (c >= FULLWIDTH_START && c <= FULLWIDTH_END) r = c - 0xfee0;
      else if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) r = 0x20;
    }
    if (drop[r] === 1) {
      out += s.slice(last, i);
      last = i + 1;
    } else if (r !== c) {
      out += s.slice(last, i) + String.fromCharCode(r);
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** `toHalfWidth(s)` with all whitespace removed (`\s`, after ideographic and other wide spaces became spaces), in one pass. */
export function squashHalfWidth(s: string): string {
  return halfWidthWithout(s, SPACES);
}

const keyCache = new Map<string, string>();
let lastLong = { s: '', k: '' };
/**
 * Label key: half-width, simplified forms, no whitespace, no punctuation or quotes, so that
 * "3.危及“三安\n全一稳定”", "3.危及\"三安全一稳定\"" and "3.危及“三安全一穩定”" compare equal.
 */
export function labelKey(s: string): string {
  // Short strings are kept (looking a long one up would hash all of it); of long ones, the last
  // (a grid's text is keyed to classify it, then again to tell table 2's layout).
  const hit = s.length <= 200 ? keyCache.get(s) : s === lastLong.s ? lastLong.k : undefined;
  if (hit !== undefined) return hit;
  // Labels and headings are short: long lines (prose) are not searched for traditional forms.
  const dropped = halfWidthWithout(s, KEY_DROPPED);
  const k = s.length <= 200 ? toSimplified(dropped) : dropped;
  if (s.length <= 200) {
    if (keyCache.size > 4000) keyCache.clear();
    keyCache.set(s, k);
  } else lastLong = { s, k };
  return k;
}

/** Label key without leading numbering: 一、 （一） 1. 1、 (1) … */
export function stripNumbering(s: string): string {
  return s.replace(/^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．])\s*/u, '');
}

/** Collapse runs of whitespace to one space and trim. */
export function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** 一 … 十九 to a number; null if not a Chinese numeral. */
export function chineseNumeral(s: string): number | null {
  if (!/^[一二三四五六七八九十]+$/.test(s)) return null;
  if (s.length === 1) return CN_DIGITS[s] ?? null;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1]!] ?? 0);
  if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? 0) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? 0) * 10 + (CN_DIGITS[s[2]!] ?? 0);
  return null;
}
