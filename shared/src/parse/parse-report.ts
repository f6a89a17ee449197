/** The parser: ExtractedDocument → Report (or a typed "unparseable" with the reason). */
import type { Report, DocumentKind } from '../model/report.js';
import type { ExtractedDocument } from '../extract/types.js';
import { extractDom, type NodeCollector } from '../extract/tree-walk.js';
import { extractText } from '../extract/text.js';
import { GongkaiError, unparseable, type Unparseable } from '../errors.js';
import { PARSE_TIMEOUT_MS, withBudget } from './budget.js';
import { findSections } from './sections.js';
import { mapTables } from './tables.js';
import { extractClaims, extractTable2Prose, sentences } from './prose.js';
import { reportAgency, reportYear, templateForYear, titleBlock } from './meta.js';
import { dateFromUrl, signatureDate, statisticalPeriod } from './dates.js';
import { MAX_HTML_DEPTH, STRUCTURE_HEADROOM, TOO_DEEP_TABLES } from '../extract/html-depth.js';

export interface ParseOptions {
  /** Where the document came from (used for the publication date in TRS-style URLs, and reported). */
  url?: string | null;
  /** File name, reported in the source. */
  name?: string | null;
  /** Publication date known from elsewhere (a column list, the crawler), ISO. */
  publishedAt?: string | null;
  /** Agency known from elsewhere; used only when the document names none. */
  agency?: string | null;
  /** Time budget of the parse in ms (default `PARSE_TIMEOUT_MS`); past it the result is `timeout`. */
  timeoutMs?: number;
}

export type ParseResult = { ok: true; report: Report } | Unparseable;

/** Upper bound on text the parser reads; longer input is cut with a note (bounded time and memory). */
export const MAX_TEXT_CHARS = 2_000_000;

/** JavaScript's `\s`, by code unit. */
function isSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * True when the text is nothing but whitespace, NULs and "TABLE n" markers — what removing
 * /[\s\u0000]|TABLE \d+/g would leave empty — read up to the first other character.
 */
function onlyBlank(text: string): boolean {
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 0 || isSpace(c)) { i++; continue; }
    if (!text.startsWith('TABLE ', i)) return false;
    let k = i + 6;
    while (k < text.length && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
    if (k === i + 6) return false;
    i = k;
  }
  return true;
}

const REPORT_HINTS = ['政府信息公开', '年度报告', '依申请公开', '主动公开', '政务公开'];

export function parseExtracted(doc: ExtractedDocument, opts: ParseOptions = {}): ParseResult {
  try {
    return { ok: true, report: withBudget(opts.timeoutMs ?? PARSE_TIMEOUT_MS, () => buildReport(doc, opts)) };
  } catch (err) {
    return unparseable(err);
  }
}

function buildReport(doc: ExtractedDocument, opts: ParseOptions): Report {
  const notes = [...doc.notes];
  let text = doc.text;
  if (text.length > MAX_TEXT_CHARS) {
    text = text.slice(0, MAX_TEXT_CHARS);
    notes.push(`text cut at ${MAX_TEXT_CHARS} characters`);
  }
  if (onlyBlank(text) && !doc.grids.some((g) => g.rows.some((r) => r.some((c) => c.text.trim())))) {
    // `empty` is for empty input only (plain text that is all whitespace); a document with no text in it is `no-text`.
    if (doc.kind === 'text') throw new GongkaiError('empty', 'The input is empty (only whitespace).', '输入为空（只有空白字符）。');
    throw new GongkaiError('no-text', `The ${doc.kind.toUpperCase()} document holds no text${doc.kind === 'pdf' ? ' and no images to read' : ''}.`,
      `该${doc.kind.toUpperCase()}文档没有文字内容${doc.kind === 'pdf' ? '，也没有可识别的图片' : ''}。`);
  }
  const lines = text.split('\n');
  const sections = findSections(lines);
  const tables = mapTables(doc, lines, sections, notes);

  const title = titleBlock(lines, doc.title);
  const period = statisticalPeriod(text.slice(0, 5000));
  const year = reportYear(title, period?.from ?? null, text);
  const hints = REPORT_HINTS.filter((h) => text.includes(h)).length;
  // The text without table markers and whitespace, only where its length decides.
  let bodyLength = -1;
  const body = { get length(): number { return bodyLength >= 0 ? bodyLength : (bodyLength = text.replace(/\u0000TABLE \d+\u0000/g, '').replace(/\s+/g, '').length); } };
  const isReport = sections.length >= 2 || tables.table3 !== null || tables.table4 !== null ||
    (/报告|年报/.test(title) && hints >= 2 && body.length - title.length >= 200);
  if (!isReport && /报告|年报/.test(title) && sections.length === 0 && body.length - title.length < 200) {
    throw new GongkaiError('not-a-report',
      `The page names a report ("${title.slice(0, 60)}") but holds no report text: the report is probably an attachment or images.`,
      `页面标题为报告（“${title.slice(0, 60)}”），但没有报告正文：报告可能在附件或图片中。`);
  }
  const tooDeep = isReport ? undefined : doc.notes.find((n) => n.startsWith(TOO_DEEP_TABLES));
  if (tooDeep) {
    // Not "not a report": the tables that might hold it were nested too deep to read.
    throw new GongkaiError('too-large', `The page nests its tables too deeply to read (${tooDeep})`,
      `网页表格嵌套过深，无法读取（超过${MAX_HTML_DEPTH + STRUCTURE_HEADROOM}层的表格未解析），不能判断是否为年度报告。`);
  }
  if (!isReport) {
    throw new GongkaiError('not-a-report',
      `Not a government information disclosure annual report: no standard sections or tables found${title ? ` (title: "${title.slice(0, 60)}")` : ''}.`,
      `不是政府信息公开工作年度报告：未找到标准章节或表格${title ? `（标题：“${title.slice(0, 60)}”）` : ''}。`);
  }

  const agency = reportAgency(title, () => lines.slice(0, 400).join('')) ?? opts.agency ?? null;
  let template = templateForYear(year);
  if (template === 'unknown') template = tables.table3?.layout ?? tables.table2?.layout ?? 'unknown';

  const sec2 = sections.find((s) => s.n === 2);
  const sec3 = sections.find((s) => s.n === 3);
  const t2Prose = !tables.table2 && sec2 ? extractTable2Prose(lines, sec2.line + 1, sec3?.line ?? sec2.end) : [];
  const claims = extractClaims(sentences(lines, doc.kind !== 'html' && doc.kind !== 'docx'));

  const publishedAt = opts.publishedAt ?? doc.publishedAt ?? (opts.url ? dateFromUrl(opts.url) : null) ?? signatureDate(lines, year);
  const kind: DocumentKind = doc.kind;
  return {
    source: { kind, name: opts.name ?? null, url: opts.url ?? null, encoding: doc.encoding, ocr: doc.ocr },
    title: title || null,
    agency,
    year,
    template,
    publishedAt,
    period,
    sections: sections.map(({ end: _end, ...s }) => s),
    table2: tables.table2,
    table3: tables.table3,
    table4: tables.table4,
    table2Prose: t2Prose,
    claims,
    notes,
  };
}

/** `parseDom`'s options: the parser's, plus a collector told which DOM node each cell and line came from. */
export interface DomParseOptions extends ParseOptions {
  collect?: NodeCollector<Node>;
}

/** Parse the live DOM of a page (browser extension); `opts.collect` maps the report back to the page's nodes. */
export function parseDom(doc: Document, opts: DomParseOptions = {}): ParseResult {
  try {
    const { collect, ...rest } = opts;
    return parseExtracted(extractDom(doc, undefined, collect), { url: doc.location?.href ?? null, ...rest });
  } catch (err) {
    return unparseable(err);
  }
}

/**
 * Parse plain text (a page dumped to text, or text extracted from a PDF). Reading and parsing share
 * one time budget (`opts.timeoutMs`); hostile text gets `timeout`, as the HTML walk does.
 */
export function parseText(text: string, opts: ParseOptions = {}): ParseResult {
  try {
    return withBudget(opts.timeoutMs ?? PARSE_TIMEOUT_MS, () => parseExtracted(extractText(text), opts));
  } catch (err) {
    return unparseable(err);
  }
}
