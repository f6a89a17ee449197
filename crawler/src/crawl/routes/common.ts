/** What every route gets (the fetched page, the route settings) and gives back (its part of the task's outcome). */
import { decodeBytes, sniffKind } from '@gongkai/shared';
import { parse } from '../../discover/html.js';
import type { Outcome } from '../../store/types.js';
import type { RouteConfig } from '../config.js';
import type { Walked } from '../../fetch/pager-walk.js';

export interface Page {
  url: string; bytes: Buffer; contentType: string | null; sha256: string; rendered: boolean;
  /** A column page rendered in Chromium: the later pages its script pager showed, and why the walk stopped. */
  walked?: Walked;
}

/** A route's part of the outcome; the crawl loop adds the fetch facts and stores it atomically. */
export type RouteResult = Pick<Outcome, 'discovered' | 'portal' | 'sectionUrl' | 'columns' | 'items' | 'document' | 'error' | 'state' | 'columnTotal'>;

export type { RouteConfig };

/** The page as HTML (text, cheerio document), or the `not-html` failure a page route gives for anything else. */
export function htmlOf(page: Page): { html: string; $: ReturnType<typeof parse> } | { failed: RouteResult } {
  const kind = sniffKind(page.bytes);
  if (kind !== 'html' && kind !== 'text') {
    return { failed: { state: 'failed', error: { kind: 'not-html', message: `Expected an HTML page at ${page.url}, got ${kind}` } } };
  }
  const html = decodeBytes(page.bytes, page.contentType).text;
  return { html, $: parse(html) };
}
