/** `gongkai serve [--db …] [--port 8080] [--host 127.0.0.1] [--token …]`: the local dashboard over the store. */
import { defineCommand, EXIT, UsageError } from '../command.js';
import { optionTable } from '../option-table.js';
import { DB_OPTION, openStore, readPortalLines } from '../options.js';
import { portalSettings } from '../portal-settings.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

const OPTIONS = optionTable({
  ...DB_OPTION,
  port: { type: 'integer', placeholder: 'n', default: 8080, help: 'port to listen on (0: any free port)' },
  host: { type: 'string', placeholder: 'address', default: '127.0.0.1', help: 'address to bind; anything but loopback needs --token' },
  token: { type: 'string', placeholder: 'secret', help: 'required on every request (?token= once, or Authorization: Bearer)', defaultText: '$GONGKAI_SERVE_TOKEN' },
  portals: { type: 'string', placeholder: 'file', help: 'the portals file of the crawl or watch: its region=, level= and limit.*= settings apply on the dashboard' },
});

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'a local web dashboard over the store: portals, column timelines, reports with evidence, CSV',
  usage: '[--db file|url] [--port 8080] [--host 127.0.0.1] [--token secret] [--portals file]',
  description: `Serves a dashboard (Chinese with English) over the store on http://127.0.0.1:8080/: portals with
their verdict and trend over the runs, each portal's columns with items per month, the gaps
between updates and the limit line, what \`gongkai watch\` found (conditions that hold, the
channels they were sent to, events, conditions cleared), annual reports per agency and year with
their findings and evidence, filters, and every table as CSV. The JSON the pages read is under
/api/. It binds to 127.0.0.1 unless --host says otherwise, and another address needs --token. With
--portals, a line's region=/level= settings and limit.<category|column>=<days> overrides apply as
they do for export and watch. Stop it with Ctrl-C.`,
  options: OPTIONS,
  positionals: false,
  epilog: 'Exit codes: 0 stopped with Ctrl-C · 2 usage (a missing --db, --host without --token, a port in use)',
  async run(values) {
    const token = values.token ?? process.env.GONGKAI_SERVE_TOKEN ?? null;
    if (!LOOPBACK.test(values.host) && !token) throw new UsageError(`--host ${values.host} exposes the dashboard beyond this machine: give --token too`, { help: true });
    if (values.port > 65535) throw new UsageError(`--port must be at most 65535, got ${values.port}`);
    const settings = values.portals === undefined ? null : portalSettings(readPortalLines(values.portals));
    const { startDashboard } = await import('../../serve/server.js');
    const { portalRegions } = await import('../../serve/regions.js');
    const { store } = openStore(values, 'existing');
    let dash;
    try {
      dash = await startDashboard({ store, host: values.host, port: values.port, token, regionOf: portalRegions(settings?.regions), limits: settings?.limits });
    } catch (err) {
      await store.close();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new UsageError(`cannot listen on ${values.host}:${values.port} (${code})`);
      throw err;
    }
    process.stderr.write(`gongkai serve: dashboard on ${dash.url}${token ? ' (token required)' : ''} — Ctrl-C stops it\n`);
    await new Promise<void>((ok) => {
      const stop = () => ok();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await dash.close();
    await store.close();
    return EXIT.ok;
  },
});
