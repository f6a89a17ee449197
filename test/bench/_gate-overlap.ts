/**
 * Why the gate's wall time exceeds its CPU time on the long non-report page: traces loads of that
 * page with the e2e build and, for the span of the gate's work, sums how long each other thread of
 * Chromium (renderer compositor, browser main, GPU…) was running a task at the same time. On two
 * cores, every such thread is a rival for the core the gate's main thread needs.
 * Not a benchmark of record: `npm run bench -- extension` measures.
 *
 *   npx tsx test/bench/_gate-overlap.ts [loads]
 */
import { buildIfStale } from '../e2e/build-extension.ts';
import { launchLab, ORIGIN } from '../fixtures/extension/harness.ts';
import { PATHS } from '../fixtures/extension/server.ts';
import { trace, type TraceEvent } from './extension.bench.ts';

const loads = Number(process.argv[2] ?? 12);
const CATEGORIES = 'toplevel,devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,cc,viz,gpu,__metadata';
const isTask = (e: TraceEvent) => e.ph === 'X' && !!e.dur && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');

buildIfStale();
const lab = await launchLab();
const cdp = await lab.context.newCDPSession(lab.page);
const rivals = new Map<string, number>();
let wall = 0;
let cpu = 0;
let n = 0;
try {
  for (let i = 0; i <= loads; i++) {
    await lab.page.goto(ORIGIN + PATHS.plain + '?warm');
    const events = await trace(cdp, async () => { await lab.page.goto(ORIGIN + PATHS.bigPlain); await lab.page.waitForTimeout(800); }, CATEGORIES);
    if (i === 0) continue; // the first load compiles the gate
    const names = new Map<string, string>();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
    const gate = events.filter((e) => e.ph === 'X' && e.dur && /gate\.js/.test(JSON.stringify(e.args ?? {})));
    if (!gate.length) continue;
    const { pid, tid } = gate[0]!;
    const a = Math.min(...gate.map((g) => g.ts));
    const b = Math.max(...gate.map((g) => g.ts + g.dur!));
    const task = events.find((e) => isTask(e) && e.pid === pid && e.tid === tid && e.ts <= a && b <= e.ts + e.dur!);
    wall += b - a;
    cpu += task?.tdur ? ((b - a) * task.tdur) / task.dur! : b - a;
    n++;
    // Per thread, the parts of its tasks inside the span, merged (a task event may nest in another).
    const parts = new Map<string, [number, number][]>();
    for (const e of events) {
      if (!isTask(e) || (e.pid === pid && e.tid === tid)) continue;
      const from = Math.max(a, e.ts);
      const to = Math.min(b, e.ts + e.dur!);
      if (to <= from) continue;
      const key = `${names.get(`${e.pid}:${e.tid}`) ?? e.tid} (${e.pid === pid ? 'renderer' : `pid ${e.pid}`})`;
      (parts.get(key) ?? parts.set(key, []).get(key)!).push([from, to]);
    }
    for (const [key, spans] of parts) {
      spans.sort((x, y) => x[0] - y[0]);
      let sum = 0;
      let end = -Infinity;
      for (const [from, to] of spans) {
        if (to <= end) continue;
        sum += to - Math.max(from, end);
        end = to;
      }
      rivals.set(key, (rivals.get(key) ?? 0) + sum);
    }
  }
} finally {
  await lab.close();
}
process.stdout.write(`gate on the long page: ${n} loads, mean wall ${(wall / n / 1000).toFixed(2)} ms, CPU ${(cpu / n / 1000).toFixed(2)} ms\n`);
for (const [k, v] of [...rivals].sort((x, y) => y[1] - x[1]).slice(0, 10)) {
  process.stdout.write(`  ${k}: a task in progress for ${(v / n / 1000).toFixed(2)} ms of that span\n`);
}
