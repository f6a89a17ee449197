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

/**
 * Deeper than this the copy is not walked: the HTML parser itself nests no deeper (a page's script
 * could), and the parser's walk should not have to.
 */
export const MAX_DEPTH = 512;

export type FromWire =
  | { ok: true; root: SnapNode }
  | { ok: false; tooBig: { cells: number; nodes: number } }
  | { ok: false; invalid: string };

const isAttrs = (a: unknown): a is Record<string, string> | 0 =>
  a === 0 || (typeof a === 'object' && a !== null && !Array.isArray(a) && Object.values(a).every((v) => typeof v === 'string'));

/**
 * The copy as the parser walks it, numbered in document order as `pageNodes` is. The copy comes from
 * a page's isolated world, so the background takes nothing for granted: the same node and cell
 * limits as the page side (`SNAPSHOT_LIMITS`), `MAX_DEPTH`, and well-formed nodes only.
 */
export function fromWire(root: unknown, limits: Pick<SnapshotLimits, 'maxCells' | 'maxNodes'> = SNAPSHOT_LIMITS): FromWire {
  let id = 0;
  let cells = 0;
  const make = (w: unknown): SnapNode | string => {
    if (typeof w === 'string') return { tag: null, children: [], data: w, attrs: null, id: id++ };
    if (!Array.isArray(w) || typeof w[0] !== 'string' || !isAttrs(w[1])) return 'a node of the copy is malformed';
    if (w[0] === 'td' || w[0] === 'th') cells++;
    return { tag: w[0], children: [], data: '', attrs: w[1] === 0 ? null : { ...w[1] }, id: id++ };
  };
  const top = make(root);
  if (typeof top === 'string') return { ok: false, invalid: top };
  // Each entry: a node of the tree, its wire form and the index of its next child there (children start at 2).
  const stack: { n: SnapNode; w: unknown; i: number }[] = [{ n: top, w: root, i: 2 }];
  while (stack.length) {
    const e = stack[stack.length - 1]!;
    if (typeof e.w === 'string' || e.i >= (e.w as unknown[]).length) { stack.pop(); continue; }
    const cw = (e.w as unknown[])[e.i++];
    const c = make(cw);
    if (typeof c === 'string') return { ok: false, invalid: c };
    if (id > limits.maxNodes || cells > limits.maxCells || stack.length > MAX_DEPTH) return { ok: false, tooBig: { cells, nodes: id } };
    e.n.children.push(c);
    if (typeof cw !== 'string') stack.push({ n: c, w: cw, i: 2 });
  }
  return { ok: true, root: top };
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
