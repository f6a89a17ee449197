/**
 * Plain text (a dump of a page or a PDF) → ExtractedDocument. Tables stay inline; the parser reads
 * them from the lines. Linear in the text: no per-line copies here (a text of millions of short
 * lines costs one pass); the parse that follows runs within a time budget (parse/budget.ts).
 */
import type { ExtractedDocument } from './types.js';
import { publishedDateFromText } from '../parse/dates.js';

/** The first line with any text, trimmed (null when there is none). */
function firstTextLine(text: string): string | null {
  const at = text.search(/\S/);
  if (at < 0) return null;
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, end < 0 ? text.length : end).trim();
}

export function extractText(text: string, encoding: string | null = null): ExtractedDocument {
  const clean = text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '').replace(/\u0000/g, '');
  const firstLine = firstTextLine(clean);
  return {
    kind: 'text', text: clean, grids: [], title: firstLine && firstLine.length <= 80 ? firstLine : null,
    publishedAt: publishedDateFromText(clean.slice(0, 3000)), encoding, ocr: false, notes: [],
  };
}
