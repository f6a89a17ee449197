/**
 * @gongkai/shared — the public API. Browser-safe: everything here runs in Node and in the extension.
 * Node-only entry points (PDF/Word/OCR from bytes, file and URL loading) are in `@gongkai/shared/node`.
 *
 * Typical use:
 *   const parsed = parseHtml(html, { url });          // or parseText / parseDom / parseExtracted
 *   if (!parsed.ok) show(parsed.message);             // typed reason: empty, not-a-report, corrupt …
 *   const result = checkReport(parsed.report, { history: earlierReports });
 *   const json = toContract(parsed.report, result);   // the stable machine contract
 */
export * from './model/labels.js';
export * from './model/report.js';
export * from './extract/types.js';
export * from './errors.js';
export * from './checks/types.js';
export { parseValue, makeCell, isValueText } from './values/parse-cell.js';
export { decodeBytes, sniffKind, type SniffedKind } from './extract/decode.js';
export { extractHtml, extractDom } from './extract/html.js';
export { extractText } from './extract/text.js';
export { parseExtracted, parseHtml, parseDom, parseText, type ParseOptions, type ParseResult } from './parse/parse-report.js';
export { checkReport, type CheckOptions } from './checks/run.js';
export { CHECKS, type CheckInfo } from './checks/catalogue.js';
export { toContract, type ContractJson } from './output/contract.js';
export { compareYears, type YearComparison } from './history/compare.js';
export { isLikelyReportPage } from './parse/detect.js';
