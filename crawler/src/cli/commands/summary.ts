/** `gongkai summary`: the HTML page of a crawl run (tables and inline-SVG charts, no network needed). */
import { writeFileSync } from 'node:fs';
import { defineCommand, EXIT } from '../command.js';
import { optionTable } from '../option-table.js';
import { DB_OPTION, openStore, RUN_OPTION, summaryOf } from '../options.js';
import { outputFile } from '../paths.js';
import { summaryHtml } from '../../report/html.js';
import { summaryText } from '../../report/text.js';

const OPTIONS = optionTable({
  out: { type: 'string', placeholder: 'file.html', default: 'gongkai-summary.html', help: 'HTML file to write' },
  ...RUN_OPTION,
  json: { type: 'boolean', help: 'print the run summary as JSON instead of text' },
  ...DB_OPTION,
});

export const summaryCommand = defineCommand({
  name: 'summary',
  summary: 'write the HTML summary of a crawl run: findings per agency, report scores, column freshness over time',
  usage: '[options]',
  description: `Writes one self-contained HTML page (no scripts, no CDN) and prints the text summary. Reads the
store only: a missing --db is an error, never a new empty database.`,
  options: OPTIONS,
  positionals: false,
  async run(values) {
    outputFile(values.out, '--out');
    const { store } = openStore(values, 'existing');
    try {
      const s = await summaryOf(store, values);
      writeFileSync(values.out, summaryHtml(s, { runs: await store.listRuns(), snapshots: await store.snapshots() }));
      if (values.json) process.stdout.write(JSON.stringify(s, null, 2) + '\n');
      else process.stdout.write(`${summaryText(s)}\n\nWrote ${values.out}\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
});
