/** Running every check on a report. */
import type { Report } from '../model/report.js';
import { Collector, forgetRowIndex, type CheckContext } from './context.js';
import type { CheckResult, Finding } from './types.js';
import { checkStructure } from './structure.js';
import { checkTable3, checkTable4 } from './arithmetic.js';
import { checkTable2Rules, checkValues } from './values.js';
import { checkProse } from './prose.js';
import { checkTimeliness } from './timeliness.js';
import { checkHistory } from './history.js';
import { score } from './score.js';
import { forgetStated } from './stated.js';
import { resolveDeadlines } from '../portal/deadline.js';

export interface CheckOptions {
  /** Other reports of the same agency (any years; the one a year earlier drives the cross-year checks). */
  history?: Report[];
  /** ISO date for "today" (defaults to the current date). */
  today?: string;
  /** Article 49 deadlines as MM-DD of the following year (default 01-31 / 03-31); local rules may be stricter. A value that is not MM-DD throws DeadlineError. */
  deadlines?: { department?: string; government?: string };
}

/** A finding that rests on OCR readings says so, in the evidence and in both messages. */
function markOcr(f: Finding): void {
  const cells = f.evidence.cells.filter((c) => c.ocrConfidence !== undefined);
  if (!cells.length) return;
  const low = Math.min(...cells.map((c) => c.ocrConfidence!));
  f.evidence.ocr = true;
  f.message = {
    zh: `${f.message.zh}（数值经OCR识别，最低置信度${low.toFixed(2)}，请对照原件）`,
    en: `${f.message.en} (values read by OCR, lowest confidence ${low.toFixed(2)}: check the scan)`,
  };
}

/** Today's UTC date (ISO), made again only when the day changes. */
let today: { day: number; iso: string } | null = null;
function utcToday(): string {
  const now = Date.now();
  const day = Math.floor(now / 86_400_000);
  if (today?.day !== day) today = { day, iso: new Date(now).toISOString().slice(0, 10) };
  return today.iso;
}

export function checkReport(report: Report, opts: CheckOptions = {}): CheckResult {
  const ctx: CheckContext = {
    report,
    history: (opts.history ?? []).filter((h) => h !== report && h.year !== report.year),
    today: opts.today ?? utcToday(),
    deadlines: resolveDeadlines(opts.deadlines),
  };
  const out = new Collector();
  for (const r of [report, ...ctx.history]) { forgetRowIndex(r); forgetStated(r); }
  checkStructure(ctx, out);
  checkTable3(ctx, out);
  checkTable4(ctx, out);
  checkValues(ctx, out);
  checkTable2Rules(ctx, out);
  checkProse(ctx, out);
  checkTimeliness(ctx, out);
  checkHistory(ctx, out);
  for (const f of out.findings) markOcr(f);
  return { findings: out.findings, outcomes: out.list(), score: score(out.findings) };
}
