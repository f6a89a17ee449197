/**
 * Many workers, one crawl: 1, 2 and 4 `gongkai crawl` processes (the built CLI) on one PostgreSQL
 * database crawl the same many-host portal set (many-hosts.ts: every answer held DELAY_MS, a slow
 * government server) with `--per-host 1`, so the crawl is bound by politeness, not by CPU: one worker
 * is held to its `--concurrency`, more workers share the hosts. Prints pages/s and the ratio to one
 * worker (goal: 4 workers ≥ 3× one), the mean number of requests in flight at the server (ideal:
 * workers × concurrency) and the machine's CPU use. Checks that no host ever had more requests in
 * flight than `--per-host` (counted at the server) and that the workers together fetched every page
 * once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startTestPostgres } from '../crawler/pg-helpers.ts';
import { buildCli, builtCliArgs, ROOT } from './built-cli.ts';
import { startManyHosts, type ManyHosts } from './many-hosts.ts';
import { printTable } from './stats.ts';

// One worker does CONCURRENCY / DELAY_MS = 6 pages/s, four 24 pages/s: at about 25 ms of CPU a page
// (worker and PostgreSQL) well under a core of the 2-core machine, and 36 hosts keep 12 slots busy.
const HOSTS = 36;
const DELAY_MS = 500;
const PER_HOST = 1;
const CONCURRENCY = 3;
/** Worker counts measured; $GONGKAI_BENCH_WORKERS (e.g. `1,4`) overrides. The first is the baseline. */
const COUNTS = (process.env.GONGKAI_BENCH_WORKERS ?? '1,2,4').split(',').map(Number).filter((n) => n >= 1);

/** Busy and total CPU time of the machine so far (all cores), ms. */
function cpuTimes(): { busy: number; total: number } {
  let busy = 0, total = 0;
  for (const c of cpus()) {
    const t = c.times.user + c.times.nice + c.times.sys + c.times.irq;
    busy += t;
    total += t + c.times.idle;
  }
  return { busy, total };
}

/** CPU time of this process's exited children (the workers), ms: cutime + cstime of /proc/self/stat (Linux; 0 elsewhere). */
function childCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) * 10; // fields 16, 17 in clock ticks of 10 ms
  } catch { return 0; }
}

interface WorkerRun {
  workers: number; fetched: number; ms: number; inFlight: number; cpu: number; workerCpuMs: number; peak: number; ended: number;
  /** robots.txt requests the server got. */
  robots: number;
  /** From the start to the first request, from the last answer to the last exit, ms. */
  lead: number; tail: number;
}

/** `n` workers started together on a fresh database; resolves when every one has exited. */
async function crawlWith(n: number, db: string, sites: ManyHosts, dir: string): Promise<WorkerRun> {
  const seeds = join(dir, 'seeds.txt');
  writeFileSync(seeds, sites.homes.join('\n') + '\n');
  const args = builtCliArgs(['crawl', '--portals', seeds, '--db', db, '--blobs', join(dir, `blobs-${n}`), '--now', '2025-06-30',
    '--per-host', String(PER_HOST), '--delay', String(DELAY_MS), '--concurrency', String(CONCURRENCY), '--json', '--quiet',
    ...sites.resolve.flatMap((r) => ['--resolve', r])]);
  sites.reset();
  const cpu0 = cpuTimes(), child0 = childCpuMs();
  const t0 = performance.now();
  const outs = await Promise.all(Array.from({ length: n }, () => new Promise<string>((ok, fail) => {
    const p = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`gongkai crawl exited ${code}: ${err.slice(-2000)}`))));
  })));
  const ms = performance.now() - t0;
  const cpu1 = cpuTimes();
  const span = sites.span();
  const results = outs.map((o) => JSON.parse(o) as { fetched: number; run: { status: string }; portals?: unknown[] });
  return {
    workers: n, ms, fetched: results.reduce((a, r) => a + r.fetched, 0), inFlight: sites.openMs() / ms,
    cpu: (cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total), peak: Math.max(...sites.peakPerHost.values()),
    ended: results.filter((r) => r.run.status === 'done').length, workerCpuMs: childCpuMs() - child0,
    lead: span.first - t0, tail: t0 + ms - span.last, robots: sites.robots(),
  };
}

export async function run(): Promise<void> {
  if (!buildCli()) return;
  const pg = await startTestPostgres();
  if (!pg) return void process.stdout.write('GONGKAI_SKIP_PG=1: nothing measured\n');
  const sites = await startManyHosts({ hosts: HOSTS, delayMs: DELAY_MS, columns: 2, pagesPerColumn: 2, reports: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-workers-'));
  try {
    process.stdout.write(`${HOSTS} hosts, ${sites.pages} requests each crawl (robots.txt included), every answer held ${DELAY_MS} ms; `
      + `--per-host ${PER_HOST} --delay ${DELAY_MS} --concurrency ${CONCURRENCY} per worker; ${cpus().length} cores\n`);
    const runs: WorkerRun[] = [];
    for (const n of COUNTS) runs.push(await crawlWith(n, await pg.createDb(), sites, dir));
    const one = runs[0]!;
    // Crawling: from the first request to the last answer; whole: from the start of the processes to their exit.
    const crawlMs = (r: WorkerRun) => r.ms - r.lead - r.tail;
    const rate = (r: WorkerRun) => (r.fetched / crawlMs(r)) * 1000;
    const wholeRate = (r: WorkerRun) => (r.fetched / r.ms) * 1000;
    printTable(['workers', 'pages', 'crawling s', 'pages/s', '× 1 worker', 'in flight (mean)', 'whole s', 'pages/s whole', '× 1 whole',
      'start → 1st request s', 'last answer → exit s', 'worker CPU ms/page', 'machine CPU', 'robots.txt requests', 'most per host'],
    runs.map((r) => [String(r.workers), String(r.fetched), crawlMs(r) / 1000, rate(r), (rate(r) / rate(one)).toFixed(2), (r.inFlight * r.ms) / crawlMs(r),
      r.ms / 1000, wholeRate(r), (wholeRate(r) / wholeRate(one)).toFixed(2),
      r.lead / 1000, r.tail / 1000, r.workerCpuMs / r.fetched, `${Math.round(r.cpu * 100)}%`, String(r.robots), String(r.peak)]));
    const four = runs.find((r) => r.workers === 4);
    if (four && one.workers === 1) {
      process.stdout.write(`4 workers: ${(rate(four) / rate(one)).toFixed(2)}× one worker while crawling (goal ≥ 3×), `
        + `${(wholeRate(four) / wholeRate(one)).toFixed(2)}× over the whole processes (start-up and the run's analysis included)\n`);
    }
    const problems = runs.flatMap((r) => [
      ...(r.peak > PER_HOST ? [`${r.workers} workers: a host had ${r.peak} requests in flight at once (--per-host ${PER_HOST})`] : []),
      ...(r.robots > HOSTS * Math.min(r.workers, PER_HOST) ? [`${r.workers} workers asked for robots.txt ${r.robots} times (${HOSTS} hosts)`] : []),
      ...(r.fetched !== one.fetched ? [`${r.workers} workers fetched ${r.fetched} pages, one worker ${one.fetched}`] : []),
      ...(r.ended !== r.workers ? [`${r.workers} workers: only ${r.ended} saw the run done`] : []),
    ]);
    for (const p of problems) process.stdout.write(`FAILED: ${p}\n`);
    if (problems.length) process.exitCode = 1;
    else process.stdout.write(`per-host limit held at the server in every run; every page fetched once, robots.txt once per host\n`);
  } finally {
    await sites.close();
    pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
