/**
 * Finding the six standard sections (一、总体情况 … 六、其他需要报告的事项) by heading wording, not by
 * numeral: real reports renumber, merge, reword, or print a heading twice (seed 000).
 */
import { SECTIONS, type SectionNumber } from '../model/labels.js';
import type { Section } from '../model/report.js';
import { chineseNumeral, labelKey } from '../text/normalize.js';

export interface FoundSection extends Section {
  /** Line index after the last line of the section (exclusive). */
  end: number;
}

const CN_HEAD = /^\s*([一二三四五六七八九十]{1,2})\s*[、.．]\s*(.{2,40})$/u;
const ARABIC_HEAD = /^\s*(\d{1,2})\s*[、.．]\s*(\S.{1,38})$/u;

const SECTION_KEYS = SECTIONS.map((s) => ({ n: s.n as SectionNumber, keys: s.keywords.map(labelKey) }));

function sectionFor(text: string): SectionNumber | null {
  const key = labelKey(text);
  for (const s of SECTION_KEYS) {
    if (s.keys.some((k) => key.includes(k))) return s.n;
  }
  return null;
}

interface Head { line: number; n: SectionNumber; numeral: number | null; heading: string; arabic: boolean }

function scan(lines: string[], arabic: boolean): Head[] {
  const heads: Head[] = [];
  lines.forEach((raw, i) => {
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

export function findSections(lines: string[]): FoundSection[] {
  let heads = pick(scan(lines, false));
  if (heads.length < 3) {
    const arabic = pick(scan(lines, true));
    if (arabic.length > heads.length) heads = arabic;
  }
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
