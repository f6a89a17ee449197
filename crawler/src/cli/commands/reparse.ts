/** `gongkai reparse [--run id]`: parse and check a run's stored documents again from the raw blobs, no network. */
import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.js';
import { DEFAULT_DB, openStore, STORE_OPTIONS, summaryOf } from '../options.js';
import { analyze } from '../../crawl/analyze.js';
import { BlobStore } from '../../store/blobs.js';
import { runSummary } from '../../report/summary.js';
import { summaryText } from '../../report/text.js';

export const reparseCommand: Command = {
  name: 'reparse',
  summary: 'parse and check a crawl run\'s stored documents again (after a parser update), without recrawling',
  help: `gongkai reparse [--run <id>] [--db <file>] [--ocr] [--json]

Reads every document of the run from the content-addressed blob store, parses it with the current
@gongkai/shared, reruns the checks (with cross-year history), the column verdicts and the
self-reported-count comparison, and prints the run summary.
  --run    run id (default: the latest run)
  --ocr    OCR scanned documents
  --json   print the run summary as JSON
  --db     database (default ${DEFAULT_DB})`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { ...STORE_OPTIONS, ocr: { type: 'boolean' }, json: { type: 'boolean' } } });
    const { store, blobDir } = openStore(values);
    try {
      const { run } = await summaryOf(store, values);
      const a = await analyze(store, run, { reparse: new BlobStore(blobDir), ocr: !!values.ocr });
      const s = await runSummary(store, run.id);
      process.stdout.write(values.json ? JSON.stringify(s, null, 2) + '\n' : `Reparsed ${a.documents} documents of run #${run.id} (${a.parsed} parsed)\n\n${summaryText(s)}\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
