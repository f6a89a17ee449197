/** `gongkai crawl <url...> | --portals <file>`: crawl portals into the store, print the run summary. */
import { defineCommand, EXIT, UsageError } from '../command.js';
import { optionTable } from '../option-table.js';
import { CRAWL_OPTIONS, crawlSettings, openStore, readPortals } from '../options.js';
import { progressReporter } from '../progress.js';
import type { CrawlOptions, CrawlResult } from '../../crawl/run.js';
import { BadUrlError, checkUrl } from '../../fetch/errors.js';
import { runSummary, type RunSummary } from '../../report/summary.js';
import { summaryText } from '../../report/text.js';
import type { Store } from '../../store/types.js';

/** Run a crawl with a progress line and Ctrl-C handling (stops cleanly; run again to resume). */
export async function crawlWithProgress(opts: Omit<CrawlOptions, 'onProgress' | 'signal'> & { store: Store }, quiet: boolean): Promise<{ result: CrawlResult; summary: RunSummary }> {
  const prog = progressReporter(opts.store, quiet);
  const ctl = new AbortController();
  const onSig = () => {
    process.stderr.write('\ngongkai: stopping after the requests in flight; run the same command again to resume\n');
    ctl.abort();
  };
  process.once('SIGINT', onSig);
  try {
    // The crawler (cheerio, tldts, Playwright's loader …) is loaded only by the commands that crawl.
    const { crawl } = await import('../../crawl/run.js');
    const result = await crawl({ ...opts, onProgress: prog.update, signal: ctl.signal });
    prog.done();
    return { result, summary: await runSummary(opts.store, result.run.id) };
  } finally {
    process.off('SIGINT', onSig);
  }
}

export function validSeeds(seeds: string[]): string[] | string {
  try {
    return seeds.map((s) => checkUrl(s).href);
  } catch (err) {
    if (err instanceof BadUrlError) return err.message;
    throw err;
  }
}

/** The options of `gongkai crawl`: the shared crawl settings plus the seed file and OCR. */
const OPTIONS = optionTable({
  portals: { type: 'string', placeholder: 'file', help: 'seed URLs, one per line (# comments allowed)' },
  ...CRAWL_OPTIONS,
  ocr: { type: 'boolean', help: 'OCR scanned attachments (slow)' },
});

export const crawlCommand = defineCommand({
  name: 'crawl',
  summary: 'crawl portals: every annual report (parsed and checked) and every disclosure column',
  usage: '<url...> | --portals <file> [options]',
  description: `Starts from each portal's home page (or a column URL), finds the 政府信息公开 section and its
columns, counts every column's items by date, downloads every annual report in the 年报 column
(articles and PDF/DOC/DOCX attachments), parses and checks them (cross-year checks across each
agency's years) and judges each portal against the national column thresholds. Kill it at any time
and run the same command again: it resumes the unfinished run.`,
  options: OPTIONS,
  positionals: true,
  epilog: `Exit codes: 0 crawl finished (faults are listed in the summary) · 2 usage (a bad flag or path)
            4 nothing could be fetched · 5 internal
            6 a store write failed (disk full): run again to resume`,
  async run(values, positionals) {
    const seeds = [...positionals, ...(values.portals !== undefined ? readPortals(values.portals) : [])];
    if (seeds.length === 0) throw new UsageError(values.portals !== undefined ? `--portals: no URLs in ${values.portals}` : 'give at least one portal URL, or --portals <file>', { help: true });
    const checked = validSeeds(seeds);
    if (typeof checked === 'string') throw new UsageError(checked);
    const { store, blobDir } = openStore(values, 'create');
    try {
      const { result, summary } = await crawlWithProgress({ ...crawlSettings(values), seeds: checked, store, blobDir }, !!(values.quiet || values.json));
      if (values.json) process.stdout.write(JSON.stringify({ resumed: result.resumed, complete: result.complete, fetched: result.fetched, ...summary }, null, 2) + '\n');
      else process.stdout.write(`${result.resumed ? 'Resumed' : 'Started'} run #${result.run.id}: ${result.fetched} fetches in ${(result.elapsedMs / 1000).toFixed(1)} s${result.complete ? '' : ' (stopped early: run again to continue)'}\n\n${summaryText(summary)}\n`);
      const fetchedNothing = summary.frontier.done === 0 && summary.frontier.failed + summary.frontier.skipped > 0;
      return fetchedNothing ? EXIT.fetch : EXIT.ok;
    } finally {
      await store.close();
    }
  },
});
