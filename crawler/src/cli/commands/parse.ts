/** `gongkai parse <file|url>`: read one report, check it, print the result (or the JSON contract). */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkReport, toContract, type Report } from '@gongkai/shared';
import { GongkaiError, loadInput, parseBytes } from '@gongkai/shared/node';
import { EXIT, UsageError, type Command } from '../command.js';
import { formatReport, type Lang } from '../format/report-text.js';

const HELP = `gongkai parse <file|url> [options]

Read one government information disclosure annual report (HTML, text, PDF, DOCX, DOC or an image;
the format is recognised from the content), check it, and print the tables, every check (✓/✗) and
the evidence for each finding.

Options:
  --json                 print the machine-readable JSON contract instead (see docs/json-contract.md)
  --history <path>       earlier reports of the same agency for the cross-year checks: a directory
                         (every file in it) or a file; repeat the option for several
  --lang zh|en           language of messages (default zh)
  --verbose              list passing checks and parser notes too
  --today YYYY-MM-DD     date to judge timeliness against (default: today)
  --deadline-department MM-DD   Article 49 deadline for departments (default 01-31)
  --deadline-government MM-DD   deadline for governments (default 03-31)
  --no-ocr               do not OCR scanned PDFs or images (OCR takes seconds per page)
  -h, --help             this help

Exit codes:
  0  parsed; no error-severity findings      3  unreadable input or not a report
  1  parsed; the report has errors           4  could not fetch (network; may work later)
  2  usage error                             5  internal failure

Examples:
  gongkai parse report.html
  gongkai parse https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/202101/t20210120_1.html --json
  gongkai parse 2020.pdf --history reports/2019.html
`;

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

async function loadHistory(paths: string[], noOcr: boolean, warn: (s: string) => void): Promise<Report[]> {
  const reports: Report[] = [];
  for (const f of await historyFiles(paths)) {
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

export const parseCommand: Command = {
  name: 'parse',
  summary: 'read and check one annual report (file or URL)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        history: { type: 'string', multiple: true, default: [] },
        lang: { type: 'string', default: 'zh' },
        verbose: { type: 'boolean', default: false },
        today: { type: 'string' },
        'deadline-department': { type: 'string' },
        'deadline-government': { type: 'string' },
        'no-ocr': { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one file or URL' : 'missing <file|url>');
    const lang = values.lang as Lang;
    if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, not ${values.lang}`);
    for (const k of ['deadline-department', 'deadline-government'] as const) {
      if (values[k] && !/^\d{2}-\d{2}$/.test(values[k]!)) throw new UsageError(`--${k} takes MM-DD`);
    }
    if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError('--today takes YYYY-MM-DD');
    const target = positionals[0]!;
    const warn = (s: string) => process.stderr.write(`gongkai parse: ${s}\n`);

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
    let history = values.history!.length ? await loadHistory(values.history!, values['no-ocr']!, warn) : [];
    if (report.agency) {
      const same = history.filter((h) => !h.agency || h.agency === report.agency);
      if (same.length < history.length) warn(`history: ignored ${history.length - same.length} report(s) of other agencies`);
      history = same;
    }
    const deadlines: { department?: string; government?: string } = {};
    if (values['deadline-department']) deadlines.department = values['deadline-department'];
    if (values['deadline-government']) deadlines.government = values['deadline-government'];
    const result = checkReport(report, { history, deadlines, ...(values.today ? { today: values.today } : {}) });
    if (values.json) process.stdout.write(JSON.stringify(toContract(report, result), null, 2) + '\n');
    else process.stdout.write(formatReport(report, result, { lang, verbose: values.verbose! }));
    return result.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
  },
};
