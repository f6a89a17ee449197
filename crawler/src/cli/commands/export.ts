/** `gongkai export --format json|csv|xlsx`: a crawl run as data. */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type Command } from '../command.js';
import { DEFAULT_DB, openStore, STORE_OPTIONS, summaryOf } from '../options.js';
import { writeExport, type ExportFormat } from '../../export/write.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'export a crawl run as JSON, CSV or XLSX (reports, findings, columns, portals, claims, faults)',
  help: `gongkai export --format json|csv|xlsx [--out <path>] [--run <id>] [--db <file>]

  --format   json: the run summary plus every report's stable JSON contract (gongkai.report/1)
             csv:  a directory with reports.csv, findings.csv, columns.csv, portals.csv, claims.csv, faults.csv
             xlsx: one workbook with those six sheets
  --out      output file (json, xlsx) or directory (csv); default gongkai-export.<format> / gongkai-export/;
             '-' writes JSON to stdout
  --run      run id (default: the latest run)
  --db       database (default ${DEFAULT_DB})`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { ...STORE_OPTIONS, format: { type: 'string' }, out: { type: 'string' } } });
    const format = values.format as ExportFormat | undefined;
    if (!format || !['json', 'csv', 'xlsx'].includes(format)) throw new UsageError('--format must be json, csv or xlsx');
    const { store } = openStore(values);
    try {
      const s = await summaryOf(store, values);
      const docs = await store.documents(s.run.id), findings = await store.findings(s.run.id);
      if (values.out === '-' && format === 'json') {
        const { toJson } = await import('../../export/write.js');
        process.stdout.write(toJson(s, docs, findings));
        return EXIT.ok;
      }
      const out = values.out ?? (format === 'csv' ? 'gongkai-export' : `gongkai-export.${format}`);
      const files = await writeExport(format, out, s, docs, findings);
      process.stdout.write(`Wrote ${files.join(', ')} (run #${s.run.id})\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
