/**
 * What changed with a run: its alerts (columns.ts, reports.ts), portals whose verdict changed and new
 * items per column, against the previous run of the same portals (the latest earlier finished run that
 * shares a seed with it). Portals the previous run did not crawl get conditions only, never events.
 */
import { resolveDeadlines, type Deadlines, type PortalVerdict } from '@gongkai/shared';
import type { Run, Store } from '../store/types.js';
import { siteHealth } from '../health/site-health.js';
import { columnAlerts } from './columns.js';
import { copyPasteAlerts } from './copies.js';
import { healthAlerts } from './health.js';
import type { LimitOverrides } from './limits.js';
import { missingAlerts, newErrorAlerts, newReportAlerts, type RunReports } from './reports.js';
import type { Alert, Changes } from './types.js';

export interface ChangeOptions {
  /** Days before a column's limit from which it is "about to go stale". */
  leadDays: number;
  /** Limit overrides by portal host. */
  limits?: ReadonlyMap<string, LimitOverrides>;
}

/** The latest finished run before `run` that shares a seed with it. */
export async function previousRun(store: Store, run: Run): Promise<Run | null> {
  const seeds = new Set(run.seeds);
  const runs = (await store.listRuns()).filter((r) => r.id < run.id && r.status === 'done' && r.seeds.some((s) => seeds.has(s)));
  return runs.at(-1) ?? null;
}

async function reportsOf(store: Store, run: Run): Promise<RunReports> {
  const portals = await store.portals(run.id);
  const cols = await store.snapshots(run.id);
  return {
    run, docs: await store.documents(run.id), findings: await store.findings(run.id),
    names: new Map(portals.map((p) => [p.host, p.name])),
    reportColumns: new Map(cols.filter((c) => c.isReports).map((c) => [c.host, c.url])),
  };
}

const state = (v: PortalVerdict | undefined) => (!v ? null : !v.judged ? 'FAULT' : v.passed ? 'PASS' : 'FAIL');

function verdictAlerts(run: Run, prev: PortalVerdict[], cur: PortalVerdict[]): Alert[] {
  const before = new Map(prev.map((v) => [v.host, v]));
  const out: Alert[] = [];
  for (const v of cur) {
    const was = state(before.get(v.host)), now = state(v);
    if (!was || was === now) continue;
    const failed = v.rules.filter((r) => r.failed);
    out.push({
      key: `verdict-changed|${v.host}|${run.id}`, kind: 'verdict-changed', host: v.host, name: v.name, column: null,
      where: v.homeUrl ?? `http://${v.host}/`, since: run.now, runId: run.id, judgedOn: run.now,
      rule: failed.length
        ? { zh: failed.map((r) => r.zh).join('；'), en: failed.map((r) => r.en).join('; ') }
        : v.message ?? { zh: '国办秘函〔2019〕19号单项否决指标均未触发', en: 'no veto rule of the national check-list failed' },
      what: { zh: `${v.name ?? v.host}检查结论由${was}变为${now}`, en: `${v.name ?? v.host}: verdict changed from ${was} to ${now}` },
    });
  }
  return out;
}

async function newItemAlerts(store: Store, prevRun: Run, run: Run): Promise<Alert[]> {
  const prevCols = await store.snapshots(prevRun.id);
  const hosts = new Set(prevCols.map((c) => c.host));
  const seen = new Set((await store.columnItems(prevRun.id)).map((i) => `${i.columnKey} ${i.url}`));
  const counts = new Map<string, number>();
  for (const i of await store.columnItems(run.id)) if (!seen.has(`${i.columnKey} ${i.url}`)) counts.set(i.columnKey, (counts.get(i.columnKey) ?? 0) + 1);
  const names = new Map((await store.portals(run.id)).map((p) => [p.host, p.name]));
  const out: Alert[] = [];
  for (const c of await store.snapshots(run.id)) {
    const n = counts.get(c.key);
    if (!n || !hosts.has(c.host) || c.isParent) continue;
    out.push({ key: `new-items|${c.host}|${c.key}|${run.id}`, kind: 'new-items', host: c.host, name: names.get(c.host) ?? null, column: c.name, where: c.url,
      since: prevRun.now, runId: run.id, judgedOn: run.now, rule: { zh: '栏目更新', en: 'column updated' },
      what: { zh: `「${c.name}」新增${n}条信息`, en: `"${c.name}": ${n} new item${n === 1 ? '' : 's'}` } });
  }
  return out;
}

/** Everything `gongkai watch` reports about `run`. */
export async function runChanges(store: Store, run: Run, o: ChangeOptions): Promise<Changes> {
  const deadlines: Deadlines = resolveDeadlines(run.options.deadlines as Partial<Deadlines> | undefined);
  const portals = await store.portals(run.id);
  const snaps = await store.snapshots(run.id);
  const alerts: Alert[] = [];
  const judged = new Set<string>();
  for (const p of portals) {
    const r = columnAlerts(run, p, snaps.filter((c) => c.host === p.host), o.limits?.get(p.host) ?? {}, o.leadDays);
    alerts.push(...r.alerts);
    r.judged.forEach((k) => judged.add(k));
  }
  const health = healthAlerts(run, await siteHealth(store, run), new Map(portals.map((p) => [p.host, p.name])), new Map(portals.map((p) => [p.host, p.homeUrl])), o.limits);
  alerts.push(...health.alerts);
  health.judged.forEach((k) => judged.add(k));
  const cur = await reportsOf(store, run);
  alerts.push(...await copyPasteAlerts(store, run, cur.docs));
  const missing = missingAlerts(cur, deadlines);
  alerts.push(...missing.alerts);
  const prevRun = await previousRun(store, run);
  if (prevRun) {
    const prev = await reportsOf(store, prevRun);
    const verdicts = async (r: Run) => (await store.verdicts(r.id)).map((v) => JSON.parse(v.verdict) as PortalVerdict);
    alerts.push(...verdictAlerts(run, await verdicts(prevRun), await verdicts(run)));
    alerts.push(...newReportAlerts(prev, cur, deadlines), ...newErrorAlerts(prev, cur));
    alerts.push(...await newItemAlerts(store, prevRun, run));
  }
  return { runId: run.id, previousRunId: prevRun?.id ?? null, judgedOn: run.now, alerts, judged, judgedPrefixes: missing.judgedPrefixes };
}
