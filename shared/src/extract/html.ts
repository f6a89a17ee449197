/** HTML string → ExtractedDocument, parsed with parse5 (as browsers parse) into domhandler nodes. Node and tests. */
import { parse as parseHtml5 } from 'parse5';
import { adapter as domhandlerAdapter } from 'parse5-htmlparser2-tree-adapter';
import type { ExtractedDocument } from './types.js';
import { extractWith, textOf, type TreeAdapter } from './tree-walk.js';

type CNode = import('domhandler').AnyNode;
const cheerioAdapter: TreeAdapter<CNode> = {
  children: (n) => ('children' in n ? (n.children as CNode[]) : []),
  tag: (n) => (n.type === 'tag' || n.type === 'script' || n.type === 'style' ? (n as import('domhandler').Element).name.toLowerCase() : null),
  data: (n) => (n.type === 'text' ? (n as import('domhandler').Text).data : ''),
  attr: (n, name) => ('attribs' in n ? ((n as import('domhandler').Element).attribs[name] ?? null) : null),
};

function findChild(n: CNode, tag: string): CNode | null {
  for (const c of cheerioAdapter.children(n)) if (cheerioAdapter.tag(c) === tag) return c;
  return null;
}

/** Extract an HTML string (Node or browser; parse5, the parser cheerio uses). */
export function extractHtml(html: string, encoding: string | null = null): ExtractedDocument {
  // parse5 straight into domhandler nodes (what cheerio.load does, without loading cheerio's fetch stack).
  const root = parseHtml5(html, { treeAdapter: domhandlerAdapter, scriptingEnabled: false }) as unknown as CNode;
  const html_ = findChild(root, 'html') ?? root;
  const head = findChild(html_, 'head');
  const titleEl = head ? findChild(head, 'title') : null;
  const title = titleEl ? textOf(cheerioAdapter, titleEl).trim() || null : null;
  return extractWith(cheerioAdapter, findChild(html_, 'body') ?? html_, title, encoding);
}

