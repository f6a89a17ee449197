/**
 * The dashboard's reads, over either store (the shared SQL dialect through `Store.select`), each
 * bounded by the page asked for: portals by their latest verdict (with the trend over every run),
 * one portal's columns across runs, the primary reports of each portal's latest run, one report with
 * its findings. Indexed by host and run (schema v4, v5), so 3,000 portals × 30 runs stay fast.
 */
import { daysBetween, type PortalVerdict } from '@gongkai/shared';
import type { Store } from '../store/types.js';
import { limitFor, type LimitOverrides } from '../watch/limits.js';
import { holdingCounts, portalAlerts } from './alerts.js';
import { siteHealth } from '../health/site-health.js';
import { copiesOf, copyText, indexReports } from '../similar/store.js';

/** `xs` in parts of at most `n` (queries keep their parameter count bounded). */
const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

export type VerdictState = 'PASS' | 'FAIL' | 'FAULT';
const stateOf = (passed: unknown, verdict: string): VerdictState => (verdict.includes('"judged":false') ? 'FAULT' : Number(passed) === 1 || passed === true ? 'PASS' : 'FAIL');

export interface PortalListRow {
  host: string; name: string | null; homeUrl: string | null; run: number; judgedOn: string; verdict: VerdictState;
  failedRules: string[]; region: string | null; regionName: string | null; level: string | null;
  /** Watch conditions that hold for this portal (0 when the store was never watched). */
  alerts: number;
  trend: { run: number; judgedOn: string; verdict: VerdictState }[];
}

export interface Page<T> { total: number; page: number; size: number; rows: T[] }

/** `max`: the largest page allowed (500 for the pages; a CSV download takes every row). */
export interface PortalFilter { q?: string; verdict?: string; region?: string; level?: string; page?: number; size?: number; max?: number }

/** Each host's latest verdict row (cached until the store has a newer run). */
export interface LatestVerdict { host: string; run: number; judgedOn: string; verdict: VerdictState; v: PortalVerdict }

/** A portal's region and level (the export's resolver, with the portals file's overrides). */
export type DashboardRegionOf = (name: string | null, host: string) => { code: string | null; name: string | null; level: string | null };

export interface QueryOptions {
  regionOf?: DashboardRegionOf;
  /** The portals file's update-limit overrides by host (what `gongkai watch` holds the columns to). */
  limits?: Map<string, LimitOverrides>;
}

export class Queries {
  private latest: { key: string; rows: LatestVerdict[] } | null = null;
  private readonly regionOf: DashboardRegionOf;
  private readonly limits: Map<string, LimitOverrides>;

  constructor(private readonly store: Store, o: QueryOptions = {}) {
    this.regionOf = o.regionOf ?? (() => ({ code: null, name: null, level: null }));
    this.limits = o.limits ?? new Map();
  }

  private async rows(sql: string, params: unknown[] = []) { return this.store.select(sql, params); }

  /** Latest verdict per host; recomputed only when a run was added or finished. */
  async latestVerdicts(): Promise<LatestVerdict[]> {
    const k = (await this.rows("SELECT MAX(id) AS id, COUNT(*) AS n, SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done FROM runs"))[0]!;
    const key = `${k.id}/${k.n}/${k.done}`;
    if (this.latest?.key === key) return this.latest.rows;
    const rows = await this.rows(`SELECT v.host, v.run_id, v.passed, v.verdict, r.now FROM verdicts v
      JOIN (SELECT host, MAX(run_id) AS run_id FROM verdicts GROUP BY host) m ON m.host = v.host AND m.run_id = v.run_id
      JOIN runs r ON r.id = v.run_id ORDER BY v.host`);
    const out = rows.map((r) => {
      const verdict = String(r.verdict);
      return { host: String(r.host), run: Number(r.run_id), judgedOn: String(r.now), verdict: stateOf(r.passed, verdict), v: JSON.parse(verdict) as PortalVerdict };
    });
    this.latest = { key, rows: out };
    return out;
  }

  async portals(f: PortalFilter): Promise<Page<PortalListRow>> {
    const size = Math.min(Math.max(f.size ?? 50, 1), f.max ?? 500), page = Math.max(f.page ?? 1, 1);
    const q = f.q?.trim().toLowerCase();
    const all = (await this.latestVerdicts()).map((l) => ({ l, region: this.regionOf(l.v.name, l.host) })).filter(({ l, region }) =>
      (!q || l.host.toLowerCase().includes(q) || (l.v.name ?? '').toLowerCase().includes(q))
      && (!f.verdict || l.verdict === f.verdict)
      && (!f.region || (region.code ?? '').startsWith(f.region) || (region.name ?? '').includes(f.region))
      && (!f.level || region.level === f.level));
    const slice = all.slice((page - 1) * size, page * size);
    const hosts = slice.map((x) => x.l.host);
    const holding = await holdingCounts(this.store);
    const trend = new Map<string, PortalListRow['trend']>();
    for (const part of chunks(hosts, 500)) {
      const rows = await this.rows(`SELECT v.host, v.run_id, v.passed, v.verdict, r.now FROM verdicts v JOIN runs r ON r.id = v.run_id
        WHERE v.host IN (${part.map(() => '?').join(', ')}) ORDER BY v.run_id`, part);
      for (const r of rows) (trend.get(String(r.host)) ?? trend.set(String(r.host), []).get(String(r.host))!).push({ run: Number(r.run_id), judgedOn: String(r.now), verdict: stateOf(r.passed, String(r.verdict)) });
    }
    return {
      total: all.length, page, size,
      rows: slice.map(({ l, region }) => ({
        host: l.host, name: l.v.name, homeUrl: l.v.homeUrl, run: l.run, judgedOn: l.judgedOn, verdict: l.verdict,
        failedRules: l.v.rules.filter((r) => r.failed).map((r) => r.id), region: region.code, regionName: region.name, level: region.level,
        alerts: holding.get(l.host) ?? 0, trend: trend.get(l.host) ?? [],
      })),
    };
  }

  /** One portal: its latest verdict and every leaf column across runs, with items per month and gaps of its latest run. */
  async portal(host: string, category?: string) {
    const latest = (await this.latestVerdicts()).find((l) => l.host === host);
    if (!latest) return null;
    const snaps = await this.rows(`SELECT c.run_id, c.column_key, c.name, c.url, c.category, c.status, c.item_count, c.newest, c.per_month, c.is_parent, r.now
      FROM columns c JOIN runs r ON r.id = c.run_id WHERE c.host = ? ORDER BY c.run_id, c.column_key`, [host]);
    const lastRun = Math.max(...snaps.map((s) => Number(s.run_id)), latest.run);
    const dates = new Map<string, string[]>();
    // The latest run's item dates, read by the items' primary key (run, column) for this portal's columns only.
    const keys = [...new Set(snaps.filter((s) => Number(s.run_id) === lastRun).map((s) => String(s.column_key)))];
    for (const part of chunks(keys, 500)) {
      for (const r of await this.rows(`SELECT column_key, date FROM column_items WHERE run_id = ? AND column_key IN (${part.map(() => '?').join(', ')})
        AND date IS NOT NULL ORDER BY date`, [lastRun, ...part])) {
        (dates.get(String(r.column_key)) ?? dates.set(String(r.column_key), []).get(String(r.column_key))!).push(String(r.date));
      }
    }
    const cols = new Map<string, { key: string; name: string; url: string; category: string; limitDays: number | null; perMonth: Record<string, number>;
      gaps: { from: string; to: string; days: number }[]; runs: { run: number; judgedOn: string; status: string; items: number; newest: string | null; ageDays: number | null }[] }>();
    for (const s of snaps) {
      if (Number(s.is_parent) === 1) continue;
      if (category && s.category !== category) continue;
      const key = String(s.column_key);
      const c = cols.get(key) ?? { key, name: String(s.name), url: String(s.url), category: String(s.category), limitDays: limitFor(String(s.name), String(s.category), this.limits.get(host.toLowerCase())).days, perMonth: {}, gaps: [], runs: [] };
      const newest = s.newest === null ? null : String(s.newest);
      c.runs.push({ run: Number(s.run_id), judgedOn: String(s.now), status: String(s.status), items: Number(s.item_count), newest, ageDays: newest ? daysBetween(newest, String(s.now)) : null });
      if (Number(s.run_id) === lastRun) {
        c.perMonth = JSON.parse(String(s.per_month ?? '{}'));
        const ds = [...new Set(dates.get(key) ?? [])].sort();
        c.gaps = ds.slice(1).map((d, i) => ({ from: ds[i]!, to: d, days: daysBetween(ds[i]!, d) }));
      }
      cols.set(key, c);
    }
    // Reachability over the 7 days of runs up to the latest, and that run's dead links (health/site-health.ts).
    const run = await this.store.getRun(latest.run);
    const health = run ? (await siteHealth(this.store, run, [host])).get(host) ?? null : null;
    const region = this.regionOf(latest.v.name, host);
    return { host, name: latest.v.name, homeUrl: latest.v.homeUrl, verdict: latest.verdict, judgedOn: latest.judgedOn, run: latest.run, rules: latest.v.rules,
      region: region.code, regionName: region.name, level: region.level,
      reachability: health?.reachability ?? null, deadLinks: health?.deadLinks ?? null, alerts: await portalAlerts(this.store, host), columns: [...cols.values()] };
  }

  /** Primary reports of each portal's latest run, per agency and year, with finding counts. */
  async reports(f: { q?: string; agency?: string; year?: number; host?: string; page?: number; size?: number; max?: number }) {
    const size = Math.min(Math.max(f.size ?? 50, 1), f.max ?? 500), page = Math.max(f.page ?? 1, 1);
    const where: string[] = ['d.is_primary = 1'];
    const params: unknown[] = [];
    if (f.host) { where.push('d.host = ?'); params.push(f.host); }
    if (f.agency) { where.push('d.agency = ?'); params.push(f.agency); }
    if (f.year) { where.push('d.year = ?'); params.push(f.year); }
    if (f.q) { where.push('(d.agency LIKE ? OR d.list_title LIKE ?)'); params.push(`%${f.q}%`, `%${f.q}%`); }
    const from = `FROM documents d JOIN (SELECT host, MAX(run_id) AS run_id FROM documents GROUP BY host) m ON m.host = d.host AND m.run_id = d.run_id WHERE ${where.join(' AND ')}`;
    const total = Number((await this.rows(`SELECT COUNT(*) AS n ${from}`, params))[0]?.n ?? 0);
    const rows = await this.rows(`SELECT d.run_id, d.url, d.host, d.agency, d.year, d.published_at, d.kind, d.score, d.list_title ${from}
      ORDER BY d.agency, d.year LIMIT ? OFFSET ?`, [...params, size, (page - 1) * size]);
    const counts = new Map<string, Record<string, number>>();
    for (const keys of chunks(rows.map((r) => [r.run_id, r.url]), 400)) {
      const fr = await this.rows(`SELECT run_id, doc_url, severity, COUNT(*) AS n FROM findings WHERE ${keys.map(() => '(run_id = ? AND doc_url = ?)').join(' OR ')}
        GROUP BY run_id, doc_url, severity`, keys.flat());
      for (const r of fr) {
        const k = `${r.run_id} ${r.doc_url}`;
        (counts.get(k) ?? counts.set(k, {}).get(k)!)[String(r.severity)] = Number(r.n);
      }
    }
    return {
      total, page, size,
      rows: rows.map((r) => {
        const c = counts.get(`${r.run_id} ${r.url}`) ?? {};
        return { run: Number(r.run_id), url: String(r.url), host: String(r.host), agency: r.agency === null ? null : String(r.agency), year: r.year === null ? null : Number(r.year),
          publishedAt: r.published_at === null ? null : String(r.published_at), kind: r.kind === null ? null : String(r.kind), score: r.score === null ? null : Number(r.score),
          title: r.list_title === null ? null : String(r.list_title), errors: c.error ?? 0, warnings: c.warning ?? 0, infos: c.info ?? 0 };
      }),
    };
  }

  private indexedKey: string | null = null;

  /** Signs the store's unsigned reports (similar/store.ts) once per new or finished run. */
  private async indexCopies(): Promise<void> {
    const k = (await this.rows("SELECT MAX(id) AS id, COUNT(*) AS n, SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done FROM runs"))[0]!;
    const key = `${k.id}/${k.n}/${k.done}`;
    if (this.indexedKey === key) return;
    await indexReports(this.store);
    this.indexedKey = key;
  }

  /** One report (a run's document) with every finding and its evidence, and its near copies in other agencies' reports. */
  async report(run: number, url: string) {
    const d = (await this.rows('SELECT run_id, url, host, agency, year, published_at, kind, score, list_title, via_url FROM documents WHERE run_id = ? AND url = ?', [run, url]))[0];
    if (!d) return null;
    const findings = (await this.rows('SELECT n, check_id, severity, message_zh, message_en, evidence FROM findings WHERE run_id = ? AND doc_url = ? ORDER BY n', [run, url]))
      .map((f) => ({ n: Number(f.n), checkId: String(f.check_id), severity: String(f.severity), zh: String(f.message_zh), en: String(f.message_en), evidence: f.evidence === null ? null : JSON.parse(String(f.evidence)) as unknown }));
    return { run, url, host: String(d.host), agency: d.agency === null ? null : String(d.agency), year: d.year === null ? null : Number(d.year),
      publishedAt: d.published_at === null ? null : String(d.published_at), kind: d.kind === null ? null : String(d.kind), score: d.score === null ? null : Number(d.score),
      title: d.list_title === null ? null : String(d.list_title), viaUrl: d.via_url === null ? null : String(d.via_url), findings, copies: await this.copies(run, url) };
  }

  private async copies(run: number, url: string) {
    await this.indexCopies();
    return (await copiesOf(this.store, run, url)).map((c) => ({ ...c, ...copyText(c) }));
  }
}
