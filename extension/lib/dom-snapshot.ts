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
 * One node of the copy: plain data (it is sent to the background, which parses it); `id` is the
 * index of the page's own node in the snapshot's `pageNodes` (for anchors).
 */
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
  | { ok: true; root: SnapNode; nodes: number; cells: number; slices: number; pageNodes: Node[] }
  | { ok: false; tooBig: { cells: number; nodes: number }; slices: number };

/** The attributes the walker asks for (rowspan, colspan, width, style); no other attribute is copied. */
const ATTRS = ['rowspan', 'colspan', 'width', 'style'];

/** Gives the page's main thread back for a moment. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((r) => setTimeout(r, 0));
}

function copy(n: Node, id: number): SnapNode {
  if (n.nodeType !== 1) return { tag: null, children: [], data: n.nodeType === 3 ? (n as Text).data : '', attrs: null, id };
  const el = n as Element;
  let attrs: Record<string, string> | null = null;
  if (el.hasAttributes()) {
    for (const k of ATTRS) {
      const v = el.getAttribute(k);
      if (v !== null) (attrs ??= {})[k] = v;
    }
  }
  return { tag: el.localName, children: [], data: '', attrs, id };
}

/** Copies `root` in slices of `limits.sliceMs`; stops as soon as the page is over a limit. */
export async function snapshotDom(root: Node, limits: SnapshotLimits = SNAPSHOT_LIMITS, now: () => number = () => performance.now()): Promise<Snapshot> {
  const pageNodes: Node[] = [root];
  const top = copy(root, 0);
  // Each entry: a copied parent and the next of its children to copy (a parent of 10,000 rows is copied across slices too).
  const stack: { s: SnapNode; next: ChildNode | null }[] = [{ s: top, next: root.firstChild }];
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
    const x = copy(c, pageNodes.length);
    pageNodes.push(c);
    top2.s.children.push(x);
    nodes++;
    if (x.tag === 'td' || x.tag === 'th') cells++;
    if (x.tag !== null && c.firstChild) stack.push({ s: x, next: c.firstChild });
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
