/** `gongkai watch --portals <file> --every <duration> | --once`: crawl on a schedule, alert on what changed. */
import { defineCommand, EXIT, UsageError } from '../command.js';
import { optionTable } from '../option-table.js';
import { CRAWL_OPTIONS, crawlSettings, openStore, readPortalLines } from '../options.js';
import { existingFile } from '../paths.js';
import { progressReporter } from '../progress.js';
import { validSeeds } from './crawl.js';
import type { AlertsConfig } from '../../watch/alerts/config.js';
import type { CycleResult } from '../../watch/cycle.js';
import { portalSettings } from '../portal-settings.js';
import { every, parseDuration } from '../../watch/schedule.js';

const { new: _fresh, ...CRAWL } = CRAWL_OPTIONS;

const OPTIONS = optionTable({
  portals: { type: 'string', placeholder: 'file', help: 'portals to watch, one URL per line; limit.<category|column>=<days> overrides a limit' },
  every: { type: 'string', placeholder: 'duration', pattern: (v) => parseDuration(v) !== null, help: 'time between cycle starts: 90s, 30m, 6h, 1d, 1h30m' },
  once: { type: 'boolean', help: 'run one cycle and exit (for cron and systemd timers)' },
  alerts: { type: 'string', placeholder: 'file', help: 'alert channels (JSON; see docs/watch.md); without it changes are only printed' },
  lead: { type: 'integer', placeholder: 'days', default: 7, help: 'warn this many days before a column reaches its limit (即将超期)' },
  ...CRAWL,
});

export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'watch portals over time: crawl on a schedule, alert on stale columns, new and missing reports',
  usage: '--portals <file> (--every <duration> | --once) [--alerts <file>] [options]',
  description: `Crawls the portals, keeps every run, and after each run works out what changed against the
previous run: columns stale, empty or about to go stale (within --lead days of their limit),
portals whose verdict changed, new annual reports, reports missing past their Article 49
deadline, new error findings, new items per column. Alerts go to the channels of --alerts
(webhook, 钉钉, 企业微信, 飞书, e-mail); a condition is sent once while it holds. A portals line
can override limits:
  http://www.example.gov.cn/ limit.dynamic=10 limit.工作动态=7
--once runs one cycle (cron, systemd timer); --every keeps running until Ctrl-C.`,
  options: OPTIONS,
  positionals: false,
  epilog: `Exit codes: 0 the cycle(s) ran (failed deliveries are printed and recorded, never fatal) · 2 usage
            4 nothing could be fetched (--once) · 6 a store write failed: run again to resume`,
  async run(values) {
    if (values.portals === undefined) throw new UsageError('missing --portals <file>', { help: true });
    if (values.once === (values.every !== undefined)) throw new UsageError(values.once ? '--once runs one cycle: leave out --every' : 'give --every <duration> or --once', { help: true });
    const portalsFile: string = values.portals;
    const lines = readPortalLines(portalsFile);
    if (!lines.length) throw new UsageError(`--portals: no URLs in ${portalsFile}`);
    const seeds = validSeeds(lines.map((l) => l.url));
    if (typeof seeds === 'string') throw new UsageError(`--portals: ${seeds}`);
    const { limits } = portalSettings(lines);
    // The crawler, the alert channels and nodemailer are loaded by the command that runs them, not at start-up.
    const { AlertsConfigError, loadAlerts } = await import('../../watch/alerts/config.js');
    const { watchCycle } = await import('../../watch/cycle.js');
    const { cycleJson, cycleText } = await import('../../watch/report.js');
    let alerts: AlertsConfig | null = null;
    if (values.alerts !== undefined) {
      existingFile(values.alerts, '--alerts');
      try {
        alerts = loadAlerts(values.alerts);
      } catch (err) {
        throw err instanceof AlertsConfigError ? new UsageError(`--alerts: ${err.message}`) : err;
      }
    }
    const settings = crawlSettings({ ...values, new: false });
    const { store, blobDir } = openStore(values, 'create');
    const quiet = !!(values.quiet || values.json);
    const ctl = new AbortController();
    const onSig = () => {
      process.stderr.write('\ngongkai watch: stopping after the requests in flight; run it again to resume the run\n');
      ctl.abort();
    };
    process.once('SIGINT', onSig);
    process.once('SIGTERM', onSig);
    let last: CycleResult | null = null;
    const cycle = async () => {
      const prog = progressReporter(store, quiet);
      last = await watchCycle({
        crawl: { ...settings, now: values.now, seeds, store, blobDir, onProgress: prog.update, signal: ctl.signal },
        leadDays: values.lead, limits, alerts,
      });
      prog.done();
      process.stdout.write(values.json ? JSON.stringify(cycleJson(last)) + '\n' : cycleText(last));
      for (const d of last.deliveries) if (!d.ok) process.stderr.write(`gongkai watch: delivery to ${d.channel} failed after ${d.attempts} attempts: ${d.error}\n`);
    };
    try {
      if (values.once) await cycle();
      else await every(parseDuration(values.every!)!, ctl.signal, cycle);
      const r = last as CycleResult | null;
      const fetchedNothing = values.once && r !== null && r.crawl.fetched === 0 && !r.crawl.resumed && (await store.stats(r.crawl.run.id)).done === 0;
      return fetchedNothing ? EXIT.fetch : EXIT.ok;
    } finally {
      process.off('SIGINT', onSig);
      process.off('SIGTERM', onSig);
      await store.close();
    }
  },
});
