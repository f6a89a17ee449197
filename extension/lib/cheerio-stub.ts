/**
 * Build-only alias for 'cheerio' (see package.json "alias"). The extension reads live and
 * DOMParser documents through `parseDom`; it never parses HTML strings, so the ~500 kB cheerio/parse5
 * stack would only slow every page the lens opens. Calling it is a bug.
 */
export function load(): never {
  throw new Error('cheerio is not bundled in the extension: use parseDom on a DOMParser document');
}
export default { load };
