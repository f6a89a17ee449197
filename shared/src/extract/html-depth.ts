/**
 * A nesting-depth guard for HTML before parse5 sees it. parse5 (as browsers) does work per element
 * proportional to the depth of the open-element stack, so markup nested tens of thousands deep costs
 * quadratic time (3·10⁴ nested <div>s: ~20 s). One cheap linear scan estimates the depth as a
 * browser would build it (void elements, implied end tags of p/li/td/tr/option/dt/dd, raw-text
 * elements) and drops the tags below `MAX_HTML_DEPTH` — their text stays, in document order.
 * Dropped tags do not count towards the depth of what follows, and the tags that carry a report's
 * structure (tables, paragraphs, lists, headings) are kept for `STRUCTURE_HEADROOM` levels more,
 * so a report wrapped in thousands of <div>s reads as the plain page.
 */

/** Elements nested deeper than this are flattened (tags dropped, text kept). Real report pages nest < 40 deep. */
export const MAX_HTML_DEPTH = 160;
/** Extra levels kept for table, paragraph, list and heading tags below `MAX_HTML_DEPTH`. */
export const STRUCTURE_HEADROOM = 64;
const STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'p', 'li', 'ul', 'ol',
  'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'basefont', 'bgsound', 'frame', 'keygen', 'image']);
/** Elements whose content is text up to their end tag. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Opening one of these ends an open sibling of the listed kinds (implied end tags). */
const ENDS: Record<string, readonly string[]> = {
  p: ['p'], li: ['li'], dt: ['dt', 'dd'], dd: ['dt', 'dd'], option: ['option'], td: ['td', 'th'], th: ['td', 'th'],
  tr: ['td', 'th', 'tr'], tbody: ['td', 'th', 'tr', 'tbody', 'thead'], thead: ['td', 'th', 'tr', 'tbody', 'thead'],
};
/** Block elements that close an open <p>. */
const CLOSES_P = new Set(['div', 'p', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section',
  'article', 'header', 'footer', 'dl', 'form', 'hr', 'center', 'main', 'nav', 'aside', 'address', 'fieldset', 'figure', 'menu']);

/** How far back a close tag looks for its element; further is a stray end tag (ignored, as parse5 mostly does). */
const CLOSE_REACH = 16;

// A comment, or a start/end tag. Tags stop at the next < so a stray < costs nothing extra (linear).
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)[^<>]{0,4096}>/g;

export interface DepthGuard {
  /** The HTML to parse: the input itself when nothing was dropped. */
  html: string;
  /** Deepest nesting as written (estimated as parse5 would build it, before dropping). */
  maxDepth: number;
  /** Start and end tags dropped. */
  dropped: number;
}

interface Open { name: string; kept: boolean }

/** Flattens elements nested deeper than `limit`. Linear in the input. */
export function guardHtmlDepth(html: string, limit = MAX_HTML_DEPTH): DepthGuard {
  const stack: Open[] = [];
  const cut: [number, number][] = [];
  let maxDepth = 0;
  /** Open elements that are kept: the depth parse5 will see. */
  let kept = 0;
  const pop = (): void => { if (stack.pop()!.kept) kept--; };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue; // a comment
    const start = m.index, end = TOKEN.lastIndex;
    if (m[1]) {
      let k = stack.length - 1;
      const stop = Math.max(0, stack.length - CLOSE_REACH);
      while (k >= stop && stack[k]!.name !== name) k--;
      if (k < stop) continue;
      const keep = stack[k]!.kept;
      while (stack.length > k) pop();
      if (!keep) cut.push([start, end]);
      continue;
    }
    const ends = ENDS[name];
    if (ends) while (stack.length && ends.includes(stack[stack.length - 1]!.name)) pop();
    if (CLOSES_P.has(name) && stack[stack.length - 1]?.name === 'p') pop();
    const keep = kept < limit || (kept < limit + STRUCTURE_HEADROOM && STRUCTURE.has(name));
    if (RAW.has(name)) {
      // Raw text runs to the end tag: skip it (its "<div>" strings are not tags). Dropped whole when too deep.
      const close = new RegExp(`</${name}[\\s/>]`, 'ig');
      close.lastIndex = end;
      const c = close.exec(html);
      const after = c ? html.indexOf('>', c.index) + 1 : html.length;
      if (!keep) cut.push([start, after]);
      TOKEN.lastIndex = after;
      continue;
    }
    // "/>" does not close an HTML element (parse5 opens <div/>); only void elements stay off the stack.
    if (VOID.has(name)) {
      if (!keep) cut.push([start, end]);
      continue;
    }
    stack.push({ name, kept: keep });
    if (keep) kept++;
    if (stack.length > maxDepth) maxDepth = stack.length;
    if (!keep) cut.push([start, end]);
  }
  if (cut.length === 0) return { html, maxDepth, dropped: 0 };
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of cut) { parts.push(html.slice(at, s)); at = e; }
  parts.push(html.slice(at));
  return { html: parts.join(''), maxDepth, dropped: cut.length };
}
