/** `gongkai export --format json|csv|xlsx`: a crawl run as data. */
import { defineCommand, EXIT } from '../command.js';
import { optionTable } from '../option-table.js';
import { DB_OPTION, openStore, RUN_OPTION, summaryOf } from '../options.js';
import { outputDir, outputFile } from '../paths.js';
import { toJson, writeExport, type ExportFormat } from '../../export/write.js';

const OPTIONS = optionTable({
  format: { type: 'string', choices: ['json', 'csv', 'xlsx'], required: true, help: 'json: the run summary plus every report\'s JSON contract; csv: a folder of six tables; xlsx: one workbook' },
  out: { type: 'string', placeholder: 'path', help: 'output file (json, xlsx) or folder (csv); - writes JSON to stdout', defaultText: 'gongkai-export.<format>, gongkai-export/ for csv' },
  ...RUN_OPTION,
  ...DB_OPTION,
});

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'export a crawl run as JSON, CSV or XLSX (reports, findings, columns, portals, claims, faults)',
  usage: '--format json|csv|xlsx [options]',
  description: `Writes one crawl run as data. json: the run summary, every finding with its evidence and every
parsed report's stable contract (gongkai.report/1). csv: a folder with reports.csv, findings.csv,
columns.csv, portals.csv, claims.csv and faults.csv (UTF-8 with BOM). xlsx: one workbook with
those six sheets. Reads the store only: a missing --db is an error, never a new empty database.`,
  options: OPTIONS,
  positionals: false,
  async run(values) {
    const format = values.format as ExportFormat;
    const toStdout = values.out === '-' && format === 'json';
    const out = values.out ?? (format === 'csv' ? 'gongkai-export' : `gongkai-export.${format}`);
    if (!toStdout) (format === 'csv' ? outputDir : outputFile)(out, '--out');
    const { store } = openStore(values, 'existing');
    try {
      const s = await summaryOf(store, values);
      const docs = await store.documents(s.run.id), findings = await store.findings(s.run.id);
      if (toStdout) {
        process.stdout.write(toJson(s, docs, findings));
        return EXIT.ok;
      }
      const files = await writeExport(format, out, s, docs, findings);
      process.stdout.write(`Wrote ${files.join(', ')} (run #${s.run.id})\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
});
