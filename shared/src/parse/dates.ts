/** Dates as Chinese reports and portals print them. */
import { toHalfWidth } from '../text/normalize.js';

function iso(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** First date in a string: 2020-01-20, 2020/1/20, 2020.01.20, 2020年1月20日, [2020-01-20]. */
export function parseDate(s: string): string | null {
  const t = toHalfWidth(s);
  const m = /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})/.exec(t);
  return m ? iso(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** A publication date printed in page metadata: 发布日期：2020-01-20, 发布时间, 日期. */
export function publishedDateFromText(s: string): string | null {
  const t = toHalfWidth(s);
  const m = /(?:发布日期|发布时间|公开日期|发文日期|发布于)\s*[:：]?\s*(\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2})/.exec(t);
  return m ? parseDate(m[1]!) : null;
}

/** The date TRS-style URLs carry: ./202001/t20200120_80576.htm → 2020-01-20. */
export function dateFromUrl(url: string): string | null {
  const m = /\/t(\d{4})(\d{2})(\d{2})_\d+/.exec(url) ?? /\/art\/(\d{4})\/(\d{1,2})\/(\d{1,2})\//.exec(url);
  return m ? iso(+m[1]!, +m[2]!, +m[3]!) : null;
}

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
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|-|—)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/.exec(t);
  if (!m) return null;
  const from = iso(+m[1]!, +m[2]!, +m[3]!);
  const to = iso(m[4] ? +m[4] : +m[1]!, +m[5]!, +m[6]!);
  return from && to ? { from, to } : null;
}
