/** `gongkai columns <url>`: walk a portal's disclosure columns (no reports) and judge their freshness. */
import { defineCommand, EXIT, UsageError } from '../command.js';
import { CRAWL_OPTIONS, crawlSettings, openStore } from '../options.js';
import { terminalTable } from '../format/table.js';
import { crawlWithProgress, validSeeds } from './crawl.js';
import { freshness } from '../../columns/verdict.js';
import { dateSourceText, statusText } from '../../columns/snapshot.js';

export const columnsCommand = defineCommand({
  name: 'columns',
  summary: 'count each disclosure column\'s items by date and judge the portal against the national thresholds',
  usage: '<url> [options]',
  description: `Walks the 政府信息公开 section of the portal at <url> (a home page, the section, or one
column): per column the item count, newest and oldest item dates and items per year, whether it is
fresh, stale or empty, and the portal's verdict under 国办秘函〔2019〕19号 (home page 2 weeks; ≥5
stale dynamic or notice/policy columns; ≥10 long-stale columns; ≥5 empty columns). Reports are not
downloaded. Each run is kept in the store as a snapshot.`,
  options: CRAWL_OPTIONS,
  positionals: true,
  epilog: 'Exit codes: 0 walked · 2 usage · 4 nothing could be fetched · 5 internal',
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('give exactly one portal URL', { help: true });
    const checked = validSeeds(positionals);
    if (typeof checked === 'string') throw new UsageError(checked);
    const { store, blobDir } = openStore(values, 'create');
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
          const rows = summary.columns.filter((x) => x.host === p.host).map((c) => [c.name, statusText(c), String(c.itemCount), dateSourceText(c), c.newest ?? '-', c.oldest ?? '-',
            c.isParent ? '(parent)' : freshness(c, now), Object.entries(c.perYear).map(([y, n]) => `${y}:${n}`).join(' ')]);
          L.push('', ...terminalTable(['column', 'status', 'items', 'dates', 'newest', 'oldest', 'freshness', 'per year'], rows, ['left', 'left', 'right']).map((l) => `  ${l}`));
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
});
