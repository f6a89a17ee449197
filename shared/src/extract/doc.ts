/**
 * Word 97 (.doc) → ExtractedDocument. Node-only.
 *
 * When LibreOffice (`soffice`) is on PATH it converts the file to DOCX (exact tables, ~1.5 s) and the
 * DOCX path reads it. Otherwise word-extractor gives the text; its tables come as cells ending in
 * `\t` with one more `\t` at each row end, which is ambiguous with empty cells, so rows are recovered
 * by choosing the split whose row widths agree best (dynamic programming), short rows are padded by
 * widening their last label cell, and leading empty cells under a label are read as vertical merges.
 */
import { createRequire } from 'node:module';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GongkaiError } from '../errors.js';
import type { ExtractedDocument, Grid } from './types.js';
import { tableMarker } from './types.js';
import { buildGrid, type RawCell, type RawRow } from './grid.js';
import { extractDocx } from './docx.js';
import { publishedDateFromText } from '../parse/dates.js';

interface WordDoc { getBody(): string }
interface WordExtractorCtor { new (): { extract(src: Buffer): Promise<WordDoc> } }

const VALUE = /^(?:[+-]?[\d０-９][\d０-９,，.]*(?:[（(][+-][)）])?\s*(?:万元|元|件|个|项)?|[\/／—–-]+|无|)$/;

/** True when the OLE file holds an encrypted OOXML package or is a password-protected .doc. */
export function isEncryptedOle(b: Uint8Array): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(needle) >= 0;
}

/** True when the OLE directory names a stream (UTF-16LE name), e.g. "WordDocument". */
export function hasOleStream(b: Uint8Array, name: string): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(Buffer.from(name, 'utf16le')) >= 0;
}

let sofficeChecked: Promise<string | null> | undefined;
/** Path of LibreOffice's `soffice` when installed (checked once), else null. */
export function findSoffice(): Promise<string | null> {
  sofficeChecked ??= new Promise((resolve) => {
    execFile('sh', ['-c', 'command -v soffice || command -v libreoffice'], { timeout: 3000 }, (err, out) => {
      resolve(err ? null : out.trim().split('\n')[0] || null);
    });
  });
  return sofficeChecked;
}

async function viaSoffice(bin: string, bytes: Uint8Array, timeoutMs: number): Promise<ExtractedDocument | null> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-doc-'));
  try {
    await writeFile(join(dir, 'in.doc'), bytes);
    await new Promise<void>((resolve, reject) => {
      execFile(bin, ['--headless', '--norestore', '--convert-to', 'docx', '--outdir', dir, join(dir, 'in.doc')],
        { timeout: timeoutMs }, (err) => (err ? reject(err) : resolve()));
    });
    const docx = await readFile(join(dir, 'in.docx'));
    const doc = await extractDocx(new Uint8Array(docx));
    doc.kind = 'doc';
    doc.notes.push('Converted with LibreOffice.');
    return doc;
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Extracts a .doc. Throws `GongkaiError` 'encrypted' | 'corrupt'. */
export async function extractDoc(bytes: Uint8Array, opts: { timeoutMs?: number; useSoffice?: boolean } = {}): Promise<ExtractedDocument> {
  if (isEncryptedOle(bytes)) throw new GongkaiError('encrypted', 'The Word document is password-protected.', 'Word 文档有密码保护，无法读取。');
  if (!hasOleStream(bytes, 'WordDocument')) {
    throw new GongkaiError('unsupported', 'This OLE file is not a Word document (Excel, WPS or other).', '该文件不是 Word 文档（可能是 Excel、WPS 等格式），暂不支持。');
  }
  if (opts.useSoffice !== false) {
    const bin = await findSoffice();
    if (bin) { const d = await viaSoffice(bin, bytes, opts.timeoutMs ?? 30_000); if (d) return d; }
  }
  const require = createRequire(import.meta.url);
  const WordExtractor = require('word-extractor') as WordExtractorCtor;
  let body: string;
  try {
    body = (await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))).getBody();
  } catch (err) {
    const msg = (err as Error).message ?? String(err);
    if (/encrypt|password/i.test(msg)) throw new GongkaiError('encrypted', 'The Word document is password-protected.', 'Word 文档有密码保护，无法读取。', { cause: err });
    throw new GongkaiError('corrupt', `The Word document could not be read: ${msg}`, 'Word 文档已损坏，无法读取。', { cause: err });
  }
  return docFromBody(body);
}

/** Splits word-extractor's body into prose lines and tables (exported for tests). */
export function docFromBody(body: string): ExtractedDocument {
  const lines: string[] = [];
  const grids: Grid[] = [];
  const paras = body.replace(/\r\n?/g, '\n').split('\n');
  let block: string[] = [];
  const flushBlock = (): void => {
    if (!block.length) return;
    // Each line ends with a cell's tab; the newline stands where a row-end mark would (an empty token).
    const tokens: string[] = [];
    const forced = new Set<number>();
    for (const l of block) {
      tokens.push(...l.slice(0, -1).split('\t'));
      // "…\t\t" before a paragraph: the row-end mark is already there.
      if (l.endsWith('\t\t') && tokens[tokens.length - 1] === '') { forced.add(tokens.length - 1); continue; }
      forced.add(tokens.length);
      tokens.push('');
    }
    block = [];
    const rows = splitRows(tokens, forced);
    if (rows.length >= 2) {
      const g = toGrid(rows, grids.length);
      grids.push(g);
      lines.push(tableMarker(g.index));
    } else {
      const t = tokens.map((s) => s.trim()).filter(Boolean).join(' ');
      if (t) lines.push(t);
    }
  };
  for (const p of paras) {
    if ((p.match(/\t/g)?.length ?? 0) >= 1 && (block.length > 0 || (p.match(/\t/g)?.length ?? 0) >= 2 || p.endsWith('\t'))) {
      // A cell always ends with a tab: text after the last tab is a paragraph that ends the table.
      const cut = p.lastIndexOf('\t');
      block.push(p.slice(0, cut + 1));
      const after = p.slice(cut + 1).trim();
      if (after) { flushBlock(); lines.push(after); }
      continue;
    }
    flushBlock();
    const t = p.replace(/[ \u00a0\u3000]+/g, ' ').trim();
    if (t) lines.push(t);
  }
  flushBlock();
  const text = lines.join('\n');
  const first = lines.find((l) => !l.startsWith('\u0000'));
  return {
    kind: 'doc', text, grids, title: first && first.length <= 80 ? first : null,
    publishedAt: publishedDateFromText(text.slice(0, 3000)), encoding: null, ocr: false,
    notes: grids.length ? ['Word 97 tables recovered from text (row ends inferred); check merged cells.'] : [],
  };
}

/**
 * Row split. Word ends every cell with a mark and every row with one more; word-extractor prints both
 * as a tab, so an empty token is a row end or an empty cell. A row reads as: continuation cells of
 * vertical merges (empty), label cells (text), then — for value rows — exactly V value cells (numbers,
 * dashes or empty) and the row end. V is the count that explains the most rows; rows that do not
 * fit end at their first empty token after text. A newline always ends a row.
 */
function splitRows(tokens: string[], forced: Set<number>): string[][] {
  if (tokens.length > 20_000) return [];
  let best: { score: number; rows: string[][] } | null = null;
  for (let V = 1; V <= 20; V++) {
    const { rows, fitted } = parseWithV(tokens, forced, V);
    const score = fitted * 10 - rows.length;
    if (!best || score > best.score) best = { score, rows };
  }
  return best?.rows ?? [];
}

const isValueToken = (t: string): boolean => VALUE.test(t.trim());

function parseWithV(tokens: string[], forced: Set<number>, V: number): { rows: string[][]; fitted: number } {
  const rows: string[][] = [];
  let fitted = 0;
  let i = 0;
  const n = tokens.length;
  while (i < n) {
    let j = i;
    while (j < n && tokens[j] === '' && !forced.has(j)) j++; // continuation cells
    const lead = j;
    while (j < n && tokens[j] !== '' && !isValueToken(tokens[j]!)) j++; // label cells
    // Value path: V value-like tokens, then the row end.
    let k = j;
    let ok = true;
    for (let c = 0; c < V; c++, k++) {
      if (k >= n || forced.has(k) || !isValueToken(tokens[k]!)) { ok = false; break; }
    }
    if (ok && k < n && tokens[k] === '' && (j > lead || V >= 3)) {
      rows.push(tokens.slice(i, k));
      fitted++;
      i = k + 1;
      continue;
    }
    // Otherwise the row ends at the first empty token after its text.
    let e = j > lead ? j : lead;
    while (e < n && tokens[e] !== '') e++;
    rows.push(tokens.slice(i, e));
    i = e + 1;
  }
  return { rows: rows.filter((r) => r.some((t) => t.trim() !== '')), fitted };
}

const isNumber = (t: string): boolean => /\d/.test(t) && VALUE.test(t.trim());

function toGrid(rows: string[][], index: number): Grid {
  // Table width and label-column count from the rows that carry numbers.
  const numeric = rows.filter((r) => r.some(isNumber));
  const W = Math.max(...(numeric.length ? numeric : rows).map((r) => r.length));
  const widest = (numeric.length ? numeric : rows).find((r) => r.length === W) ?? [];
  const L = Math.max(1, widest.findIndex((t) => VALUE.test(t.trim())));
  const raw: RawRow[] = [];
  // Column origins of label cells per row, to turn leading empty cells into vertical merges.
  const owner: (RawCell | null)[][] = [];
  rows.forEach((cellsText, r) => {
    const cells: RawCell[] = cellsText.map((t, ci) => ({ text: t.replace(/[\u00a0\u3000]/g, ' ').trim(), rowSpan: 1, colSpan: 1,
      source: { kind: 'grid', table: index, row: r, col: -1, cell: ci } }));
    // Short rows: rows with numbers widen the label cell before them; header rows widen their first
    // cell to the label columns, then their last cell.
    if (cells.length < W && cells.length > 0) {
      let trailing = 0;
      for (let i = cells.length - 1; i >= 0 && VALUE.test(cells[i]!.text); i--) trailing++;
      if (trailing >= 2 && trailing < cells.length) {
        let k = 0;
        cells.forEach((c, i) => { if (!VALUE.test(c.text)) k = i; });
        cells[k]!.colSpan += W - cells.length;
      } else {
        const extraFirst = Math.max(0, Math.min(W - cells.length, L - 1));
        cells[0]!.colSpan += extraFirst;
        cells[cells.length - 1]!.colSpan += W - cells.length - extraFirst;
      }
    }
    const cols: (RawCell | null)[] = [];
    const kept: RawCell[] = [];
    let leading = true;
    for (const c of cells) {
      const col = cols.length;
      const above = owner[r - 1]?.[col];
      if (leading && c.text === '' && above && above.text !== '' && !VALUE.test(above.text)) {
        above.rowSpan++;
        for (let s = 0; s < c.colSpan; s++) cols.push(above);
        continue;
      }
      if (c.text !== '') leading = false;
      kept.push(c);
      for (let s = 0; s < c.colSpan; s++) cols.push(c);
    }
    owner.push(cols);
    raw.push({ cells: kept });
  });
  return buildGrid(raw, index);
}
