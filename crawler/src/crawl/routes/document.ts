/**
 * A report document (an article page or a file): stored, parsed with @gongkai/shared, agency and
 * year taken from the list title where it names them. `interpret` says what a parse result means
 * for the crawl (also for `reparse`).
 */
import { decodeBytes, sniffKind, type Report } from '@gongkai/shared';
import { parseBytes, type ParseResult } from '@gongkai/shared/node';
import { attachments, parse } from '../../discover/html.js';
import { dateFromUrl, findDate, titleFacts } from '../../discover/urls.js';
import type { AttachmentTask, DocRow, NewTask, ReportRef, ReportTask } from '../../store/types.js';
import { childTask } from '../tasks.js';
import type { Page, RouteConfig, RouteResult } from './common.js';

const NO_REF: ReportRef = { title: null, date: null, via: null, columnKey: null };

/** Stores and parses the document; an article page (`withAttachments`) also gives a task per file it links. */
export async function documentResult(t: ReportTask | AttachmentTask, page: Page, cfg: RouteConfig, withAttachments: boolean): Promise<RouteResult> {
  const kind = sniffKind(page.bytes);
  const r = t.meta.report ?? NO_REF;
  const facts = titleFacts(r.title);
  const discovered: NewTask[] = [];
  let publishedAt = r.date ?? dateFromUrl(page.url);
  if (kind === 'html' && withAttachments) {
    const $ = parse(decodeBytes(page.bytes, page.contentType).text);
    publishedAt ??= findDate($('.xxgk-meta, .article-info, .info, .date').text());
    for (const a of attachments($, page.url)) {
      const ref: ReportRef = { title: r.title ?? a.text, date: publishedAt, via: page.url, columnKey: r.columnKey };
      if (r.foundBy) Object.assign(ref, { foundBy: r.foundBy, query: r.query });
      discovered.push(childTask(t, 'attachment', a.url, { report: ref }));
    }
  }
  const name = decodeURIComponent(new URL(page.url).pathname.split('/').pop() ?? '') || null;
  // pdf.js refuses Node Buffers: hand the parser a plain Uint8Array copy.
  const parsed = await parseBytes(new Uint8Array(page.bytes), { url: page.url, name, contentType: page.contentType, publishedAt, agency: facts.agency, ocr: cfg.ocr });
  const { report, reason, message } = interpret(parsed, discovered.length);
  const document: DocRow = {
    url: page.url, viaUrl: r.via, host: new URL(page.url).host, listTitle: r.title,
    agency: facts.agency ?? report?.agency ?? null, year: report?.year ?? facts.year,
    publishedAt: report?.publishedAt ?? publishedAt, contentType: page.contentType, kind,
    sha256: page.sha256, parseOk: !!report, parseReason: reason, parseMessage: message,
    report: report ? JSON.stringify(report) : null,
  };
  return { state: 'done', document, discovered };
}

/**
 * What a parse result means for the crawl: an article whose body only links the report's files is a
 * wrapper, not a report of its own; a scan read with OCR off (`needs-ocr`) is recorded as such.
 */
export function interpret(parsed: ParseResult, attachments: number): { report: Report | null; reason: string | null; message: string | null } {
  if (parsed.ok) {
    const r = parsed.report;
    if (attachments > 0 && !r.table2 && !r.table3 && !r.table4 && r.sections.length <= 1) {
      return { report: null, reason: 'attachment-wrapper', message: `Article that links ${attachments} attachment(s) of the report` };
    }
    return { report: r, reason: null, message: null };
  }
  if (parsed.reason === 'not-a-report' && attachments > 0) {
    return { report: null, reason: 'attachment-wrapper', message: `Article that links ${attachments} attachment(s) of the report` };
  }
  if (parsed.reason === 'needs-ocr') {
    return { report: null, reason: 'scanned-needs-ocr', message: 'A scanned PDF (no text layer): run with --ocr to read it' };
  }
  return { report: null, reason: parsed.reason, message: parsed.message.en };
}
