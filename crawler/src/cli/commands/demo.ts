/**
 * `gongkai demo` (and `npm run demo`): starts the demo portal on 127.0.0.1, crawls its six agency sites
 * under their real-looking host names into a fresh embedded store, prints the summary and writes the
 * HTML summary and the JSON/JSON Lines/CSV/XLSX exports (with the time series over its runs).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCommand, EXIT } from '../command.js';
import { optionTable } from '../option-table.js';
import { prepareDemoOut } from '../demo-out.js';
import { SqliteStore } from '../../store/sqlite.js';
import { crawlWithProgress } from './crawl.js';
import { summaryText } from '../../report/text.js';
import { summaryHtml } from '../../report/html.js';
import { writeExport } from '../../export/write.js';
import { exportOptionsOf } from '../../export/from-store.js';
import { existsSync, writeFileSync } from 'node:fs';

/** The checkout's root: the nearest folder above this module that holds the demo portal (from src/ or dist/). */
function findRepoRoot(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    if (existsSync(join(d, 'test', 'fixtures', 'portal', 'server.ts'))) return d;
    if (dirname(d) === d) return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  }
}
const repoRoot = findRepoRoot();

interface PortalModule { startPortal(o: { port?: number; now?: string; asOf?: string; slowMs?: number }): Promise<{ url: string; homes: string[]; resolve: string[]; now: string; fixtures: boolean; close(): Promise<void> }> }

const OPTIONS = optionTable({
  out: { type: 'string', placeholder: 'dir', default: 'gongkai-demo', help: 'folder to write into: a new folder (its parent must exist), an empty one, or an earlier demo\'s output (marked by a .gongkai-demo file); any other folder is refused' },
  browser: { type: 'string', choices: ['auto', 'always', 'never'], default: 'auto', help: 'Chromium for lists built by JavaScript: auto, always or never' },
  keep: { type: 'boolean', help: 'keep the portal running after the crawl (Ctrl-C to stop)' },
  'no-history': { type: 'boolean', help: 'skip the earlier columns-only snapshot (four weeks before) that the summary\'s freshness-over-time chart compares with' },
  quiet: { type: 'boolean', help: 'no progress line on stderr' },
});

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'crawl the bundled demo portal end to end and write the summary and exports',
  usage: '[options]',
  description: `Starts the demo portal (test/fixtures/portal) on 127.0.0.1, crawls its six agency sites with the
embedded store, prints the summary, and writes into the --out folder:
  gongkai.db, blobs/               the store (raw documents content-addressed)
  summary.html                     the HTML summary
  export.json, export.jsonl,       the exports (docs/dataset.md), with the time series over
  export.xlsx, csv/                both runs and regions read from the agency names
  .gongkai-demo                    the marker that lets the next demo run replace this output
The demo never deletes what it did not create: a --out folder that is not empty and has no
.gongkai-demo marker (a real crawl's gongkai-data, say) is refused before the portal starts, as is a
file or a folder whose parent is missing. On reuse only the demo's own gongkai.db is replaced.`,
  options: OPTIONS,
  positionals: false,
  async run(values) {
    const out = prepareDemoOut(values.out);
    const portalPath = join(repoRoot, 'test', 'fixtures', 'portal', 'server.ts');
    // The demo portal is TypeScript (test fixtures): the built CLI loads it through tsx.
    if (!import.meta.url.endsWith('.ts')) (await import('tsx/esm/api')).register();
    const { startPortal } = (await import(pathToFileURL(portalPath).href)) as PortalModule;
    const portal = await startPortal({ port: 0, slowMs: 10_000 });
    process.stderr.write(`Demo portal on ${portal.url} (hosts ${portal.homes.map((h) => new URL(h).host).join(', ')})\n`);
    if (!portal.fixtures) {
      process.stderr.write('gongkai demo: ../shared/fixtures (seed reports and documents) not found next to the repository; ' +
        'serving the generated reports only (set GONGKAI_FIXTURES to the fixtures directory)\n');
    }
    const store = new SqliteStore(join(out, 'gongkai.db'));
    // A local demo: no politeness delay needed; the slow page (10 s) runs into the 4 s time limit.
    const local = { store, blobDir: join(out, 'blobs'), fresh: true, delayMs: 0, perHost: 4, concurrency: 8, timeoutMs: 4000, retries: 1,
      backoffBaseMs: 100, browser: values.browser as 'auto' | 'always' | 'never' } as const;
    const resolveOf = (p: { resolve: string[] }) => new Map(p.resolve.map((r) => r.split('=') as [string, string]));
    try {
      if (!values['no-history']) {
        // The same portal as it was four weeks earlier, columns only: the summary then shows how each
        // column's freshness changed (sthjj's 工作动态 was fresh then; it has not been updated since).
        const earlier = new Date(Date.parse(portal.now) - 28 * 86_400_000).toISOString().slice(0, 10);
        const past = await startPortal({ port: 0, now: portal.now, asOf: earlier, slowMs: 10_000 });
        try {
          process.stderr.write(`Columns as of ${earlier} (an earlier snapshot)…\n`);
          await crawlWithProgress({ ...local, seeds: past.homes, now: past.now, resolve: resolveOf(past), columnsOnly: true }, !!values.quiet);
        } finally {
          await past.close();
        }
      }
      process.stderr.write(`Crawling as of ${portal.now}…\n`);
      const { result, summary } = await crawlWithProgress({ ...local, seeds: portal.homes, now: portal.now, resolve: resolveOf(portal) }, !!values.quiet);
      process.stdout.write(`Crawled ${result.fetched} pages in ${(result.elapsedMs / 1000).toFixed(1)} s\n\n${summaryText(summary)}\n\n`);
      const docs = store.documents(summary.run.id), findings = store.findings(summary.run.id);
      const html = join(out, 'summary.html');
      writeFileSync(html, summaryHtml(summary, { runs: store.listRuns(), snapshots: store.snapshots() }));
      // Every run of the demo's store (the earlier snapshot too) goes into the time series.
      const opts = await exportOptionsOf(store, summary, docs, 'csv', { runs: 'all' });
      const files = [html,
        ...(await writeExport('json', join(out, 'export.json'), summary, docs, findings, opts)),
        ...(await writeExport('jsonl', join(out, 'export.jsonl'), summary, docs, findings, opts)),
        ...(await writeExport('xlsx', join(out, 'export.xlsx'), summary, docs, findings, opts)),
        ...(await writeExport('csv', join(out, 'csv'), summary, docs, findings, opts))];
      process.stdout.write(`Wrote:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
      if (values.keep) {
        process.stderr.write(`Portal still running on ${portal.url}; Ctrl-C to stop\n`);
        await new Promise<void>((r) => process.once('SIGINT', () => r()));
      }
      return EXIT.ok;
    } finally {
      store.close();
      await portal.close();
    }
  },
});
