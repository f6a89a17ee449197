/**
 * The page's visible text with whitespace removed, and where each text node's piece starts in it:
 * the coordinate system of the anchors (`selectors.ts`) and of the fallback text search.
 */
export interface TextIndex {
  stripped: string;
  nodes: Text[];
  /** Where each node's piece starts in `stripped`, and its length. */
  starts: number[];
  lengths: number[];
  /** Node → its place in `nodes`. */
  position: Map<Text, number>;
}

const WS_ALL = /[\s\u00a0\u3000]+/g;
const WS = /[\s\u00a0\u3000]/;

/** Indexes the text nodes of `root` (the body by default), skipping scripts, styles and elements `skip` names. */
export function buildTextIndex(doc: Document, skip: (el: Element) => boolean = () => false, root: Node = doc.body ?? doc.documentElement): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  const pieces: string[] = [];
  const position = new Map<Text, number>();
  let length = 0;
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
    position.set(n as Text, nodes.length);
    nodes.push(n as Text);
    starts.push(length);
    lengths.push(piece.length);
    pieces.push(piece);
    length += piece.length;
  }
  return { stripped: pieces.join(''), nodes, starts, lengths, position };
}

/** An index of a few text nodes only (one line of the report, as the parser read it). */
export function indexOfNodes(nodes: readonly Node[]): TextIndex {
  const out: TextIndex = { stripped: '', nodes: [], starts: [], lengths: [], position: new Map() };
  const pieces: string[] = [];
  let length = 0;
  for (const n of nodes) {
    if (n.nodeType !== 3) continue;
    const piece = (n as Text).data.replace(WS_ALL, '');
    if (!piece) continue;
    out.position.set(n as Text, out.nodes.length);
    out.nodes.push(n as Text);
    out.starts.push(length);
    out.lengths.push(piece.length);
    pieces.push(piece);
    length += piece.length;
  }
  out.stripped = pieces.join('');
  return out;
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

/** Whitespace removed, as in the index. */
export const strip = (s: string) => s.replace(WS_ALL, '');
