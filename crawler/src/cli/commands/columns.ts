/** `gongkai columns <url>`: walk a portal's disclosure columns (no reports) and judge their freshness. */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type Command } from '../command.js';
import { CRAWL_HELP, CRAWL_OPTIONS, crawlSettings, openStore } from '../options.js';
import { crawlWithProgress, validSeeds } from './crawl.js';
import { freshness } from '../../columns/verdict.js';
import { pad } from '../../report/text.js';

export const columnsCommand: Command = {
  name: 'columns',
  summary: 'count each disclosure column\'s items by date and judge the portal against the national thresholds',
  help: `gongkai columns <url> [options]

Walks the 政府信息公开 section of the portal at <url> (a home page, the section, or one column): per
column the item count, newest and oldest item dates and items per year, whether it is fresh, stale or
empty, and the portal's verdict under 国办秘函〔2019〕19号 (home page 2 weeks; ≥5 stale dynamic or
notice/policy columns; ≥10 long-stale columns; ≥5 empty columns). Each run is kept as a snapshot.

Options:
${CRAWL_HELP}`,
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, options: CRAWL_OPTIONS, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('give exactly one portal URL');
    const checked = validSeeds(positionals);
    if (typeof checked === 'string') throw new UsageError(checked);
    const { store, blobDir } = openStore(values);
    try {
      const { summary } = await crawlWithProgress({ ...crawlSettings(values), seeds: checked, store, blobDir, columnsOnly: true }, !!(values.quiet || values.json));
      const now = summary.run.now;
      if (values.json) {
        process.stdout.write(JSON.stringify({ run: summary.run, portals: summary.portals, faults: summary.faults,
          columns: summary.columns.map((c) => ({ ...c, freshness: c.isParent ? null : freshness(c, now) })) }, null, 2) + '\n');
      } else {
        const L: string[] = [];
        for (const p of summary.portals) {
          L.push(`${p.passed ? 'PASS' : 'FAIL'} ${p.name ?? ''} (${p.host}) judged on ${now}`);
          for (const r of p.rules) L.push(`  ${r.failed ? '✗' : '✓'} ${r.zh}${r.columns.length ? `：${r.columns.join('、')}` : ''}`);
          L.push('', `  ${'column'.padEnd(14)} ${'status'.padEnd(13)} ${'items'.padStart(5)}  ${'newest'.padEnd(10)}  ${'oldest'.padEnd(10)}  freshness   per year`);
          for (const c of summary.columns.filter((x) => x.host === p.host)) {
            const f = c.isParent ? '(parent)' : freshness(c, now);
            L.push(`  ${pad(c.name, 14)} ${c.status.padEnd(13)} ${String(c.itemCount).padStart(5)}  ${(c.newest ?? '-').padEnd(10)}  ${(c.oldest ?? '-').padEnd(10)}  ${f.padEnd(10)}  ${Object.entries(c.perYear).map(([y, n]) => `${y}:${n}`).join(' ')}`);
          }
          L.push('');
        }
        if (summary.faults.length) L.push('Faults: ' + summary.faults.map((f) => `${f.kind} ${f.count}`).join(', '));
        process.stdout.write(L.join('\n') + '\n');
      }
      return summary.frontier.done === 0 ? EXIT.fetch : EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
