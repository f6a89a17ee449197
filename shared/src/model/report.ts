/**
 * The report model. Every number keeps its raw text and where it came from, so a UI can point at it.
 * Schemas are zod so that data crossing a boundary (crawler store, extension history, imports) is
 * validated, not trusted.
 */
import { z } from 'zod';

/** Where a cell or sentence came from in the source document. */
export const SourceRef = z.discriminatedUnion('kind', [
  /** A cell of an extracted grid (HTML/DOCX table, PDF ruling-line table): 0-based indices.
   *  `table` is the grid index in the document (for HTML: the n-th <table> element, nested ones
   *  excluded); `row` is the row element index; `col` the expanded column. */
  z.object({ kind: z.literal('grid'), table: z.number().int(), row: z.number().int(), col: z.number().int(),
    /** Optional locator of the element in the live DOM (index of the <table> on the page). */
    /** Index of the cell element within its row element (DOM order), for HTML/DOCX sources. */
    cell: z.number().int().optional(),
    /** 1-based page and [x, y, width, height] box in page points, for PDF sources. */
    page: z.number().int().optional(),
    box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional() }),
  /** A span of the document's text: 0-based line and character offsets into `ExtractedDocument.text`. */
  z.object({ kind: z.literal('text'), line: z.number().int(), start: z.number().int(), end: z.number().int(),
    page: z.number().int().optional() }),
]);
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * What a cell says. `blank` = nothing printed (not reported); `dash` = '/', '—', '-' (explicitly
 * not applicable); `none` = '无'; `number` = a parsed value; `text` = something unreadable as a number.
 */
export const CellKind = z.enum(['number', 'blank', 'dash', 'none', 'text']);
export type CellKind = z.infer<typeof CellKind>;

export const Cell = z.object({
  kind: CellKind,
  /** The numeric value, or null for anything that is not a number. Never invented. */
  value: z.number().nullable(),
  /** The text as printed (trimmed of layout whitespace only). */
  raw: z.string(),
  /** Unit printed with the number: 元, 万元, 件, 个, 项 … */
  unit: z.string().nullable(),
  /** True when the text carried an explicit sign: '+1', '-3', '49（+）'. */
  signed: z.boolean(),
  source: SourceRef.nullable(),
  /** Set when the value came from OCR: its confidence 0..1. */
  ocrConfidence: z.number().optional(),
  /** Why this cell's placement or reading is doubtful, when it is. */
  doubt: z.string().optional(),
});
export type Cell = z.infer<typeof Cell>;

export const Section = z.object({
  n: z.number().int().min(1).max(6),
  /** The heading as printed. */
  heading: z.string(),
  /** True when the heading uses the template wording. */
  standard: z.boolean(),
  line: z.number().int(),
  text: z.string(),
});
export type Section = z.infer<typeof Section>;

export const Table2Row = z.object({
  /** Template row label (规章, 规范性文件 …) as in the template of `layout`. */
  label: z.string(),
  /** The label as printed. */
  printed: z.string(),
  item: z.string(),
  columns: z.array(z.string()),
  cells: z.array(Cell),
  /** Set when the printed label did not match and the row was matched by its place in the template's row order (按位置匹配). */
  matchedBy: z.literal('position').optional(),
});
export type Table2Row = z.infer<typeof Table2Row>;

export const Table2 = z.object({
  /** The layout the table's own headers show (may differ from the report year's template). */
  layout: z.enum(['2019', '2021']),
  rows: z.array(Table2Row),
  missingRows: z.array(z.string()),
});
export type Table2 = z.infer<typeof Table2>;

export const Table3Row = z.object({
  key: z.string(),
  /** The row's label as printed. */
  printed: z.string(),
  cells: z.array(Cell).length(7),
  /** Set when the printed label did not match and the row was matched by its place in the template's row order (按位置匹配). */
  matchedBy: z.literal('position').optional(),
});
export type Table3Row = z.infer<typeof Table3Row>;

export const Table3 = z.object({
  layout: z.enum(['2019', '2021']),
  rows: z.array(Table3Row),
  /** Template rows not found in the source. */
  missingRows: z.array(z.string()),
  /** Rows the source has that the template does not (e.g. 小计). */
  extraRows: z.array(z.object({ printed: z.string(), cells: z.array(Cell) })),
});
export type Table3 = z.infer<typeof Table3>;

export const Table4 = z.object({ cells: z.array(Cell).length(15) });
export type Table4 = z.infer<typeof Table4>;

/** A figure the narrative states, e.g. "共收到政府信息公开申请84件". */
export const ProseClaim = z.object({
  /** What the number is about (received, carriedOver, carriedForward, granted, grantedOrPartial, denied, unable, notProcessed, other, reviews, litigation, reviewsAndLitigation, table2:<label>:<what>). */
  topic: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  /** The sentence, as printed. */
  sentence: z.string(),
  /** The matched phrase. */
  phrase: z.string(),
  source: SourceRef,
});
export type ProseClaim = z.infer<typeof ProseClaim>;

export const DocumentKind = z.enum(['html', 'text', 'pdf', 'docx', 'doc', 'image']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const Report = z.object({
  source: z.object({
    kind: DocumentKind,
    name: z.string().nullable(),
    url: z.string().nullable(),
    encoding: z.string().nullable(),
    /** True when any text came from OCR. */
    ocr: z.boolean(),
  }),
  title: z.string().nullable(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  template: z.enum(['2019', '2021', 'pre-2019', 'unknown']),
  /** ISO date (YYYY-MM-DD) of publication, when the document or its page states it. */
  publishedAt: z.string().nullable(),
  /** 统计期限 as stated, ISO dates. */
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  sections: z.array(Section),
  table2: Table2.nullable(),
  table3: Table3.nullable(),
  table4: Table4.nullable(),
  /** Table-2 figures stated in prose when there is no standard table (seed 003). */
  table2Prose: z.array(ProseClaim),
  claims: z.array(ProseClaim),
  /** Parser notes: what was unsure and why (never silent). */
  notes: z.array(z.string()),
});
export type Report = z.infer<typeof Report>;
