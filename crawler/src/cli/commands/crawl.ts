/** `gongkai crawl <url...> | --portals <file>`: crawl portals into the store, print the run summary. */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type Command } from '../command.js';
import { CRAWL_HELP, CRAWL_OPTIONS, crawlSettings, openStore, readPortals } from '../options.js';
import { progressReporter } from '../progress.js';
import { crawl, type CrawlOptions, type CrawlResult } from '../../crawl/run.js';
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

export const crawlCommand: Command = {
  name: 'crawl',
  summary: 'crawl portals: every annual report (parsed and checked) and every disclosure column',
  help: `gongkai crawl <url...> | --portals <file> [options]

Starts from each portal's home page (or a column URL), finds the 政府信息公开 section and its columns,
counts every column's items by date, downloads every annual report in the 年报 column (articles and
PDF/DOC/DOCX attachments), parses and checks them (cross-year checks across each agency's years) and
judges each portal against the national column thresholds. Kill it at any time and run the same
command again: it resumes the unfinished run.

Options:
  --portals <file>     seed URLs, one per line (# comments allowed)
${CRAWL_HELP}

Exit codes: 0 crawl finished (faults are listed in the summary) · 2 usage · 4 nothing could be fetched`,
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, options: { ...CRAWL_OPTIONS, portals: { type: 'string' } }, allowPositionals: true });
    const seeds = [...positionals, ...(values.portals ? readPortals(values.portals) : [])];
    if (seeds.length === 0) throw new UsageError('give at least one portal URL, or --portals <file>');
    const checked = validSeeds(seeds);
    if (typeof checked === 'string') throw new UsageError(checked);
    const { store, blobDir } = openStore(values);
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
};
