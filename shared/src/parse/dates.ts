/**
 * Dates only a report has: its signature date and its statistical period. Dates in text, page
 * metadata and URLs are read by the portal date rules (../portal/dates.ts), re-exported here for the
 * extractors.
 */
import { squashHalfWidth } from '../text/normalize.js';
import { isoDate as iso, parseDate } from '../portal/dates.js';

export { parseDate, publishedDateFromText, dateFromUrl } from '../portal/dates.js';

/**
 * The signature date at the end of a report ("温州市生态环境局\n2020年1月16日"): the last full date in
 * the final lines, when it follows the reporting year.
 */
export function signatureDate(lines: string[], year: number | null): string | null {
  for (let i = lines.length - 1, seen = 0; i >= 0 && seen < 40; i--) {
    const l = lines[i]!.trim();
    if (!l) continue;
    seen++;
    if (l.length > 24) continue;
    const d = parseDate(l);
    if (d && (year === null || +d.slice(0, 4) === year + 1)) return d;
  }
  return null;
}

/** 统计期限 "2020 年 1 月 1 日至 12 月 31 日" / "自2019年1月1日起至2019年12月31日止". */
export function statisticalPeriod(text: string): { from: string; to: string } | null {
  const t = squashHalfWidth(text);
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|-|—)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/.exec(t);
  if (!m) return null;
  const from = iso(+m[1]!, +m[2]!, +m[3]!);
  const to = iso(m[4] ? +m[4] : +m[1]!, +m[5]!, +m[6]!);
  return from && to ? { from, to } : null;
}
