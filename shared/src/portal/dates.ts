/**
 * Dates as Chinese portals and reports print them: in list rows and page text (2020-01-20,
 * [2020-01-20], 2020/1/20, 2020.01.20, 2020年1月20日, full-width digits too), in page metadata
 * (发布日期：…), and encoded in TRS/Hanweb article URLs. The one home of these rules: the parser, the
 * crawler and the extension all read dates here.
 */
import { toHalfWidth } from '../text/normalize.js';

/** `YYYY-MM-DD` for a real calendar day between 1990 and 2100, else null (2020-02-30 is null). */
export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_IN_TEXT = /(?<!\d)(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)/g;

/**
 * The first real date printed in `text` (2020-01-20, [2020-01-20], 2020/1/20, 2020.01.20,
 * 2020年1月20日, full-width digits); a date-like string that is no calendar day (2020.13.01) is
 * skipped. Null when there is none.
 */
export function parseDate(text: string): string | null {
  const t = toHalfWidth(text);
  for (const m of t.matchAll(DATE_IN_TEXT)) {
    const d = isoDate(+m[1]!, +m[2]!, +m[3]!);
    if (d) return d;
  }
  return null;
}

const PUBLISHED = /(?:发布日期|发布时间|公开日期|发文日期|发布于)\s*[:：]?\s*(\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2})/;

/** A publication date printed in page metadata: 发布日期：2020-01-20, 发布时间, 公开日期, 发文日期, 发布于. */
export function publishedDateFromText(text: string): string | null {
  const m = PUBLISHED.exec(toHalfWidth(text));
  return m ? parseDate(m[1]!) : null;
}

/**
 * The publication date a URL encodes: TRS `./202001/t20200120_80576.htm`, Hanweb
 * `/art/2021/1/28/art_1229_1.html`, EmpireCMS and others `/<column>/2018-07-12/7477.html`.
 */
export function dateFromUrl(url: string): string | null {
  const m = /\/t(\d{4})(\d{2})(\d{2})_\d+/.exec(url) ?? /\/art\/(\d{4})\/(\d{1,2})\/(\d{1,2})\//.exec(url)
    ?? /\/(\d{4})-(\d{2})-(\d{2})\/[^/]+$/.exec(url);
  return m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** The UTC calendar day of `d` as `YYYY-MM-DD`. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (ISO dates; a Date counts by its UTC day): 2026-11-08 → 2026-11-22 is 14. */
export function daysBetween(from: string, to: string | Date): number {
  const day = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((day(typeof to === 'string' ? to : isoDay(to)) - day(from)) / 86_400_000);
}
