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
const ENDS = new Map<string, readonly string[]>(Object.entries({
  p: ['p'], li: ['li'], dt: ['dt', 'dd'], dd: ['dt', 'dd'], option: ['option'], td: ['td', 'th'], th: ['td', 'th'],
  tr: ['td', 'th', 'tr'], tbody: ['td', 'th', 'tr', 'tbody', 'thead'], thead: ['td', 'th', 'tr', 'tbody', 'thead'],
}));
/** The end-tag search of each raw-text element, made once. */
const RAW_CLOSE = new Map<string, RegExp>([...RAW].map((name) => [name, new RegExp(`</${name}[\\s/>]`, 'ig')]));
/** Block elements that close an open <p>. */
const CLOSES_P = new Set(['div', 'p', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section',
  'article', 'header', 'footer', 'dl', 'form', 'hr', 'center', 'main', 'nav', 'aside', 'address', 'fieldset', 'figure', 'menu']);

/** How far back a close tag looks for its element; further is a stray end tag (ignored, as parse5 mostly does). */
const CLOSE_REACH = 16;

export interface DepthGuard {
  /** The HTML to parse: the input itself when nothing was dropped. */
  html: string;
  /** Deepest nesting as written (estimated as parse5 would build it, before dropping). */
  maxDepth: number;
  /** Start and end tags dropped. */
  dropped: number;
}

function isAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isNameChar(c: number): boolean {
  return isAlpha(c) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x2d || c === 0x5f;
}

/**
 * Flattens elements nested deeper than `limit`. One linear pass with indexOf: a tag runs from "<" to
 * the next ">" unless another "<" comes first (then it is text, as a stray "<" is).
 */
export function guardHtmlDepth(html: string, limit = MAX_HTML_DEPTH): DepthGuard {
  const names: string[] = [];
  const keeps: boolean[] = [];
  const cut: number[] = [];
  const n = html.length;
  let maxDepth = 0;
  /** Open elements that are kept: the depth parse5 will see. */
  let kept = 0;
  const pop = (): void => { names.pop(); if (keeps.pop()) kept--; };
  let i = html.indexOf('<');
  while (i >= 0) {
    const c = html.charCodeAt(i + 1);
    if (c === 0x21) { // <!-- comment --> or <!doctype …>
      const e = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) + 3 : html.indexOf('>', i) + 1;
      i = e > 0 ? html.indexOf('<', e) : -1;
      continue;
    }
    const isClose = c === 0x2f;
    const from = isClose ? i + 2 : i + 1;
    if (!isAlpha(html.charCodeAt(from))) { i = html.indexOf('<', i + 1); continue; }
    let k = from + 1;
    let upper = isUpper(html.charCodeAt(from));
    for (let ch: number; k < n && isNameChar(ch = html.charCodeAt(k)); k++) if (isUpper(ch)) upper = true;
    const gt = html.indexOf('>', k);
    const next = html.indexOf('<', k);
    if (gt < 0) break;
    if (next >= 0 && next < gt) { i = next; continue; }
    const start = i, end = gt + 1;
    i = next;
    const name = upper ? html.slice(from, k).toLowerCase() : html.slice(from, k);
    if (isClose) {
      let j = names.length - 1;
      const stop = Math.max(0, names.length - CLOSE_REACH);
      while (j >= stop && names[j] !== name) j--;
      if (j < stop) continue;
      const keep = keeps[j]!;
      while (names.length > j) pop();
      if (!keep) cut.push(start, end);
      continue;
    }
    const ends = ENDS.get(name);
    if (ends) while (names.length && ends.includes(names[names.length - 1]!)) pop();
    if (names[names.length - 1] === 'p' && CLOSES_P.has(name)) pop();
    const keep = kept < limit || (kept < limit + STRUCTURE_HEADROOM && STRUCTURE.has(name));
    if (RAW.has(name)) {
      // Raw text runs to the end tag: skip it (its "<div>" strings are not tags). Dropped whole when too deep.
      const close = RAW_CLOSE.get(name)!;
      close.lastIndex = end;
      const m = close.exec(html);
      const after = m ? html.indexOf('>', m.index) + 1 : n;
      if (!keep) cut.push(start, after);
      i = html.indexOf('<', after);
      continue;
    }
    // "/>" does not close an HTML element (parse5 opens <div/>); only void elements stay off the stack.
    if (VOID.has(name)) {
      if (!keep) cut.push(start, end);
      continue;
    }
    names.push(name);
    keeps.push(keep);
    if (keep) kept++;
    if (names.length > maxDepth) maxDepth = names.length;
    if (!keep) cut.push(start, end);
  }
  if (cut.length === 0) return { html, maxDepth, dropped: 0 };
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < cut.length; k += 2) { parts.push(html.slice(at, cut[k])); at = cut[k + 1]!; }
  parts.push(html.slice(at));
  return { html: parts.join(''), maxDepth, dropped: cut.length / 2 };
}
