/**
 * `gongkai demo` (and `npm run demo`): starts the demo portal on 127.0.0.1, crawls its six agency sites
 * under their real-looking host names into a fresh embedded store, prints the summary and writes the
 * HTML summary and the JSON/CSV/XLSX exports.
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.js';
import { SqliteStore } from '../../store/sqlite.js';
import { crawlWithProgress } from './crawl.js';
import { summaryText } from '../../report/text.js';
import { summaryHtml } from '../../report/html.js';
import { writeExport } from '../../export/write.js';
import { writeFileSync } from 'node:fs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

interface PortalModule { startPortal(o: { port?: number; now?: string; asOf?: string; slowMs?: number }): Promise<{ url: string; homes: string[]; resolve: string[]; now: string; fixtures: boolean; close(): Promise<void> }> }

export const demoCommand: Command = {
  name: 'demo',
  summary: 'crawl the bundled demo portal end to end and write the summary and exports',
  help: `gongkai demo [--out <dir>] [--browser auto|never] [--keep]

Starts the demo portal (test/fixtures/portal) on 127.0.0.1, crawls its six agency sites with the
embedded store, prints the summary, and writes into <dir> (default ./gongkai-demo):
  gongkai.db, blobs/        the store (raw documents content-addressed)
  summary.html              the HTML summary
  export.json, export.xlsx, csv/   the exports
  --keep        keep the portal running after the crawl (Ctrl-C to stop)
  --no-history  skip the earlier columns-only snapshot (four weeks before) that the summary's
                freshness-over-time chart compares with`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, browser: { type: 'string' }, keep: { type: 'boolean' }, quiet: { type: 'boolean' }, 'no-history': { type: 'boolean' } } });
    const out = resolve(values.out ?? 'gongkai-demo');
    const portalPath = join(repoRoot, 'test', 'fixtures', 'portal', 'server.ts');
    const { startPortal } = (await import(pathToFileURL(portalPath).href)) as PortalModule;
    const portal = await startPortal({ port: 0, slowMs: 10_000 });
    process.stderr.write(`Demo portal on ${portal.url} (hosts ${portal.homes.map((h) => new URL(h).host).join(', ')})\n`);
    if (!portal.fixtures) {
      process.stderr.write('gongkai demo: ../shared/fixtures (seed reports and documents) not found next to the repository; ' +
        'serving the generated reports only (set GONGKAI_FIXTURES to the fixtures directory)\n');
    }
    rmSync(join(out, 'gongkai.db'), { force: true });
    rmSync(join(out, 'gongkai.db-wal'), { force: true });
    rmSync(join(out, 'gongkai.db-shm'), { force: true });
    const store = new SqliteStore(join(out, 'gongkai.db'));
    // A local demo: no politeness delay needed; the slow page (10 s) runs into the 4 s time limit.
    const local = { store, blobDir: join(out, 'blobs'), fresh: true, delayMs: 0, perHost: 4, concurrency: 8, timeoutMs: 4000, retries: 1,
      backoffBaseMs: 100, browser: (values.browser as 'auto' | 'never' | undefined) ?? 'auto' } as const;
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
      const files = [html,
        ...(await writeExport('json', join(out, 'export.json'), summary, docs, findings)),
        ...(await writeExport('xlsx', join(out, 'export.xlsx'), summary, docs, findings)),
        ...(await writeExport('csv', join(out, 'csv'), summary, docs, findings))];
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
};
