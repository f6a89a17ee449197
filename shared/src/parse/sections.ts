/**
 * Finding the six standard sections (一、总体情况 … 六、其他需要报告的事项) by heading wording, not by
 * numeral: real reports renumber, merge, reword, or print a heading twice (seed 000).
 */
import { SECTIONS, type SectionNumber } from '../model/labels.js';
import type { Section } from '../model/report.js';
import { chineseNumeral, labelKey } from '../text/normalize.js';
import { spend } from './budget.js';

export interface FoundSection extends Section {
  /** Line index after the last line of the section (exclusive). */
  end: number;
}

const CN_HEAD = /^\s*([一二三四五六七八九十]{1,2})\s*[、.．]\s*(.{2,40})$/u;
const ARABIC_HEAD = /^\s*(\d{1,2})\s*[、.．]\s*(\S.{1,38})$/u;

/**
 * Heading key with the joining words dropped: real headings write 行政复议与行政诉讼, 行政复议和行政诉讼,
 * 行政复议及行政诉讼 or 行政复议，行政诉讼 for the template's 行政复议、行政诉讼 (the punctuation is
 * already dropped by `labelKey`), and 问题和改进 for 问题及改进.
 */
function headingKey(text: string): string {
  return labelKey(text).replace(/以及|与|和|及|暨|或/g, '');
}

const SECTION_KEYS = SECTIONS.map((s) => ({ n: s.n as SectionNumber, keys: s.keywords.map(headingKey) }));

function sectionFor(text: string): SectionNumber | null {
  const key = headingKey(text);
  for (const s of SECTION_KEYS) {
    if (s.keys.some((k) => key.includes(k))) return s.n;
  }
  return null;
}

interface Head { line: number; n: SectionNumber; numeral: number | null; heading: string; arabic: boolean }

function scan(lines: string[], arabic: boolean): Head[] {
  const heads: Head[] = [];
  lines.forEach((raw, i) => {
    spend();
    if (raw.startsWith('\t')) return; // a table cell in a text dump, never a heading
    const line = raw.trim();
    if (line.length > 44) return;
    const m = (arabic ? ARABIC_HEAD : CN_HEAD).exec(line);
    if (!m) return;
    const n = sectionFor(m[2]!);
    if (n === null) return;
    const numeral = arabic ? parseInt(m[1]!, 10) : chineseNumeral(m[1]!);
    heads.push({ line: i, n, numeral, heading: line, arabic });
  });
  return heads;
}

/** Keep the first heading per section, in document order, with section numbers increasing. */
function pick(heads: Head[]): Head[] {
  const out: Head[] = [];
  let last = 0;
  for (const h of heads) {
    if (h.n <= last) continue;
    out.push(h);
    last = h.n;
  }
  return out;
}

/** Numbering other than 一、: （四）, 第四部分, 四 or 四，followed by the words; or none at all. */
const LOOSE_HEAD = /^\s*(?:第([一二三四五六七八九十]{1,2})(?:部分|章|节)|[（(]\s*([一二三四五六七八九十]{1,2})\s*[)）]|([一二三四五六七八九十]{1,2})(?=[\s，,:：]))?[\s、.．，,:：]*(\S.{1,38})$/u;

/** Longest section keyword key, for "a line that is only the heading". */
const MAX_KEY = Math.max(...SECTION_KEYS.flatMap((s) => s.keys.map((k) => k.length)));

/**
 * A heading the numbered scan missed, for section `n`: numbered otherwise (（四）…, 第四部分…) with
 * the numeral n, or unnumbered and nothing but the heading's words (no sentence around them).
 */
function looseHead(raw: string, n: SectionNumber): boolean {
  if (raw.startsWith('\t') || raw.startsWith('\u0000')) return false;
  const line = raw.trim();
  if (line.length > 44 || /[。；;]/.test(line)) return false;
  const m = LOOSE_HEAD.exec(line);
  if (!m) return false;
  const cn = m[1] ?? m[2] ?? m[3];
  if (cn !== undefined && chineseNumeral(cn) !== n) return false;
  if (sectionFor(m[4]!) !== n) return false;
  if (cn !== undefined) return true;
  // Unnumbered: a line that is only a heading, not a sentence that mentions one ("本年度行政复议、行政诉讼情况如下").
  const key = headingKey(m[4]!);
  return key.length <= MAX_KEY + 6 && /(情况|事项|措施|问题|概况|概述)$/.test(key) && !/\d|如下|见下|下表|本年|全年|共计/.test(key);
}

/** Sections still missing between two found ones, looked for with `looseHead` (only in a report with ≥ 2 numbered headings). */
function fillMissing(lines: string[], heads: Head[]): Head[] {
  if (heads.length < 2 || heads.length >= SECTIONS.length) return heads;
  const out = [...heads];
  for (const s of SECTIONS) {
    const n = s.n as SectionNumber;
    if (out.some((h) => h.n === n)) continue;
    const prev = out.filter((h) => h.n < n).pop();
    const next = out.find((h) => h.n > n);
    const from = prev ? prev.line + 1 : 0;
    const to = next ? next.line : lines.length;
    for (let i = from; i < to; i++) {
      spend();
      if (!looseHead(lines[i]!, n)) continue;
      out.push({ line: i, n, numeral: null, heading: lines[i]!.trim(), arabic: false }); // never "standard"
      out.sort((a, b) => a.line - b.line);
      break;
    }
  }
  return out;
}

export function findSections(lines: string[]): FoundSection[] {
  let heads = pick(scan(lines, false));
  if (heads.length < 3) {
    const arabic = pick(scan(lines, true));
    if (arabic.length > heads.length) heads = arabic;
  }
  heads = fillMissing(lines, heads);
  return heads.map((h, i) => {
    const end = i + 1 < heads.length ? heads[i + 1]!.line : lines.length;
    const tmpl = SECTIONS[h.n - 1]!;
    const standard = !h.arabic && h.numeral === h.n && labelKey(h.heading).includes(labelKey(tmpl.heading));
    return {
      n: h.n, heading: h.heading, standard, line: h.line, end,
      text: lines.slice(h.line + 1, end).filter((l) => !l.startsWith('\u0000')).join('\n').trim(),
    };
  });
}
