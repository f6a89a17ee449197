/**
 * `gongkai parse <file|dir|url>... --out <file>`: parses every input on a pool of worker threads
 * (both cores), appends one line per input as it finishes (completion order), never stops at a bad
 * input, skips the inputs already in the output with `resume`, and with `history: 'auto'` checks
 * each report against the other years of its agency among the inputs. The exit code is that of the
 * worst outcome (docs/dataset.md, README).
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { ParsePool } from './pool.js';
import { csvHeader, outputLine, readPrevious, type OutputFormat } from './output.js';
import { OUTCOME_EXIT, type InputResult, type Outcome, type ParseOneOptions } from './parse-one.js';
import type { JobResult } from './worker.js';
import { batchProgress } from './progress.js';

export interface BatchOptions {
  /** Expanded inputs (inputs.ts): files and URLs. */
  inputs: string[];
  out: string;
  format: OutputFormat;
  resume: boolean;
  history: 'auto' | 'none';
  parse: ParseOneOptions;
  workers?: number;
  /** Draw the progress bar (on a terminal only). */
  progress: boolean;
  lang?: 'en' | 'zh';
}

export interface BatchSummary {
  inputs: number;
  /** Inputs already in the output (`resume`). */
  skipped: number;
  counts: Record<Outcome, number>;
  /** Reports checked against other years of their agency. */
  withHistory: number;
  exit: number;
  elapsedMs: number;
}

export async function batchParse(o: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  const prev = o.resume ? readPrevious(o.out, o.format) : { inputs: new Set<string>(), worst: 0, lines: 0 };
  // A new (or empty) file; on resume, readPrevious has cut a partial last line, so appending is safe.
  const fresh = !o.resume || (statSync(o.out, { throwIfNoEntry: false })?.size ?? 0) === 0;
  const fd = openSync(o.out, fresh ? 'w' : 'a');
  const counts: Record<Outcome, number> = { ok: 0, findings: 0, unparseable: 0, fetch: 0, internal: 0 };
  let exit = prev.worst, withHistory = 0;
  const todo = o.inputs.filter((i) => !prev.inputs.has(i));
  const bar = batchProgress(todo.length, o.progress);
  const write = (r: InputResult) => {
    writeSync(fd, outputLine(r, o.format));
    counts[r.summary.outcome]++;
    exit = Math.max(exit, OUTCOME_EXIT[r.summary.outcome]);
    bar.tick(r.summary.input, !r.summary.ok);
  };
  const pool = new ParsePool(o.workers !== undefined ? { workers: o.workers } : {});
  try {
    if (o.format === 'csv' && fresh) writeSync(fd, csvHeader(o.lang));
    if (o.history === 'none') {
      await Promise.all(todo.map((input) => pool.run({ kind: 'parse', input, opts: o.parse, keepReport: false }).then((r) => write(r.result))));
    } else {
      // First every input parsed (checked alone); then each agency's reports checked against its other years.
      const parsed: { input: string; sha256: string; report: NonNullable<JobResult['report']>; alone: InputResult }[] = [];
      await Promise.all(todo.map((input) => pool.run({ kind: 'parse', input, opts: o.parse, keepReport: true }).then((r) => {
        if (r.report && r.sha256) parsed.push({ input, sha256: r.sha256, report: r.report, alone: r.result });
        else write(r.result);
      })));
      const byAgency = new Map<string, typeof parsed>();
      for (const p of parsed) {
        const key = p.report.agency ?? `\u0000${p.input}`;
        byAgency.set(key, [...(byAgency.get(key) ?? []), p]);
      }
      await Promise.all([...byAgency.values()].flatMap((group) => group.map((p) => {
        // One report per other year (the checks compare years; a second copy of a year adds nothing).
        const byYear = new Map<number, string>();
        for (const h of group) if (h.report.year !== null && h.report.year !== p.report.year && !byYear.has(h.report.year)) byYear.set(h.report.year, h.report.json);
        if (!byYear.size) { write(p.alone); return Promise.resolve(); }
        withHistory++;
        return pool.run({ kind: 'check', input: p.input, sha256: p.sha256, report: p.report.json, history: [...byYear.values()], opts: o.parse }).then((r) => write(r.result));
      })));
    }
  } finally {
    bar.done();
    closeSync(fd);
    await pool.close();
  }
  return { inputs: o.inputs.length, skipped: o.inputs.length - todo.length, counts, withHistory, exit, elapsedMs: Date.now() - started };
}
