/**
 * Anchors in the manner of the W3C Web Annotation model: a place on the page described by the text
 * it quotes (TextQuoteSelector: exact, with a prefix and a suffix) and by where that text sits
 * (TextPositionSelector: start and end), so it can be found again after a reload or a small change
 * of the page. Positions count the characters of the page's text with whitespace removed (the
 * text index of `locate.ts`): layout whitespace differs between renderings, the words do not.
 */
import { locateChar, type TextIndex } from './text-index';

export interface TextQuoteSelector { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
export interface TextPositionSelector { type: 'TextPositionSelector'; start: number; end: number }
/** Both selectors of one place (the annotation model's list of alternative selectors). */
export type Selectors = [TextQuoteSelector, TextPositionSelector];

const CONTEXT = 32;
const WS = /[\s\u00a0\u3000]/;

/** The stripped offset of a point (text node + offset in its data) in the index, or null when the node is not indexed. */
export function offsetOf(index: TextIndex, node: Text, offset: number): number | null {
  const i = index.position.get(node);
  if (i === undefined) return null;
  let k = 0;
  const d = node.data;
  for (let j = 0; j < offset && j < d.length; j++) if (!WS.test(d[j]!)) k++;
  return index.starts[i]! + k;
}

/** Selectors for the stripped span [start, end) of the index. */
export function describeSpan(index: TextIndex, start: number, end: number): Selectors | null {
  if (end <= start) return null;
  const s = index.stripped;
  return [
    { type: 'TextQuoteSelector', exact: s.slice(start, end), prefix: s.slice(Math.max(0, start - CONTEXT), start), suffix: s.slice(end, end + CONTEXT) },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** Selectors of a range of the page (a sentence). */
export function describeRange(index: TextIndex, r: Range): Selectors | null {
  const first = firstText(r.startContainer, r.startOffset);
  const a = first && offsetOf(index, first.node, first.offset);
  const b = r.endContainer.nodeType === 3 ? offsetOf(index, r.endContainer as Text, r.endOffset) : null;
  return a === null || a === undefined || b === null ? null : describeSpan(index, a, b);
}

/** Selectors of an element (a table cell): its whole text. */
export function describeElement(index: TextIndex, el: Element): Selectors | null {
  const w = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let start: number | null = null;
  let end: number | null = null;
  for (let n = w.nextNode() as Text | null; n; n = w.nextNode() as Text | null) {
    const i = index.position.get(n);
    if (i === undefined) continue;
    start ??= index.starts[i]!;
    end = index.starts[i]! + (index.lengths[i] ?? 0);
  }
  return start === null || end === null ? null : describeSpan(index, start, end);
}

function firstText(node: Node, offset: number): { node: Text; offset: number } | null {
  if (node.nodeType === 3) return { node: node as Text, offset };
  const child = node.childNodes[offset] ?? node;
  const w = node.ownerDocument!.createTreeWalker(child, NodeFilter.SHOW_TEXT);
  const t = w.nextNode() as Text | null;
  return t ? { node: t, offset: 0 } : null;
}

/** How well `at` fits the quote's context: characters of prefix and suffix that agree. */
function contextScore(s: string, at: number, q: TextQuoteSelector): number {
  let score = 0;
  for (let i = 1; i <= q.prefix.length && s[at - i] === q.prefix[q.prefix.length - i]; i++) score++;
  const after = at + q.exact.length;
  for (let i = 0; i < q.suffix.length && s[after + i] === q.suffix[i]; i++) score++;
  return score;
}

/**
 * Finds the place again: where the position selector says if the quote is still there, else the
 * occurrence of the quote whose prefix and suffix fit best (the nearest to the old position on a
 * tie). Null when the quoted text is no longer on the page.
 */
export function anchorSpan(index: TextIndex, [quote, pos]: Selectors): { start: number; end: number } | null {
  const s = index.stripped;
  const n = quote.exact.length;
  if (!n) return null;
  if (s.slice(pos.start, pos.end) === quote.exact) return { start: pos.start, end: pos.end };
  let best = -1;
  let bestScore = -1;
  for (let at = s.indexOf(quote.exact); at >= 0; at = s.indexOf(quote.exact, at + 1)) {
    const sc = contextScore(s, at, quote);
    if (sc > bestScore || (sc === bestScore && Math.abs(at - pos.start) < Math.abs(best - pos.start))) { best = at; bestScore = sc; }
  }
  return best < 0 ? null : { start: best, end: best + n };
}

/** The page range of a stripped span. */
export function spanRange(doc: Document, index: TextIndex, span: { start: number; end: number }): Range | null {
  const a = locateChar(index, span.start);
  const b = locateChar(index, span.end - 1);
  if (!a || !b) return null;
  const r = doc.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset + 1);
  return r;
}
