/**
 * Reading the page in slices. The live DOM is copied into a light tree (tags, text, the four
 * attributes the parser reads) a few milliseconds at a time, yielding to the page between slices,
 * so a huge page never blocks its main thread; past a size limit the copy stops and the page is
 * not checked ("页面过大，未检查"). The parser then walks the copy (`extractWith` of
 * @gongkai/shared with `snapshotAdapter`), which is what it would read from the DOM itself.
 */
import type { NodeCollector, TreeAdapter } from '@gongkai/shared/browser';
import { since } from './perf';

/**
 * The copy as it is made and sent to the background: a text node is its text (other non-element
 * nodes are ''), an element is `[tag, attributes or 0, ...children]`. Compact on purpose: the page's
 * thread pays for building and serializing it. The nodes are numbered in document order (preorder),
 * which is also the order of the snapshot's `pageNodes`.
 */
export type WireNode = string | WireElement;
export type WireElement = [tag: string, attrs: Record<string, string> | 0, ...children: WireNode[]];

/** One node of the copy as the parser walks it; `id` is the index of the page's node in `pageNodes`. */
export interface SnapNode { tag: string | null; children: SnapNode[]; data: string; attrs: Record<string, string> | null; id: number }

export interface SnapshotLimits {
  /** Time per slice before yielding (ms). */
  sliceMs: number;
  /** More table cells than this: not checked. A report has a few hundred. */
  maxCells: number;
  /** More nodes than this: not checked. */
  maxNodes: number;
}

export const SNAPSHOT_LIMITS: SnapshotLimits = { sliceMs: 8, maxCells: 3000, maxNodes: 60_000 };

export type Snapshot =
  | { ok: true; root: WireElement; nodes: number; cells: number; slices: number; pageNodes: Node[] }
  | { ok: false; tooBig: { cells: number; nodes: number }; slices: number };

/** The attributes the walker asks for (rowspan, colspan, width, style); no other attribute is copied. */
const ATTRS = ['rowspan', 'colspan', 'width', 'style'];

/** Gives the page's main thread back for a moment. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((r) => setTimeout(r, 0));
}

function copyElement(el: Element): WireElement {
  let attrs: Record<string, string> | null = null;
  if (el.hasAttributes()) {
    for (const k of ATTRS) {
      const v = el.getAttribute(k);
      if (v !== null) (attrs ??= {})[k] = v;
    }
  }
  return [el.localName, attrs ?? 0];
}

/** Copies `root` in slices of `limits.sliceMs`; stops as soon as the page is over a limit. */
export async function snapshotDom(root: Node, limits: SnapshotLimits = SNAPSHOT_LIMITS, now: () => number = () => performance.now()): Promise<Snapshot> {
  const pageNodes: Node[] = [root];
  const top: WireElement = root.nodeType === 1 ? copyElement(root as Element) : ['#root', 0];
  // Each entry: a copied parent and the next of its children to copy (a parent of 10,000 rows is copied across slices too).
  const stack: { s: WireElement; next: ChildNode | null }[] = [{ s: top, next: root.firstChild }];
  let nodes = 1;
  let cells = 0;
  let slices = 1;
  let sliceStart = now();
  let deadline = sliceStart + limits.sliceMs;
  while (stack.length) {
    const top2 = stack[stack.length - 1]!;
    const c = top2.next;
    if (!c) { stack.pop(); continue; }
    top2.next = c.nextSibling;
    pageNodes.push(c);
    nodes++;
    if (c.nodeType === 1) {
      const x = copyElement(c as Element);
      top2.s.push(x);
      if (x[0] === 'td' || x[0] === 'th') cells++;
      if (c.firstChild) stack.push({ s: x, next: c.firstChild });
    } else {
      top2.s.push(c.nodeType === 3 ? (c as Text).data : '');
    }
    if (cells > limits.maxCells || nodes > limits.maxNodes) { since('snapshot', sliceStart); return { ok: false, tooBig: { cells, nodes }, slices }; }
    if ((nodes & 63) === 0 && now() > deadline) {
      since('snapshot', sliceStart);
      await yieldToMain();
      slices++;
      sliceStart = now();
      deadline = sliceStart + limits.sliceMs;
    }
  }
  since('snapshot', sliceStart);
  return { ok: true, root: top, nodes, cells, slices, pageNodes };
}

/** The copy as the parser walks it, numbered in document order as `pageNodes` is. */
export function fromWire(root: WireNode): SnapNode {
  let id = 0;
  const make = (w: WireNode): SnapNode => (typeof w === 'string'
    ? { tag: null, children: [], data: w, attrs: null, id: id++ }
    : { tag: w[0], children: [], data: '', attrs: w[1] === 0 ? null : w[1], id: id++ });
  const top = make(root);
  // Each entry: a node of the tree, its wire form and the index of its next child there (children start at 2).
  const stack: { n: SnapNode; w: WireNode; i: number }[] = [{ n: top, w: root, i: 2 }];
  while (stack.length) {
    const e = stack[stack.length - 1]!;
    if (typeof e.w === 'string' || e.i >= e.w.length) { stack.pop(); continue; }
    const cw = e.w[e.i++] as WireNode;
    const c = make(cw);
    e.n.children.push(c);
    if (typeof cw !== 'string') stack.push({ n: c, w: cw, i: 2 });
  }
  return top;
}

/** The walker's view of the copy. */
export const snapshotAdapter: TreeAdapter<SnapNode> = {
  children: (n) => n.children,
  tag: (n) => n.tag,
  data: (n) => n.data,
  attr: (n, name) => n.attrs?.[name] ?? null,
};

/** A collector over the copy that hands the ids of the page's nodes on to `into`. */
export function toNodeIds(into: NodeCollector<number>): NodeCollector<SnapNode> {
  return {
    cell: (t, r, c, n) => into.cell?.(t, r, c, n.id),
    line: (l, ns) => into.line?.(l, ns.map((n) => n.id)),
  };
}
