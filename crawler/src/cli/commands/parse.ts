/**
 * `gongkai parse <file|url>`: read one report, check it, print the result (or the JSON contract).
 * With `--out` (or several inputs, or a folder): the batch parse of crawler/src/batch.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkReport, toContract, type Report } from '@gongkai/shared';
import { DEADLINE_OPTIONS, deadlinesOf } from '../options.js';
import { GongkaiError, loadInput, parseBytes } from '@gongkai/shared/node';
import { defineCommand, EXIT, UsageError } from '../command.js';
import { optionTable } from '../option-table.js';
import { formatReport, type Lang } from '../format/report-text.js';
import { outputFile } from '../paths.js';
import { expandInputs } from '../../batch/inputs.js';
import { formatOf } from '../../batch/output.js';
import { batchParse } from '../../batch/run.js';

const PARSE_OPTIONS = optionTable({
  json: { type: 'boolean', help: 'print the machine-readable JSON contract instead (see docs/json-contract.md)' },
  history: { type: 'list', placeholder: 'dir|file|auto', help: 'earlier reports of the same agency for the cross-year checks: a directory (every file in it) or a file; in a batch (--out), auto: the inputs grouped by agency' },
  lang: { type: 'string', choices: ['zh', 'en'], default: 'zh', help: 'language of messages (and of a batch CSV\'s header)' },
  verbose: { type: 'boolean', help: 'list passing checks and parser notes too' },
  today: { type: 'string', placeholder: 'YYYY-MM-DD', pattern: /^\d{4}-\d{2}-\d{2}$/, help: 'date to judge timeliness against', defaultText: 'today' },
  ...DEADLINE_OPTIONS,
  'no-ocr': { type: 'boolean', help: 'do not OCR scanned PDFs or images (OCR takes seconds per page)' },
  out: { type: 'string', placeholder: 'file.jsonl|file.csv', help: 'batch: parse every input (folders walked) on worker threads and write one line per input here: its JSON contract (.jsonl) or a summary row (.csv), or its typed failure' },
  resume: { type: 'boolean', help: 'batch: skip the inputs already in --out and append the rest' },
  jobs: { type: 'integer', placeholder: 'n', min: 1, help: 'batch: worker threads', defaultText: 'the number of cores' },
  quiet: { type: 'boolean', help: 'batch: no progress bar on stderr' },
});

const EPILOG = `Exit codes:
  0  parsed; no error-severity findings      3  unreadable input or not a report
  1  parsed; the report has errors           4  could not fetch (network; may work later)
  2  usage error                             5  internal failure

A batch (--out, several inputs or a folder) never stops at a bad input: each gets its line, and
the exit code is that of the worst input (3 if any was not a report, 1 if any had errors, …).

Examples:
  gongkai parse report.html
  gongkai parse https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/202101/t20210120_1.html --json
  gongkai parse 2020.pdf --history reports/2019.html
  gongkai parse reports/ --out reports.jsonl --history auto
  gongkai parse reports/ more.pdf --out summary.csv --resume`;

async function historyFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (/^https?:\/\//.test(p)) { out.push(p); continue; }
    const st = await stat(p).catch(() => null);
    if (!st) throw new UsageError(`--history: no such file or directory: ${p}`);
    if (st.isDirectory()) {
      for (const f of (await readdir(p)).sort()) {
        const full = join(p, f);
        if ((await stat(full)).isFile()) out.push(full);
      }
    } else out.push(p);
  }
  return out;
}

async function loadHistory(files: string[], noOcr: boolean, warn: (s: string) => void): Promise<Report[]> {
  const reports: Report[] = [];
  for (const f of files) {
    try {
      const input = await loadInput(f);
      const parsed = await parseBytes(input.bytes, { name: input.name, url: input.url, contentType: input.contentType, ocr: !noOcr });
      if (parsed.ok) reports.push(parsed.report);
      else warn(`history: skipped ${f}: ${parsed.message.en}`);
    } catch (err) {
      warn(`history: skipped ${f}: ${(err as Error).message}`);
    }
  }
  return reports;
}

export const parseCommand = defineCommand({
  name: 'parse',
  summary: 'read and check one annual report (file or URL), or a batch of them (--out)',
  usage: '<file|url> [options] | <file|dir|url>... --out <file.jsonl|file.csv> [options]',
  description: `Read one government information disclosure annual report (HTML, text, PDF, DOCX, DOC or an image;
the format is recognised from the content), check it, and print the tables, every check (✓/✗) and
the evidence for each finding.

Batch: with --out (or several inputs, or a folder) every input is parsed on worker threads, one per
core, and gets one line in --out as it finishes: its JSON contract (.jsonl) or a summary row (.csv),
or its typed failure. docs/dataset.md lists the fields.`,
  options: PARSE_OPTIONS,
  positionals: true,
  epilog: EPILOG,
  async run(values, positionals) {
    const batch = values.out !== undefined || positionals.length > 1 ||
      (positionals.length === 1 && !/^https?:\/\//i.test(positionals[0]!) && !!(await stat(positionals[0]!).catch(() => null))?.isDirectory());
    if (batch) return runBatch(values, positionals);
    if (values.resume || values.jobs !== undefined) throw new UsageError('--resume and --jobs are for a batch: give --out <file.jsonl|file.csv>', { help: true });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one file or URL' : 'missing <file|url>');
    const lang = values.lang as Lang;
    const target = positionals[0]!;
    const warn = (s: string) => process.stderr.write(`gongkai parse: ${s}\n`);
    // A wrong --history path is a usage error before any work is done.
    const historyPaths = await historyFiles(values.history);

    let parsed;
    try {
      const input = await loadInput(target);
      parsed = await parseBytes(input.bytes, { name: input.name, url: input.url, contentType: input.contentType, ocr: !values['no-ocr'] });
    } catch (err) {
      if (!(err instanceof GongkaiError)) throw err;
      parsed = { ok: false as const, reason: err.reason, retryable: err.retryable, message: { zh: err.zh, en: err.message } };
    }
    if (!parsed.ok) {
      if (values.json) process.stdout.write(JSON.stringify({ schema: 'gongkai.report/1', error: parsed }, null, 2) + '\n');
      else process.stderr.write(`gongkai parse: ${target}: ${parsed.message[lang]} [${parsed.reason}]\n`);
      return parsed.reason === 'fetch-failed' || parsed.reason === 'timeout' ? EXIT.fetch : EXIT.unparseable;
    }
    const report = parsed.report;
    let history = historyPaths.length ? await loadHistory(historyPaths, values['no-ocr'], warn) : [];
    if (report.agency) {
      const same = history.filter((h) => !h.agency || h.agency === report.agency);
      if (same.length < history.length) warn(`history: ignored ${history.length - same.length} report(s) of other agencies`);
      history = same;
    }
    const deadlines = deadlinesOf(values);
    const result = checkReport(report, { history, deadlines, ...(values.today ? { today: values.today } : {}) });
    if (values.json) process.stdout.write(JSON.stringify(toContract(report, result), null, 2) + '\n');
    else process.stdout.write(formatReport(report, result, { lang, verbose: values.verbose }));
    return result.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
  },
});

/** The batch parse: inputs expanded, the output checked before any work, the exit code of the worst input. */
async function runBatch(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const v = values as { out?: string; resume: boolean; jobs?: number; quiet: boolean; history: string[]; json: boolean; verbose: boolean; today?: string;
    'no-ocr': boolean; 'deadline-department'?: string; 'deadline-government'?: string; lang: string };
  if (!positionals.length) throw new UsageError('missing <file|dir|url>...');
  if (v.out === undefined) throw new UsageError('a batch (several inputs or a folder) writes to --out <file.jsonl|file.csv>', { help: true });
  const format = formatOf(v.out);
  if (!format) throw new UsageError(`--out must end in .jsonl or .csv, got '${v.out}'`, { help: true });
  outputFile(v.out, '--out');
  if (v.history.length && !(v.history.length === 1 && v.history[0] === 'auto')) throw new UsageError('in a batch --history takes auto (the inputs grouped by agency)', { help: true });
  if (v.json || v.verbose) throw new UsageError('--json and --verbose are for one input; a batch writes --out', { help: true });
  const inputs = await expandInputs(positionals, [v.out]);
  const deadlines = deadlinesOf(v);
  const s = await batchParse({
    inputs, out: v.out, format, resume: v.resume, history: v.history.length ? 'auto' : 'none', progress: !v.quiet,
    parse: { ocr: !v['no-ocr'], check: { deadlines, ...(v.today ? { today: v.today } : {}) } },
    ...(v.jobs !== undefined ? { workers: v.jobs } : {}), lang: v.lang === 'zh' ? 'zh' : 'en',
  });
  const c = s.counts;
  process.stderr.write(`gongkai parse: ${s.inputs} input(s)${s.skipped ? `, ${s.skipped} already in ${v.out}` : ''}: ${c.ok} ok, ${c.findings} with errors, ` +
    `${c.unparseable} not read, ${c.fetch} not fetched${c.internal ? `, ${c.internal} internal failures` : ''}${s.withHistory ? `; ${s.withHistory} checked across years` : ''} ` +
    `in ${(s.elapsedMs / 1000).toFixed(1)} s → ${v.out}\n`);
  return s.exit;
}
