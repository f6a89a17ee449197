/** Plain text (a dump of a page or a PDF) → ExtractedDocument. Tables stay inline; the parser reads them from the lines. */
import type { ExtractedDocument } from './types.js';
import { publishedDateFromText } from '../parse/dates.js';

export function extractText(text: string, encoding: string | null = null): ExtractedDocument {
  const clean = text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '').replace(/\u0000/g, '');
  const firstLine = clean.split('\n').find((l) => l.trim().length > 0)?.trim() ?? null;
  return {
    kind: 'text', text: clean, grids: [], title: firstLine && firstLine.length <= 80 ? firstLine : null,
    publishedAt: publishedDateFromText(clean.slice(0, 3000)), encoding, ocr: false, notes: [],
  };
}
