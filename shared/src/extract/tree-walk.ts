/**
 * HTML tree → ExtractedDocument. One walker serves parse5 (Node, `extract/html.ts`) and the live DOM
 * (browser, `extractDom` here) through a small adapter, so the CLI, the crawler and the extension
 * read a page identically. This module does not load parse5: the browser bundle stays small.
 */
import type { ExtractedDocument, Grid } from './types.js';
import { tableMarker } from './types.js';
import { buildGrid, type RawRow } from './grid.js';
import { cellWidth } from './cell-width.js';
import { publishedDateFromText } from '../parse/dates.js';
import { GongkaiError } from '../errors.js';

/** The few things the walker needs from a node. */
export interface TreeAdapter<N> {
  children(n: N): readonly N[];
  /** Lower-case tag name, or null for non-elements. */
  tag(n: N): string | null;
  /** Text of a text node ('' otherwise). */
  data(n: N): string;
  attr(n: N, name: string): string | null;
  /** A table cell's four layout attributes in one pass, where the adapter can do better than four `attr` calls. */
  cellAttrs?(n: N): CellAttrs;
}

/** The attributes the walker reads on a table cell. */
export interface CellAttrs { rowspan: string | null; colspan: string | null; width: string | null; style: string | null }

/**
 * Told, as the walker reads, which node each piece of the extracted document came from: the
 * element of every table cell and the text nodes each line of `ExtractedDocument.text` was built
 * from. Lets the extension point at the live page without searching it again.
 */
export interface NodeCollector<N> {
  /** A table cell's element; `table`, `row`, `cell` are those of its `SourceRef` (`kind: 'grid'`). */
  cell?(table: number, row: number, cell: number, node: N): void;
  /** Line `line` of the text (0-based, as in `SourceRef` `kind: 'text'`): its text nodes, in order. */
  line?(line: number, nodes: readonly N[]): void;
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article',
  'header', 'footer', 'tr', 'td', 'th', 'table', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'form', 'hr', 'center', 'title', 'main', 'nav', 'aside']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'canvas', 'select', 'option', 'textarea', 'button']);

const MAX_TABLES = 200;
const MAX_ROWS = 2000;
/** Elements deeper than this are not read (a note says so). The parse5 path flattens below `MAX_HTML_DEPTH` first. */
const MAX_WALK_DEPTH = 400;
/** Default time budget of one walk (ms); the clock is read every 2048 nodes. */
export const HTML_TIMEOUT_MS = 20_000;

interface WalkState<N> {
  lines: string[];
  cur: string;
  /** Inside <pre> or an element styled white-space: pre / pre-wrap / pre-line: keep tabs and line breaks. */
  pre: number;
  grids: Grid[];
  tableCount: number;
  a: TreeAdapter<N>;
  /** Epoch ms after which the walk stops with a `timeout`. */
  deadline: number;
  nodes: number;
  /** Subtrees skipped for depth. */
  tooDeep: number;
  collect: NodeCollector<N> | undefined;
  /** Text nodes in `cur` (only with a `collect.line`). */
  pending: N[];
  /** Tables (by `tableCount` number) with more than `MAX_ROWS` rows: the rest was not read. */
  cutTables: number[];
}

function flush<N>(st: WalkState<N>, blankLine = false): void {
  if (st.pre > 0) {
    // Preformatted text keeps its lines exactly: leading tabs, runs of spaces (blank PDF cells).
    const parts = st.cur.replace(/\r\n?/g, '\n').split('\n');
    if (parts.length && parts[parts.length - 1] === '') parts.pop();
    for (const l of parts) { st.lines.push(l); told(st); }
    st.cur = '';
    st.pending = [];
    return;
  }
  const t = st.cur.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
  if (t) { st.lines.push(t); told(st); }
  // A paragraph holding only a non-breaking space is a visible blank line.
  else if (blankLine && /\u00a0/.test(st.cur)) st.lines.push('');
  st.cur = '';
  st.pending = [];
}

/** Tells the collector which text nodes the line just pushed came from. */
function told<N>(st: WalkState<N>): void {
  if (st.collect?.line && st.pending.length) st.collect.line(st.lines.length - 1, st.pending);
}

const PRE_STYLE = /white-space\s*:\s*pre/i;

/** Plain text of a subtree, with block boundaries as spaces (used for cell text). */
export function textOf<N>(a: TreeAdapter<N>, n: N, depth = 0): string {
  return cellText(a, n, depth, null);
}

/** Where `cellText` records a nested table; `level` is how far the cell is below its table. */
interface NestedTable { table: boolean; level: number }

/**
 * `textOf`, also setting `found.table` when the subtree holds a <table> where `hasNestedTable`
 * would see it (65 levels below the outer table); the text is not finished then (it is not used).
 */
function cellText<N>(a: TreeAdapter<N>, n: N, depth: number, found: NestedTable | null): string {
  const tag = a.tag(n);
  if (tag === null) return a.data(n);
  if (found) {
    const level = depth + found.level;
    if (level <= 65 && (tag === 'table' || (SKIP.has(tag) && hasNestedTable(a, n, level)))) { found.table = true; return ''; }
  }
  if (SKIP.has(tag) || depth > 64) return '';
  if (tag === 'br') return '\n';
  const kids = a.children(n);
  // Most cells hold one text node, or one element around one (<p>3</p>, <span>3</span>).
  if (kids.length === 1 && a.tag(kids[0]!) === null) return BLOCK.has(tag) ? `\n${a.data(kids[0]!)}\n` : a.data(kids[0]!);
  let out = '';
  for (const c of kids) {
    out += cellText(a, c, depth + 1, found);
    if (found?.table) return '';
  }
  if (BLOCK.has(tag)) out = `\n${out}\n`;
  return out;
}

/**
 * The table's rows (at most `MAX_ROWS`; `cut` when it has more), or null when a cell holds another
 * table (then it is a layout table, read as blocks): the cells' text is read once, and the search
 * for a nested table rides along.
 */
function collectRows<N>(a: TreeAdapter<N>, table: N, tableIndex: number, collect?: NodeCollector<N>): { rows: RawRow[]; cut: boolean } | null {
  const rows: RawRow[] = [];
  const found: NestedTable = { table: false, level: 0 };
  let cut = false;
  // Cells are told to the collector only once the table is known to be a real one.
  const told: [number, number, N][] = [];
  const visit = (n: N, depth: number): void => {
    if (depth > 8) return;
    for (const c of a.children(n)) {
      const tag = a.tag(c);
      if (tag === 'tr') {
        if (rows.length >= MAX_ROWS) { cut = true; return; }
        const cells: RawRow['cells'] = [];
        let idx = 0;
        for (const td of a.children(c)) {
          const t = a.tag(td);
          if (t !== 'td' && t !== 'th') {
            // Not a cell (a script, or whatever a page script put there): a table in it still makes this a layout table.
            if (t !== null && (t === 'table' || hasNestedTable(a, td, depth + 2))) { found.table = true; return; }
            continue;
          }
          const at = a.cellAttrs ? a.cellAttrs(td)
            : { rowspan: a.attr(td, 'rowspan'), colspan: a.attr(td, 'colspan'), width: a.attr(td, 'width'), style: a.attr(td, 'style') };
          const rs = clampSpan(at.rowspan);
          const cs = clampSpan(at.colspan);
          found.level = depth + 2;
          const raw = cellText(a, td, 0, found);
          const cell: RawRow['cells'][number] = { text: (raw.includes('\n') ? raw.replace(/\s*\n\s*/g, '\n') : raw).trim(), rowSpan: rs, colSpan: cs,
            source: { kind: 'grid', table: tableIndex, row: rows.length, col: -1, cell: idx } };
          if (found.table) return;
          const w = cellWidth(at.width, at.style);
          if (w !== null) cell.width = w;
          if (collect?.cell) told.push([rows.length, idx, td]);
          cells.push(cell);
          idx++;
        }
        rows.push({ cells });
      } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
        visit(c, depth + 1);
        if (found.table) return;
      } else if (tag !== null && (tag === 'table' || hasNestedTable(a, c, depth + 1))) {
        // A table inside the table but in no cell (a <caption>): a layout table too.
        found.table = true;
        return;
      }
    }
  };
  visit(table, 0);
  // Rows past the limit were not read: whether a table is nested there is asked outright.
  if (found.table || (cut && hasNestedTable(a, table, 0))) return null;
  for (const [row, cell, td] of told) collect!.cell!(tableIndex, row, cell, td);
  return { rows, cut };
}

function clampSpan(v: string | null): number {
  const n = v ? parseInt(v, 10) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
}

function hasNestedTable<N>(a: TreeAdapter<N>, n: N, depth: number): boolean {
  if (depth > 64) return false;
  for (const c of a.children(n)) {
    if (a.tag(c) === 'table') return true;
    if (hasNestedTable(a, c, depth + 1)) return true;
  }
  return false;
}

/** `tableCount` numbers every <table> in document order, as `document.querySelectorAll('table')` does. */
function walk<N>(st: WalkState<N>, n: N, depth: number): void {
  const a = st.a;
  if ((++st.nodes & 2047) === 0 && Date.now() > st.deadline) {
    throw new GongkaiError('timeout', `Reading the page took longer than its time budget (${st.nodes} nodes read).`, `读取网页超过时间上限（已读取${st.nodes}个节点）。`);
  }
  const tag = a.tag(n);
  if (tag === null) {
    st.cur += a.data(n);
    if (st.collect?.line) st.pending.push(n);
    return;
  }
  if (SKIP.has(tag)) return;
  if (depth > MAX_WALK_DEPTH) { st.tooDeep++; return; }
  if (tag === 'table') {
    const idx = st.tableCount;
    // A layout table (old CMS templates wrap the whole article in one; null rows) is read as blocks.
    const read = st.grids.length < MAX_TABLES ? collectRows(a, n, idx, st.collect) : hasNestedTable(a, n, 0) ? null : { rows: [], cut: false };
    st.tableCount++;
    if (read) {
      flush(st);
      if (read.cut) st.cutTables.push(idx);
      const grid = buildGrid(read.rows, idx);
      if (grid.rows.length > 0) {
        st.grids.push(grid);
        st.lines.push(tableMarker(st.grids.length - 1));
      }
      return;
    }
  }
  if (tag === 'br') {
    if (st.pre > 0) st.cur += '\n';
    else flush(st);
    return;
  }
  const block = BLOCK.has(tag);
  const pre = tag === 'pre' || tag === 'textarea' || PRE_STYLE.test(a.attr(n, 'style') ?? '');
  if (block) flush(st);
  if (pre) st.pre++;
  for (const c of a.children(n)) walk(st, c, depth + 1);
  if (block) flush(st, tag === 'p' || tag === 'div');
  if (pre) st.pre--;
}

/**
 * Walks a tree into the extraction model. Throws a `timeout` GongkaiError past `timeoutMs` (default
 * `HTML_TIMEOUT_MS`). `collect` is told where each cell and line came from as the walk goes.
 */
export function extractWith<N>(a: TreeAdapter<N>, root: N, title: string | null, encoding: string | null, timeoutMs = HTML_TIMEOUT_MS, collect?: NodeCollector<N>): ExtractedDocument {
  const st: WalkState<N> = { lines: [], cur: '', pre: 0, grids: [], tableCount: 0, a, deadline: Date.now() + timeoutMs, nodes: 0, tooDeep: 0, collect, pending: [], cutTables: [] };
  walk(st, root, 0);
  flush(st);
  const text = st.lines.join('\n');
  const notes = st.tooDeep ? [`${st.tooDeep} element(s) nested deeper than ${MAX_WALK_DEPTH} levels were not read.`] : [];
  if (st.cutTables.length) notes.push(`${st.cutTables.length} table(s) longer than ${MAX_ROWS} rows: only their first ${MAX_ROWS} rows were read.`);
  return {
    kind: 'html', text, grids: st.grids, title: title?.trim() || null,
    publishedAt: publishedDateFromText(text.slice(0, 3000)), encoding, ocr: false, notes,
  };
}

const domAdapter: TreeAdapter<Node> = {
  // A NodeList is iterable and array-like: no copy per node (this was the parser's top cost in Chromium).
  children: (n) => n.childNodes as unknown as readonly Node[],
  tag: (n) => (n.nodeType === 1 ? (n as Element).tagName.toLowerCase() : null),
  data: (n) => (n.nodeType === 3 ? (n as Text).data : ''),
  attr: (n, name) => (n.nodeType === 1 ? (n as Element).getAttribute(name) : null),
};

/**
 * Extract a live DOM document (the extension's content script). Never mutates the page. `collect`
 * is handed each table cell's element and each line's text nodes as they are read.
 */
export function extractDom(doc: Document, root?: Element, collect?: NodeCollector<Node>): ExtractedDocument {
  return extractWith(domAdapter, (root ?? doc.body ?? doc.documentElement) as Node, doc.title || null, doc.characterSet || null, HTML_TIMEOUT_MS, collect);
}
