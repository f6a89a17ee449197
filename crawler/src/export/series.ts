/**
 * Time series across crawl runs (`gongkai export --runs all`): every column's snapshot in every run
 * (`column_snapshots`), its items month by month (`column_months`), and every portal's verdict in
 * every run (`portals_over_time`). Freshness is judged as of each run's own date.
 */
import type { PortalVerdict } from '@gongkai/shared';
import { ruleFields, snapshotFields, verdictFields } from './fields.js';
import type { ColumnSnapshot, Run, Store } from '../store/types.js';
import { tableOf, type Table } from './sheet.js';

export interface RunData { run: Run; columns: ColumnSnapshot[]; verdicts: PortalVerdict[] }

/** Every run (oldest first) with its column snapshots and portal verdicts. */
export async function loadRuns(store: Store, runIds?: number[]): Promise<RunData[]> {
  const runs = (await store.listRuns()).filter((r) => !runIds || runIds.includes(r.id)).sort((a, b) => a.id - b.id);
  const out: RunData[] = [];
  for (const run of runs) {
    const columns = await store.snapshots(run.id);
    const verdicts = (await store.verdicts(run.id)).map((v) => JSON.parse(v.verdict) as PortalVerdict);
    out.push({ run, columns, verdicts });
  }
  return out;
}


/** Items per month over the twelve months before `day` (the column's recent rate of updates). */
export function itemsPerMonth(perMonth: Record<string, number>, day: string): number {
  const end = day.slice(0, 7);
  const [y, m] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  const start = `${m === 12 ? y : y - 1}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}`;
  let n = 0;
  for (const [month, count] of Object.entries(perMonth)) if (month >= start && month <= end) n += count;
  return Math.round((n / 12) * 100) / 100;
}

export function columnSnapshotsTable(data: RunData[]): Table {
  const rows = data.flatMap((d) => d.columns.map((c) => ({ d, c })));
  return tableOf<(typeof rows)[number]>('column_snapshots', [
    { key: 'run', zh: '批次', type: 'int', get: (x) => x.d.run.id },
    { key: 'judged_on', zh: '检查日期', type: 'date', get: (x) => x.d.run.now },
    { key: 'portal', zh: '网站', type: 'text', get: (x) => x.c.host },
    ...snapshotFields<(typeof rows)[number]>((x) => x.c, (x) => x.d.run.now),
    { key: 'items_per_month', zh: '近12个月月均条目', type: 'num', get: (x) => itemsPerMonth(x.c.perMonth, x.d.run.now) },
    { key: 'url', zh: '网址', type: 'url', get: (x) => x.c.url },
  ], rows);
}

export function columnMonthsTable(data: RunData[]): Table {
  const rows = data.flatMap((d) => d.columns.flatMap((c) => Object.entries(c.perMonth).sort().map(([month, items]) => ({ d, c, month, items }))));
  return tableOf<(typeof rows)[number]>('column_months', [
    { key: 'run', zh: '批次', type: 'int', get: (x) => x.d.run.id },
    { key: 'portal', zh: '网站', type: 'text', get: (x) => x.c.host },
    { key: 'column', zh: '栏目', type: 'text', get: (x) => x.c.name },
    { key: 'month', zh: '月份', type: 'text', get: (x) => x.month },
    { key: 'items', zh: '条目数', type: 'int', get: (x) => x.items },
  ], rows);
}

export function portalsOverTimeTable(data: RunData[]): Table {
  const rows = data.flatMap((d) => d.verdicts.map((v) => ({ d, v })));
  type Row = (typeof rows)[number];
  return tableOf<Row>('portals_over_time', [
    { key: 'run', zh: '批次', type: 'int', get: (x) => x.d.run.id },
    { key: 'judged_on', zh: '检查日期', type: 'date', get: (x) => x.d.run.now },
    { key: 'portal', zh: '网站', type: 'text', get: (x) => x.v.host },
    { key: 'name', zh: '名称', type: 'text', get: (x) => x.v.name },
    ...verdictFields<Row>((x) => x.v),
    ...ruleFields<Row>((x) => x.v, rows.map((x) => x.v)),
  ], rows);
}
