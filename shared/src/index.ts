/**
 * @gongkai/shared — the public API. Everything here runs in Node and in the browser.
 * `@gongkai/shared/browser` is the same without the cheerio-based `parseHtml`/`extractHtml` (pages
 * are read with `parseDom` there), so extension bundles stay small. Node-only entry points (PDF,
 * Word and OCR from bytes, files and URLs) are in `@gongkai/shared/node`.
 *
 * Typical use:
 *   const parsed = parseHtml(html, { url });          // or parseText / parseDom / parseExtracted
 *   if (!parsed.ok) show(parsed.message);             // typed reason: empty, not-a-report, corrupt …
 *   const result = checkReport(parsed.report, { history: earlierReports });
 *   const json = toContract(parsed.report, result);   // the stable machine contract
 */
export * from './browser.js';
export { extractHtml } from './extract/html.js';
export { parseHtml } from './parse/parse-html.js';
