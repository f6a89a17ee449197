/**
 * From a finding's evidence to the places on the live page. Cells and sentences come from the
 * parser's own map of the page (`page-anchors.ts`: the node each cell and line was read from), so
 * nothing is searched again; only a sentence without a source (the title) is looked up in the
 * page's text. Each place also gets W3C-style selectors (`selectors.ts`) by which it is found again
 * when the page changes under it. Never changes the page.
 */
import type { Finding, SourceRef } from '@gongkai/shared/browser';
import { cellKey, type PageAnchors } from './page-anchors';
import { anchorSpan, describeElement, describeRange, spanRange, type Selectors } from './selectors';
import { indexOfNodes, strip, type TextIndex } from './text-index';

export { buildTextIndex, locateChar, type TextIndex } from './text-index';

export interface Place {
  kind: 'cell' | 'sentence';
  /** The element to scroll to (the cell, or the sentence's closest element). */
  el: Element;
  /** For sentences: the exact text range. */
  range: Range | null;
  label: string;
  /** Quote and position, to find the place again after the page changed. */
  selectors: Selectors | null;
}

export interface LocateContext {
  doc: Document;
  /** The parser's map of this page (null: none, e.g. a report checked from elsewhere). */
  anchors: PageAnchors | null;
  /** The page's text index, built once when first needed. */
  index: () => TextIndex;
}

/** A cell's element from the parser's map. */
export function mappedCell(anchors: PageAnchors | null, src: SourceRef | null): Element | null {
  if (!anchors || !src || src.kind !== 'grid' || src.cell === undefined || src.page !== undefined) return null;
  const el = anchors.cells.get(cellKey(src.table, src.row, src.cell));
  return el?.isConnected ? el : null;
}

/** The longest leading piece of `needle` found in `hay` (sentences may be cut differently), as [at, length]. */
function find(hay: string, needle: string): [number, number] | null {
  const at = hay.indexOf(needle);
  if (at >= 0) return [at, needle.length];
  for (let cut = Math.min(needle.length, 40); cut >= 8; cut -= 4) {
    const a = hay.indexOf(needle.slice(0, cut));
    if (a >= 0) return [a, cut];
  }
  return null;
}

/** A sentence's range within the text nodes of the line the parser read it from. */
export function mappedSentence(doc: Document, anchors: PageAnchors | null, text: string, src: SourceRef | null): Range | null {
  if (!anchors || src?.kind !== 'text' || src.page !== undefined) return null;
  const nodes = anchors.lines.get(src.line);
  if (!nodes?.length || !nodes.every((n) => n.isConnected)) return null;
  const needle = strip(text);
  if (needle.length < 2) return null;
  const mini = indexOfNodes(nodes);
  const hit = find(mini.stripped, needle);
  return hit ? spanRange(doc, mini, { start: hit[0], end: hit[0] + hit[1] }) : null;
}

/** A sentence looked up in the page's text (whitespace ignored): for evidence without a source. */
export function sentenceRange(doc: Document, index: TextIndex, sentence: string): Range | null {
  const needle = strip(sentence);
  if (needle.length < 2) return null;
  const hit = find(index.stripped, needle);
  return hit ? spanRange(doc, index, { start: hit[0], end: hit[0] + hit[1] }) : null;
}

function closestElement(r: Range): Element | null {
  const n = r.commonAncestorContainer;
  return n.nodeType === 1 ? (n as Element) : n.parentElement;
}

/** All places of one finding on this page, de-duplicated. */
export function placesOf(ctx: LocateContext, f: Finding): Place[] {
  const out: Place[] = [];
  const seen = new Set<Element>();
  for (const c of f.evidence.cells) {
    // Cells of another year's report ("table3@2019") are not on this page.
    if (c.table.includes('@')) continue;
    const el = mappedCell(ctx.anchors, c.source);
    if (el && !seen.has(el)) {
      seen.add(el);
      out.push({ kind: 'cell', el, range: null, label: c.label, selectors: describeElement(ctx.index(), el) });
    }
  }
  for (const s of f.evidence.sentences) {
    const r = mappedSentence(ctx.doc, ctx.anchors, s.text, s.source) ?? (s.source ? null : sentenceRange(ctx.doc, ctx.index(), s.text));
    const el = r ? closestElement(r) : null;
    if (r && el) out.push({ kind: 'sentence', el, range: r, label: s.text, selectors: describeRange(ctx.index(), r) });
  }
  return out;
}

/** The finding has evidence on this page (cells of this report or sentences), so it should be placeable. */
export function hasPageEvidence(f: Finding): boolean {
  return f.evidence.cells.some((c) => !c.table.includes('@') && c.source?.kind === 'grid') || f.evidence.sentences.some((s) => s.source !== null || s.text.length >= 2);
}

/** An element's text as the index sees it (scripts and styles left out), whitespace removed. */
function elementText(el: Element): string {
  const w = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(n.parentElement?.tagName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let out = '';
  for (let n = w.nextNode(); n; n = w.nextNode()) out += (n as Text).data;
  return strip(out);
}

/** The place is still on the page and still says what it said. */
export function stillThere(p: Place): boolean {
  if (!p.el.isConnected) return false;
  if (p.range && (!p.range.startContainer.isConnected || !p.range.endContainer.isConnected)) return false;
  const now = p.range ? strip(p.range.toString()) : elementText(p.el);
  return !p.selectors || now === p.selectors[0].exact;
}

/** Finds a place again by its selectors, in the page as it is now; null when its text is gone. */
export function reanchor(ctx: LocateContext, p: Place): Place | null {
  if (!p.selectors) return null;
  const index = ctx.index();
  const span = anchorSpan(index, p.selectors);
  const r = span && spanRange(ctx.doc, index, span);
  const el = r && closestElement(r);
  if (!r || !el) return null;
  if (p.kind === 'cell') {
    const cell = el.closest('td, th');
    return cell ? { ...p, el: cell, range: null, selectors: describeElement(index, cell) } : null;
  }
  return { ...p, el, range: r, selectors: describeRange(index, r) };
}

/** The place has a box on the screen (not inside something hidden). */
export function visible(p: Place): boolean {
  return (p.range ?? p.el).getClientRects().length > 0;
}

/** Boxes of a place, relative to `origin` (the overlay layer's own box). */
export function boxesOf(p: Place, origin: DOMRect): { top: number; left: number; width: number; height: number }[] {
  const rects = p.range ? Array.from(p.range.getClientRects()) : [p.el.getBoundingClientRect()];
  return rects.filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ top: r.top - origin.top, left: r.left - origin.left, width: r.width, height: r.height }));
}
