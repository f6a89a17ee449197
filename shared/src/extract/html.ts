/** HTML string → ExtractedDocument, parsed with parse5 (as browsers parse) into parse5's own plain nodes. Node and tests. */
import { parse as parseHtml5, type DefaultTreeAdapterMap } from 'parse5';
import type { ExtractedDocument } from './types.js';
import { extractWith, HTML_TIMEOUT_MS, textOf, type CellAttrs, type TreeAdapter } from './tree-walk.js';
import { guardHtmlDepth, MAX_FORMATTING, MAX_HTML_DEPTH, STRUCTURE_HEADROOM, TOO_DEEP_TABLES } from './html-depth.js';
import { GongkaiError } from '../errors.js';

type P5Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['parentNode'];
type P5Element = DefaultTreeAdapterMap['element'];
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const NONE: readonly P5Node[] = [];

/**
 * parse5's default tree adapter builds plain objects (attributes stay the tokenizer's list), which
 * costs less than domhandler nodes (cheerio's); the tree is the same — parse5 builds it, the adapter only stores it.
 * A <template>'s content sits in `content`, not among its children: the walker skips templates anyway.
 */
const parse5Adapter: TreeAdapter<P5Node> = {
  children: (n) => (n as { childNodes?: P5Node[] }).childNodes ?? NONE,
  // Every parse5 node has a nodeName: '#text', '#comment', '#document'… or an element's tag name.
  tag: (n) => {
    const name = n.nodeName;
    if (name.charCodeAt(0) === 0x23) return null;
    return (n as P5Element).namespaceURI === HTML_NS ? name : name.toLowerCase();
  },
  data: (n) => (n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : ''),
  attr: (n, name) => {
    if (!('attrs' in n)) return null;
    for (const a of (n as P5Element).attrs) if (a.name === name) return a.value;
    return null;
  },
  cellAttrs: (n) => {
    const out: CellAttrs = { rowspan: null, colspan: null, width: null, style: null };
    if (!('attrs' in n)) return out;
    // The first of each name, as `attr` finds it.
    for (const a of (n as P5Element).attrs) {
      const k = a.name;
      if (k === 'rowspan') out.rowspan ??= a.value;
      else if (k === 'colspan') out.colspan ??= a.value;
      else if (k === 'width') out.width ??= a.value;
      else if (k === 'style') out.style ??= a.value;
    }
    return out;
  },
};

function findChild(n: P5Node, tag: string): P5Node | null {
  for (const c of parse5Adapter.children(n)) if (parse5Adapter.tag(c) === tag) return c;
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
  const root = parseHtml5(guard.html, { scriptingEnabled: false }) as P5Node;
  const left = timeoutMs - (Date.now() - started);
  if (left <= 0) throw new GongkaiError('timeout', `Parsing the page took longer than ${timeoutMs} ms.`, `解析网页超过${timeoutMs}毫秒的时间上限。`);
  const html_ = findChild(root, 'html') ?? root;
  const head = findChild(html_, 'head');
  const titleEl = head ? findChild(head, 'title') : null;
  const title = titleEl ? textOf(parse5Adapter, titleEl).trim() || null : null;
  const doc = extractWith(parse5Adapter, findChild(html_, 'body') ?? html_, title, encoding, left);
  if (guard.dropped) {
    doc.notes.unshift(guard.capped
      ? `HTML nested ${guard.maxDepth} levels deep, ${guard.capped} formatting tag(s) past ${MAX_FORMATTING} open at once: ${guard.dropped} tag(s) were dropped before parsing (their text kept).`
      : `HTML nested ${guard.maxDepth} levels deep: ${guard.dropped} tag(s) below level ${MAX_HTML_DEPTH} were dropped before parsing (their text kept).`);
    if (guard.tables) doc.notes.splice(1, 0, `${TOO_DEEP_TABLES} ${guard.tables} table tag(s) nested below level ${MAX_HTML_DEPTH + STRUCTURE_HEADROOM} were dropped: the tables there are not read.`);
  }
  return doc;
}
