/**
 * The one intermediate form every format is converted to. HTML, DOCX, PDF and OCR extractors all
 * produce an `ExtractedDocument`; the table mapper and the section finder read only this.
 */
import type { DocumentKind, SourceRef } from '../model/report.js';

/** One slot of an expanded grid. A merged cell fills rowSpan × colSpan slots; all but its origin are copies. */
export interface GridCell {
  text: string;
  /** Row/column of the slot that carries the cell's content (itself when not a copy). */
  originRow: number;
  originCol: number;
  rowSpan: number;
  colSpan: number;
  /** True for slots filled by a span from another slot. */
  copy: boolean;
  source: SourceRef;
  /** OCR confidence 0..1 when the text was read from an image. */
  ocrConfidence?: number;
  /** Printed width of the whole cell in CSS pixels (HTML `width=` or style width), when stated. */
  width?: number;
}

/** A table as a rectangular grid with spans expanded. */
export interface Grid {
  /** Index of this table in the document (document order). */
  index: number;
  rows: GridCell[][];
  /** Page (1-based) where the table starts, for paged sources. */
  page?: number;
}

export interface ExtractedDocument {
  kind: DocumentKind;
  /**
   * The document's text, one line per visual line or block. For sources with real tables (HTML,
   * DOCX, ruled PDF) each table is replaced by one line `\u0000TABLE n\u0000` so prose and tables
   * are not confused; for plain text sources tables stay inline and are read from the text.
   */
  text: string;
  /** Tables recovered as grids; empty for text sources. */
  grids: Grid[];
  /** Title from metadata (HTML <title>, PDF info), if any. */
  title: string | null;
  /** Publication date from page metadata (发布日期, URL t20200120), ISO, if any. */
  publishedAt: string | null;
  encoding: string | null;
  /** True when any content came from OCR. */
  ocr: boolean;
  /** Number of pages for paged sources. */
  pages?: number;
  /** Extractor notes (skipped pages, dropped headers, doubtful cells …). */
  notes: string[];
}

/** Marker line standing for a grid inside `ExtractedDocument.text`. */
export const tableMarker = (n: number): string => `\u0000TABLE ${n}\u0000`;
export const TABLE_MARKER_RE = /^\u0000TABLE (\d+)\u0000$/;
