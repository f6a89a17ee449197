/** `gongkai reparse [--run id]`: parse and check a run's stored documents again from the raw blobs, no network. */
import { defineCommand, EXIT } from '../command.js';
import { optionTable } from '../option-table.js';
import { BLOBS_OPTION, DB_OPTION, DEADLINE_OPTIONS, deadlinesOf, openStore, RUN_OPTION, summaryOf } from '../options.js';
import { existingDir } from '../paths.js';
import { BlobStore } from '../../store/blobs.js';
import { runSummary } from '../../report/summary.js';
import { summaryText } from '../../report/text.js';

const OPTIONS = optionTable({
  ...RUN_OPTION,
  ocr: { type: 'boolean', help: 'OCR scanned documents (slow)' },
  json: { type: 'boolean', help: 'print the run summary as JSON (with reparse.missingBlobs)' },
  ...DB_OPTION,
  ...BLOBS_OPTION,
  ...DEADLINE_OPTIONS,
});

export const reparseCommand = defineCommand({
  name: 'reparse',
  summary: 'parse and check a crawl run\'s stored documents again (after a parser update), without recrawling',
  usage: '[options]',
  description: `Reads every document of the run from the content-addressed blob store, parses it with the current
@gongkai/shared, reruns the checks (with cross-year history), the column verdicts and the
self-reported-count comparison, and prints the run summary. A document whose raw file is missing
from the blob store keeps its earlier result; the missing ones are counted and listed on stderr.
A missing --db is an error, never a new empty database.`,
  options: OPTIONS,
  positionals: false,
  async run(values) {
    const { store, blobDir } = openStore(values, 'existing');
    try {
      const { run } = await summaryOf(store, values);
      if ((await store.documents(run.id)).length) existingDir(blobDir, values.blobs === undefined ? 'blob folder (give --blobs)' : '--blobs');
      const { analyze } = await import('../../crawl/analyze.js'); // loads the crawler's parsing stack
      const given = deadlinesOf(values);
      const a = await analyze(store, run, { reparse: new BlobStore(blobDir), ocr: values.ocr,
        ...(Object.keys(given).length ? { deadlines: { ...(run.options.deadlines as object | undefined), ...given } } : {}) });
      const s = await runSummary(store, run.id);
      if (a.missingBlobs.length) {
        process.stderr.write(`gongkai reparse: ${a.missingBlobs.length} of ${a.documents} documents have no raw file in ${blobDir}; their earlier results are kept:\n` +
          a.missingBlobs.map((u) => `  ${u}\n`).join(''));
      }
      const reparse = { documents: a.documents, parsed: a.parsed, missingBlobs: a.missingBlobs };
      process.stdout.write(values.json ? JSON.stringify({ ...s, reparse }, null, 2) + '\n'
        : `Reparsed ${a.documents - a.missingBlobs.length} of ${a.documents} documents of run #${run.id} (${a.parsed} parsed)\n\n${summaryText(s)}\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
});
