/** `gongkai summary`: the HTML page of a crawl run (tables and inline-SVG charts, no network needed). */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.js';
import { DEFAULT_DB, openStore, STORE_OPTIONS, summaryOf } from '../options.js';
import { summaryHtml } from '../../report/html.js';
import { summaryText } from '../../report/text.js';

export const summaryCommand: Command = {
  name: 'summary',
  summary: 'write the HTML summary of a crawl run: findings per agency, report scores, column freshness over time',
  help: `gongkai summary [--out <file.html>] [--run <id>] [--db <file>] [--json]

Writes one self-contained HTML page (no scripts, no CDN) and prints the text summary.
  --out    HTML file (default gongkai-summary.html)
  --run    run id (default: the latest run)
  --json   print the run summary as JSON instead of text
  --db     database (default ${DEFAULT_DB})`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { ...STORE_OPTIONS, out: { type: 'string' }, json: { type: 'boolean' } } });
    const { store } = openStore(values);
    try {
      const s = await summaryOf(store, values);
      const out = values.out ?? 'gongkai-summary.html';
      writeFileSync(out, summaryHtml(s, { runs: await store.listRuns(), snapshots: await store.snapshots() }));
      if (values.json) process.stdout.write(JSON.stringify(s, null, 2) + '\n');
      else process.stdout.write(`${summaryText(s)}\n\nWrote ${out}\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
