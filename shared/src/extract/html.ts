/** HTML string → ExtractedDocument, parsed with parse5 (as browsers parse) into domhandler nodes. Node and tests. */
import { parse as parseHtml5 } from 'parse5';
import { adapter as domhandlerAdapter } from 'parse5-htmlparser2-tree-adapter';
import type { ExtractedDocument } from './types.js';
import { extractWith, HTML_TIMEOUT_MS, textOf, type TreeAdapter } from './tree-walk.js';
import { guardHtmlDepth, MAX_HTML_DEPTH } from './html-depth.js';
import { GongkaiError } from '../errors.js';

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

/**
 * Extract an HTML string (Node or browser; parse5, the parser cheerio uses). Bounded: elements nested
 * deeper than `MAX_HTML_DEPTH` are flattened before parsing (a note says so), and parsing plus the
 * walk stop with a `timeout` GongkaiError after `timeoutMs` (default `HTML_TIMEOUT_MS`).
 */
export function extractHtml(html: string, encoding: string | null = null, timeoutMs = HTML_TIMEOUT_MS): ExtractedDocument {
  const started = Date.now();
  const guard = guardHtmlDepth(html);
  // parse5 straight into domhandler nodes (what cheerio.load does, without loading cheerio's fetch stack).
  const root = parseHtml5(guard.html, { treeAdapter: domhandlerAdapter, scriptingEnabled: false }) as unknown as CNode;
  const left = timeoutMs - (Date.now() - started);
  if (left <= 0) throw new GongkaiError('timeout', `Parsing the page took longer than ${timeoutMs} ms.`, `解析网页超过${timeoutMs}毫秒的时间上限。`);
  const html_ = findChild(root, 'html') ?? root;
  const head = findChild(html_, 'head');
  const titleEl = head ? findChild(head, 'title') : null;
  const title = titleEl ? textOf(cheerioAdapter, titleEl).trim() || null : null;
  const doc = extractWith(cheerioAdapter, findChild(html_, 'body') ?? html_, title, encoding, left);
  if (guard.dropped) {
    doc.notes.unshift(`HTML nested ${guard.maxDepth} levels deep: ${guard.dropped} tag(s) below level ${MAX_HTML_DEPTH} were dropped before parsing (their text kept).`);
  }
  return doc;
}

