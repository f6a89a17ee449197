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
/** How a document's notes begin when tables were nested too deep to read (parse-report turns not-a-report into too-large then). */
export const TOO_DEEP_TABLES = 'Tables nested too deeply:';
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
  /** Formatting start tags dropped because `MAX_FORMATTING` were open or waiting to be reopened. */
  capped: number;
  /** Table tags (table, tr, td, th, …) among the dropped: the tables below the limit are lost, not only their nesting. */
  tables: number;
}

const TABLE_TAGS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);

function isAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isNameChar(c: number): boolean {
  return isAlpha(c) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x2d || c === 0x5f;
}

/** Formatting elements: popped implicitly, parse5 reopens them (the list of active formatting elements). */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
/** Elements that put a marker on that list: formatting from outside is not reopened inside them. */
const MARKS = new Set(['td', 'th', 'caption', 'applet', 'marquee', 'object', 'template']);
/** Elements that bound the search for an open <p> ("button scope"). */
const P_SCOPE = new Set(['table', 'td', 'th', 'caption', 'html', 'button', 'applet', 'marquee', 'object', 'template']);
/** Start tags that do not reopen formatting first: those that close a <p>, and list/table structure. */
const NO_REOPEN = new Set([...CLOSES_P, 'li', 'dd', 'dt', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'caption', 'colgroup', 'col', 'html', 'head', 'body']);
/** Most formatting elements kept open or waiting to be reopened; more are dropped (their text kept), so one text run never reopens hundreds. */
export const MAX_FORMATTING = 24;

/** Each set above as a bit, so a start tag costs one lookup of its name. */
const F_STRUCTURE = 1, F_CLOSES_P = 2, F_NO_REOPEN = 4, F_RAW = 8, F_VOID = 16, F_FORMATTING = 32, F_MARKS = 64, F_TABLE = 128, F_ENDS = 256;
const FLAGS = new Map<string, number>();
for (const [set, bit] of [[STRUCTURE, F_STRUCTURE], [CLOSES_P, F_CLOSES_P], [NO_REOPEN, F_NO_REOPEN], [RAW, F_RAW], [VOID, F_VOID],
  [FORMATTING, F_FORMATTING], [MARKS, F_MARKS], [TABLE_TAGS, F_TABLE], [new Set(ENDS.keys()), F_ENDS]] as const) {
  for (const name of set) FLAGS.set(name, (FLAGS.get(name) ?? 0) | bit);
}

/** An entry of the list of active formatting elements (or a marker, key null). */
interface Formatting { key: string | null; onStack: boolean }

/**
 * Flattens elements nested deeper than `limit`. One linear pass with indexOf: a tag runs from "<" to
 * the next ">" unless another "<" comes first (then it is text, as a stray "<" is). The depth is the
 * tree builder's: a block start closes an open <p> in scope, and formatting elements closed that way
 * are reopened before the next text, at most three alike (the "Noah's ark" clause) — so
 * `<p><b>x` repeated stays a few levels deep, as in parse5 and browsers.
 */
export function guardHtmlDepth(html: string, limit = MAX_HTML_DEPTH): DepthGuard {
  const names: string[] = [];
  const keeps: boolean[] = [];
  const refs: (Formatting | null)[] = [];
  const active: Formatting[] = [];
  /** Entries of `active` not on the stack (reopened by the next text or inline start tag). */
  let waiting = 0;
  const cut: number[] = [];
  const n = html.length;
  let maxDepth = 0;
  /** Open elements that are kept: the depth parse5 will see. */
  let kept = 0;
  let capped = 0;
  let tables = 0;
  const unlist = (f: Formatting): void => { const at = active.lastIndexOf(f); if (at >= 0) active.splice(at, 1); if (!f.onStack && at >= 0) waiting--; };
  const pop = (): void => {
    const name = names.pop()!;
    const keep = keeps.pop();
    if (keep) kept--;
    const ref = refs.pop();
    if (ref) { ref.onStack = false; if (active.includes(ref)) waiting++; }
    if (keep && MARKS.has(name)) { // clear the list back to its last marker
      while (active.length) { const f = active.pop()!; if (f.key === null) break; if (!f.onStack) waiting--; }
    }
  };
  const push = (name: string, keep: boolean, ref: Formatting | null): void => {
    names.push(name); keeps.push(keep); refs.push(ref);
    if (keep) kept++;
    if (names.length > maxDepth) maxDepth = names.length;
  };
  const reopen = (): void => {
    if (waiting <= 0) return;
    let from = active.length;
    while (from > 0 && active[from - 1]!.key !== null && !active[from - 1]!.onStack) from--;
    for (let j = from; j < active.length; j++) { const f = active[j]!; f.onStack = true; waiting--; push(f.key!.slice(0, f.key!.indexOf(' ')), true, f); }
  };
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
    // Text after this tag makes parse5 reopen the formatting elements waiting (whitespace too).
    const textAfter = waiting > 0 && (next < 0 ? n : next) > end;
    const name = upper ? html.slice(from, k).toLowerCase() : html.slice(from, k);
    if (isClose) {
      let j = names.length - 1;
      const stop = Math.max(0, names.length - CLOSE_REACH);
      while (j >= stop && names[j] !== name) j--;
      if (j < stop) {
        // A formatting end tag whose element was closed implicitly: it leaves the list (adoption agency).
        if (FORMATTING.has(name)) {
          for (let f = active.length - 1; f >= 0 && active[f]!.key !== null; f--) if (!active[f]!.onStack && active[f]!.key!.startsWith(`${name} `)) { unlist(active[f]!); break; }
        }
        if (textAfter) reopen();
        continue;
      }
      const keep = keeps[j]!;
      const ref = refs[j];
      while (names.length > j) pop();
      if (ref) unlist(ref);
      if (!keep) cut.push(start, end);
      if (textAfter) reopen();
      continue;
    }
    const flags = FLAGS.get(name) ?? 0;
    const ends = flags & F_ENDS ? ENDS.get(name) : undefined;
    if (ends) while (names.length && ends.includes(names[names.length - 1]!)) pop();
    if (flags & F_CLOSES_P) {
      // An open <p> in button scope is closed, with everything opened inside it.
      let j = names.length - 1;
      const stop = Math.max(0, names.length - 2 * MAX_FORMATTING - CLOSE_REACH);
      while (j >= stop && names[j] !== 'p' && !P_SCOPE.has(names[j]!)) j--;
      if (j >= stop && names[j] === 'p') while (names.length > j) pop();
    }
    if (name === 'a') {
      // A new <a> first closes an open one (adoption agency), rather than nesting inside it.
      for (let f = active.length - 1; f >= 0 && active[f]!.key !== null; f--) {
        const e = active[f]!;
        if (!e.key!.startsWith('a ')) continue;
        if (e.onStack) { const j = refs.lastIndexOf(e); if (j >= names.length - CLOSE_REACH) while (names.length > j) pop(); }
        unlist(e);
        break;
      }
    }
    if (!(flags & F_NO_REOPEN)) reopen();
    let keep = kept < limit || (kept < limit + STRUCTURE_HEADROOM && (flags & F_STRUCTURE) !== 0);
    if (flags & F_RAW) {
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
    if (flags & F_VOID) {
      if (!keep) cut.push(start, end);
      if (textAfter) reopen();
      continue;
    }
    let ref: Formatting | null = null;
    if (flags & F_FORMATTING && keep) {
      const key = `${name} ${html.slice(k, gt).trim()}`;
      // Noah's ark: a fourth identical entry after the last marker pushes out the earliest.
      let same = 0; let first = -1;
      for (let f = active.length - 1; f >= 0 && active[f]!.key !== null; f--) if (active[f]!.key === key) { same++; first = f; }
      if (same >= 3) unlist(active[first]!);
      if (active.length >= MAX_FORMATTING) { keep = false; capped++; }
      else { ref = { key, onStack: true }; active.push(ref); }
    }
    if (flags & F_MARKS && keep) active.push({ key: null, onStack: true });
    push(name, keep, ref);
    if (!keep) { cut.push(start, end); if (flags & F_TABLE) tables++; }
    if (textAfter) reopen();
  }
  if (cut.length === 0) return { html, maxDepth, dropped: 0, capped, tables };
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < cut.length; k += 2) { parts.push(html.slice(at, cut[k])); at = cut[k + 1]!; }
  parts.push(html.slice(at));
  return { html: parts.join(''), maxDepth, dropped: cut.length / 2, capped, tables };
}
