/**
 * From a finding's evidence to the places on the live page: table cells by their source indices
 * (table = n-th <table> of the document, row = table.rows[row], cell = tr.cells[cell]) and
 * sentences by searching the page's text nodes. Never changes the page.
 */
import type { Finding, SourceRef } from '@gongkai/shared/browser';

export interface Place {
  kind: 'cell' | 'sentence';
  /** The element to scroll to (the cell, or the sentence's closest element). */
  el: Element;
  /** For sentences: the exact text range. */
  range: Range | null;
  label: string;
}

export function cellElement(doc: Document, src: SourceRef | null): HTMLTableCellElement | null {
  if (!src || src.kind !== 'grid' || src.cell === undefined || src.page !== undefined) return null;
  const table = doc.querySelectorAll('table')[src.table];
  if (!(table instanceof HTMLTableElement)) return null;
  const tr = table.rows[src.row];
  const cell = tr?.cells[src.cell];
  return cell ?? null;
}

/** The body's visible text without whitespace, and where each text node's piece starts in it. */
export interface TextIndex { stripped: string; nodes: Text[]; starts: number[] }

const WS_ALL = /[\s\u00a0\u3000]+/g;
const WS = /[\s\u00a0\u3000]/;

export function buildTextIndex(doc: Document, skip: (el: Element) => boolean = () => false): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  const root = doc.body ?? doc.documentElement;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      const p = n.parentElement;
      if (!p) return NodeFilter.FILTER_REJECT;
      const tag = p.tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE' || skip(p)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n && length < 400_000; n = walker.nextNode()) {
    const piece = (n as Text).data.replace(WS_ALL, '');
    if (!piece) continue;
    nodes.push(n as Text);
    starts.push(length);
    pieces.push(piece);
    length += piece.length;
  }
  return { stripped: pieces.join(''), nodes, starts };
}

/** The text node and offset of the `at`-th character of the stripped text. */
export function locateChar(index: TextIndex, at: number): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= at) lo = mid; else hi = mid - 1;
  }
  const node = index.nodes[lo];
  if (!node) return null;
  let k = at - index.starts[lo]!;
  const d = node.data;
  for (let i = 0; i < d.length; i++) {
    if (WS.test(d[i]!)) continue;
    if (k-- === 0) return { node, offset: i };
  }
  return null;
}

export function sentenceRange(doc: Document, index: TextIndex, sentence: string): Range | null {
  const needle = sentence.replace(/[\s\u00a0\u3000]+/g, '');
  if (needle.length < 2) return null;
  let at = index.stripped.indexOf(needle);
  let len = needle.length;
  if (at < 0) {
    // Fall back to the longest leading piece that is found (sentences may be cut differently).
    for (let cut = Math.min(needle.length, 40); cut >= 8 && at < 0; cut -= 4) {
      at = index.stripped.indexOf(needle.slice(0, cut));
      len = cut;
    }
  }
  if (at < 0) return null;
  const a = locateChar(index, at);
  const b = locateChar(index, at + len - 1);
  if (!a || !b) return null;
  const r = doc.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset + 1);
  return r;
}

function closestElement(r: Range): Element | null {
  const n = r.commonAncestorContainer;
  return n.nodeType === 1 ? (n as Element) : n.parentElement;
}

/** All places of one finding, de-duplicated. */
export function placesOf(doc: Document, f: Finding, index: () => TextIndex): Place[] {
  const out: Place[] = [];
  const seen = new Set<Element>();
  for (const c of f.evidence.cells) {
    // Cells of another year's report ("table3@2019") are not on this page.
    if (c.table.includes('@')) continue;
    const el = cellElement(doc, c.source);
    if (el && !seen.has(el)) {
      seen.add(el);
      out.push({ kind: 'cell', el, range: null, label: c.label });
    }
  }
  for (const s of f.evidence.sentences) {
    const r = sentenceRange(doc, index(), s.text);
    const el = r ? closestElement(r) : null;
    if (r && el) out.push({ kind: 'sentence', el, range: r, label: s.text });
  }
  return out;
}

/** Boxes of a place, relative to `origin` (the overlay layer's own box). */
export function boxesOf(p: Place, origin: DOMRect): { top: number; left: number; width: number; height: number }[] {
  const rects = p.range ? Array.from(p.range.getClientRects()) : [p.el.getBoundingClientRect()];
  return rects.filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ top: r.top - origin.top, left: r.left - origin.left, width: r.width, height: r.height }));
}
