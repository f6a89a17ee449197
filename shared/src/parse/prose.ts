/**
 * Figures the narrative states ("共收到政府信息公开申请 84 件，另有上年结转 2 件"), extracted so the
 * checks can compare them with the tables. Patterns are deliberately narrow: a missed claim costs a
 * check; a misread claim would accuse an agency of an error it did not make.
 */
import type { ProseClaim, SourceRef } from '../model/report.js';
import { squashHalfWidth } from '../text/normalize.js';
import { spend } from './budget.js';

export interface Sentence { text: string; source: SourceRef }

/**
 * Sentences of the narrative. Lines are joined first (PDF text breaks sentences across lines) and
 * split at sentence punctuation; each sentence keeps the line it starts on.
 */
export function sentences(lines: string[], joinLines: boolean): Sentence[] {
  const out: Sentence[] = [];
  let buf = '';
  let bufLine = -1;
  let bufStart = 0;
  const push = () => {
    const t = buf.trim();
    if (t) out.push({ text: t, source: { kind: 'text', line: bufLine, start: bufStart, end: bufStart + buf.length } });
    buf = '';
    bufLine = -1;
  };
  const END = /[。；;！!？?]/g;
  lines.forEach((line, i) => {
    spend();
    if (line.startsWith('\t') || line.startsWith('\u0000')) { push(); return; }
    if (!joinLines) push();
    let from = 0;
    while (from < line.length) {
      END.lastIndex = from;
      const m = END.exec(line);
      const to = m ? m.index + 1 : line.length;
      const piece = line.slice(from, to);
      if (bufLine < 0) {
        const lead = piece.length - piece.trimStart().length;
        if (lead < piece.length) { bufLine = i; bufStart = from + lead; buf = piece.slice(lead); }
      } else buf += piece;
      if (m) push();
      from = to;
    }
    if (!joinLines) push();
  });
  push();
  return out;
}

/**
 * `need`: words the pattern cannot match without (every one of them present), a cheap test before
 * the regex. `behind`: a condition on the text before a match (a look-behind, tested only where the
 * pattern matches instead of at every position).
 */
interface Pattern { topic: string; re: RegExp; need: readonly string[]; behind?: (text: string, at: number) => boolean }

/** True when "信息公开" ends at most 30 characters before `at`, with no 。 or ； between. */
function afterInfo(text: string, at: number): boolean {
  for (let q = at; q >= at - 30 && q >= 4; q--) {
    if (q < at) { const c = text.charCodeAt(q); if (c === 0x3002 || c === 0xff1b) return false; }
    if (text.startsWith('信息公开', q - 4)) return true;
  }
  return false;
}

/** Matches of a global pattern, left to right, where its `behind` condition holds. */
function* matchesOf(p: { re: RegExp; behind?: Pattern['behind'] }, text: string): Generator<RegExpExecArray> {
  p.re.lastIndex = 0;
  for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
    if (p.behind && !p.behind(text, m.index)) { p.re.lastIndex = m.index + 1; continue; }
    yield m;
  }
}

// Applied to a sentence with all whitespace removed and full-width digits made ASCII.
const N = '(\\d+)';
const PATTERNS: Pattern[] = [
  { topic: 'received', need: ['申请'], re: new RegExp(`(?:共|累计|全年|新)?(?:收到|受理|接收|接到)(?:并办理|和受理|并受理|和处理)?(?:各类|本年度|新增)?(?:政府信息公开申请|依申请公开(?:申请)?|信息公开申请)(?:共计|共|合计)?${N}(?:件|个|份)`) },
  // A bare "收到申请N件" counts only where the sentence is about information disclosure (not 政务服务):
  // after 信息公开 and at most 30 characters without 。；, as `(?<=信息公开[^。；]{0,30})` would say (`afterInfo`).
  { topic: 'received', need: ['信息公开', '申请'], behind: afterInfo, re: new RegExp(`(?:共|累计|全年)?(?:收到|受理|接收|接到)(?:各类)?申请(?:共计|共|合计)?${N}(?:件|个|份)`) },
  { topic: 'carriedOver', need: ['上年', '结转'], re: new RegExp(`上年(?:度)?结转(?:的)?(?:政府信息公开申请|申请)?${N}件`) },
  { topic: 'carriedForward', need: ['年度'], re: new RegExp(`${N}件(?:申请)?(?:结转|转入)(?:至)?下(?:一)?年度`) },
  { topic: 'carriedForward', need: ['结转', '年度'], re: new RegExp(`结转(?:至)?下(?:一)?年度(?:继续办理)?(?:的)?${N}件`) },
  { topic: 'grantedOrPartial', need: ['部分公开'], re: new RegExp(`(?:予以公开|公开)(?:及|和|与|或)部分公开(?:的)?${N}件`) },
  { topic: 'granted', need: ['予以公开'], re: new RegExp(`(?<![不部分及和])予以公开(?:的)?${N}件`) },
  { topic: 'partiallyGranted', need: ['部分公开'], re: new RegExp(`(?<![及和与或])部分公开(?:的)?${N}件`) },
  { topic: 'denied', need: ['不予公开'], re: new RegExp(`${N}件[^，,、。；;]{0,12}?不予公开`) },
  { topic: 'denied', need: ['不予公开'], re: new RegExp(`不予公开(?:的)?${N}件`) },
  { topic: 'unable', need: ['无法提供'], re: new RegExp(`${N}件[^，,、。；;]{0,16}?无法提供`) },
  { topic: 'unable', need: ['无法提供'], re: new RegExp(`无法提供(?:的)?${N}件`) },
  { topic: 'notProcessed', need: ['不予处理'], re: new RegExp(`${N}件[^，,、。；;]{0,12}?不予处理`) },
  { topic: 'notProcessed', need: ['不予处理'], re: new RegExp(`不予处理(?:的)?${N}件`) },
  { topic: 'other', need: ['其他处理'], re: new RegExp(`其他处理(?:的)?${N}件`) },
  { topic: 'table2:规范性文件:new', need: ['规范性文件'], re: new RegExp(`共计?${N}(?:个|件|份)(?:行政)?规范性文件`) },
  { topic: 'table2:规范性文件:new', need: ['规范性文件'], re: new RegExp(`(?:制发|出台|印发|发布)(?:了)?(?:行政)?规范性文件(?:共)?${N}(?:个|件|份)`) },
  { topic: 'reviews', need: ['复议'], re: new RegExp(`(?:行政复议|复议)(?:案件|申请)?${N}(?:件|起)`) },
  { topic: 'litigation', need: ['诉讼'], re: new RegExp(`(?:行政诉讼|诉讼)(?:案件)?${N}(?:件|起)`) },
];

const GLOBAL = PATTERNS.map((p) => ({ ...p, re: new RegExp(p.re.source, 'g') }));
const DIGIT = /\d/;

const ZERO_REVIEW = /(?:未发生|没有发生|没有收到|未收到|未出现|无)[^。；]{0,24}?行政复议(?:和|及|、|或)行政诉讼/;

export function extractClaims(sents: Sentence[]): ProseClaim[] {
  const out: ProseClaim[] = [];
  for (const s of sents) {
    // Claims past the first MAX_CLAIMS * 2 are never kept (dedupe): stop reading there.
    if (out.length >= MAX_CLAIMS * 2) break;
    spend();
    if (!/[件起]|行政复议/.test(s.text)) continue;
    const flat = squashHalfWidth(s.text);
    const seen = new Set<string>();
    // Every pattern reads a number and its own words: a sentence without them cannot match.
    const digits = DIGIT.test(flat);
    for (const p of GLOBAL) {
      if (!digits || !p.need.every((w) => flat.includes(w))) continue;
      for (const m of matchesOf(p, flat)) {
        spend();
        if (out.length >= MAX_CLAIMS * 2) break;
        const key = `${p.topic}:${m.index}`;
        if (seen.has(key)) continue;
        // One phrase, one topic: a span already claimed by an earlier pattern is not read twice.
        if (out.some((c) => c.sentence === s.text && c.phrase.includes(m[0]) && c.phrase !== m[0])) continue;
        seen.add(key);
        out.push({ topic: p.topic, value: Number(m[1]), unit: '件', sentence: s.text, phrase: m[0], source: s.source });
      }
    }
    const z = ZERO_REVIEW.exec(flat);
    if (z) out.push({ topic: 'reviewsAndLitigation', value: 0, unit: null, sentence: s.text, phrase: z[0], source: s.source });
  }
  return dedupe(out);
}

/** At most this many claims are kept (a real report states a few dozen). */
const MAX_CLAIMS = 300;

function dedupe(claims: ProseClaim[]): ProseClaim[] {
  const out: ProseClaim[] = [];
  for (const c of claims.slice(0, MAX_CLAIMS * 2)) {
    if (out.length >= MAX_CLAIMS) break;
    // 公开及部分公开 53 件 is one claim, not also 部分公开 53.
    if (c.topic === 'partiallyGranted' && claims.some((o) => o.topic === 'grantedOrPartial' && o.sentence === c.sentence && o.phrase.endsWith(c.phrase))) continue;
    if (out.some((o) => o.topic === c.topic && o.value === c.value && o.sentence === c.sentence)) continue;
    out.push(c);
  }
  return out;
}

const T2_LABELS = ['行政规范性文件', '规范性文件', '规章', '其他对外管理服务事项', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购'];

/**
 * Table-2 figures printed as prose or an infographic when there is no table (seed 003):
 * "行政许可22项 处理决定数量412件", "政府集中采购数量18件 采购总金额127万元".
 */
export function extractTable2Prose(lines: string[], from: number, to: number): ProseClaim[] {
  const out: ProseClaim[] = [];
  let current: string | null = null;
  for (let i = from; i < to; i++) {
    const raw = lines[i] ?? '';
    const t = squashHalfWidth(raw);
    if (!t) continue;
    const src: SourceRef = { kind: 'text', line: i, start: 0, end: raw.length };
    const lab = T2_LABELS.find((l) => t.startsWith(l));
    if (lab) {
      current = lab;
      const m = new RegExp(`^${lab}(?:数量)?(\\d+)(件|项|个)`).exec(t);
      if (m) out.push({ topic: `table2:${lab}:${lab === '政府集中采购' ? 'count' : m[2] === '项' ? 'items' : 'count'}`, value: Number(m[1]), unit: m[2]!, sentence: raw.trim(), phrase: m[0], source: src });
      continue;
    }
    if (!current) continue;
    const d = /^处理决定数量(\d+)件/.exec(t);
    if (d) out.push({ topic: `table2:${current}:decisions`, value: Number(d[1]), unit: '件', sentence: raw.trim(), phrase: d[0], source: src });
    const a = /^采购总金额(\d+(?:\.\d+)?)(万元|元)/.exec(t);
    if (a) out.push({ topic: `table2:${current}:amount`, value: Number(a[1]), unit: a[2]!, sentence: raw.trim(), phrase: a[0], source: src });
  }
  return out;
}
