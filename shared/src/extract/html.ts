/** HTML string → ExtractedDocument, parsed with cheerio (parse5, as browsers parse). Node and tests. */
import * as cheerio from 'cheerio';
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

/** Extract an HTML string (Node or browser; uses cheerio's parser). */
export function extractHtml(html: string, encoding: string | null = null): ExtractedDocument {
  const $ = cheerio.load(html, { scriptingEnabled: false } as cheerio.CheerioOptions);
  const root = $.root().get(0)! as CNode;
  const html_ = findChild(root, 'html') ?? root;
  const head = findChild(html_, 'head');
  const titleEl = head ? findChild(head, 'title') : null;
  const title = titleEl ? textOf(cheerioAdapter, titleEl).trim() || null : null;
  return extractWith(cheerioAdapter, findChild(html_, 'body') ?? html_, title, encoding);
}

