/** Parse an HTML string with parse5 (Node, tests; the browser uses `parseDom`). */
import { extractHtml } from '../extract/html.js';
import { GongkaiError, unparseable } from '../errors.js';
import { parseExtracted, type ParseOptions, type ParseResult } from './parse-report.js';

export function parseHtml(html: string, opts: ParseOptions = {}, encoding: string | null = null): ParseResult {
  try {
    if (!html.trim()) throw new GongkaiError('empty', 'The input is empty.', '输入为空。');
    return parseExtracted(extractHtml(html, encoding), opts);
  } catch (err) {
    return unparseable(err);
  }
}
