/**
 * What the national check-list asks of a site that a crawl can observe beyond its columns, read from
 * the store's runs (no extra fetching):
 * - reachability over time (一周监测): per portal, of the runs judged in the last 7 days up to a run,
 *   the share whose probe of the home page failed — a network fault (refused, reset, DNS, TLS), a
 *   timeout or a 5xx answer, after the crawl's retries. The section page's failed probes are counted
 *   beside it (a probe is a run that fetched or tried the section page).
 * - dead links inside the disclosure section: in one run, the section candidates, column pages,
 *   reports and attachments that answered 404/410 or could not be reached (network, DNS, TLS, timeout).
 * A probe is a run that has the portal's home page in its frontier: a `portals` row (fetched) or a
 * failed home task.
 */
import { daysBetween } from '@gongkai/shared';
import type { Run, Store } from '../store/types.js';

/** The window of the 一周监测 rule, in days (the run's judging day and the six before it). */
export const REACH_WINDOW_DAYS = 7;

/** Fault kinds that make a page unreachable (an HTTP 5xx answer counts too). */
const UNREACHABLE_KINDS = new Set(['network', 'dns', 'tls', 'timeout']);
/** A link is dead when it answered one of these or could not be reached. */
const DEAD_STATUS = new Set([404, 410]);

export interface FailedProbe { run: number; judgedOn: string; url: string; error: string }

export interface Reachability {
  windowDays: number;
  /** Judging days of the window: from … to (the run's). */
  from: string; to: string;
  /** Runs in the window that probed the home page, and those whose probe failed. */
  probes: number; failed: number;
  /** failed / probes (null without a probe). */
  share: number | null;
  sectionProbes: number; sectionFailed: number;
  /** The failed probes (home and section), oldest first. */
  failures: (FailedProbe & { page: 'home' | 'section' })[];
}

export interface DeadLink { url: string; kind: string; status: number | null; error: string }
export interface DeadLinks { run: number; count: number; examples: DeadLink[] }

export interface SiteHealth { host: string; reachability: Reachability; deadLinks: DeadLinks }

interface FailRow { run: number; url: string; kind: string; errorKind: string; status: number | null; error: string; portal: string }

/** The HTTP status of a failed task (the store keeps the fault's label, `http-404`, beside the status). */
const statusOf = (f: { errorKind: string; status: number | null }): number | null =>
  f.status ?? (/^http-(\d{3})$/.exec(f.errorKind) ? Number(f.errorKind.slice(5)) : null);
/**
 * A failed task whose page could not be reached (network fault, timeout, 5xx) — also when the site
 * did not even serve its robots.txt (a 5xx or a fault there: `robots` … "could not be read", the crawl
 * then never asks for the page; a robots.txt that forbids the page is not a fault of the site).
 */
export const unreachable = (f: { errorKind: string; status: number | null; error?: string }): boolean =>
  UNREACHABLE_KINDS.has(f.errorKind) || (f.errorKind.startsWith('http-') && (statusOf(f) ?? 0) >= 500)
  || (f.errorKind === 'robots' && (f.error ?? '').includes('could not be read'));
/** A failed task whose link is dead: 404/410, or it could not be reached at all (not a 5xx: the server answered). */
export const deadLink = (f: { errorKind: string; status: number | null }): boolean =>
  UNREACHABLE_KINDS.has(f.errorKind) || (f.errorKind.startsWith('http-') && DEAD_STATUS.has(statusOf(f) ?? 0));

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Failed tasks of some kinds (`skipped` too: a page the crawl never asked for because robots.txt could not be read). */
async function failedTasks(store: Store, runIds: number[], kinds: string[], states: string[]): Promise<FailRow[]> {
  if (!runIds.length) return [];
  const rows = await store.select(`SELECT run_id, url, kind, error_kind, http_status, error, meta FROM frontier
    WHERE run_id IN (${marks(runIds.length)}) AND state IN (${marks(states.length)}) AND kind IN (${marks(kinds.length)}) ORDER BY run_id, seq`, [...runIds, ...states, ...kinds]);
  return rows.map((r) => ({
    run: Number(r.run_id), url: String(r.url), kind: String(r.kind), errorKind: String(r.error_kind ?? ''),
    status: r.http_status === null || r.http_status === undefined ? null : Number(r.http_status), error: String(r.error ?? ''),
    portal: String((JSON.parse(String(r.meta)) as { portal?: string }).portal ?? ''),
  }));
}

/** The finished runs (and `run` itself) judged within the window ending on `run`'s judging day. */
export async function windowRuns(store: Store, run: Run, days = REACH_WINDOW_DAYS): Promise<Run[]> {
  return (await store.listRuns()).filter((r) => (r.id === run.id || (r.status === 'done' && r.id < run.id))
    && daysBetween(r.now, run.now) >= 0 && daysBetween(r.now, run.now) < days);
}

/**
 * Reachability and dead links of the portals `run` probed (or only `hosts` of them): one entry per
 * portal. One query per table, bounded by the window's runs.
 */
export async function siteHealth(store: Store, run: Run, hosts?: string[]): Promise<Map<string, SiteHealth>> {
  const runs = await windowRuns(store, run);
  const ids = runs.map((r) => r.id);
  const dateOf = new Map(runs.map((r) => [r.id, r.now]));
  const only = hosts ? new Set(hosts) : null;
  const hostFilter = hosts?.length ? ` AND host IN (${marks(hosts.length)})` : '';
  const portalRows = await store.select(`SELECT run_id, host, section_url FROM portals WHERE run_id IN (${marks(ids.length)})${hostFilter}`, [...ids, ...(hosts ?? [])]);
  const pageFails = (await failedTasks(store, ids, ['home', 'section'], ['failed', 'skipped'])).filter((f) => !only || only.has(f.portal));
  const dead = (await failedTasks(store, [run.id], ['section', 'column', 'report', 'attachment'], ['failed'])).filter((f) => !only || only.has(f.portal));

  const probed = new Map<string, Set<number>>(); // host → runs that probed its home page
  const sectionProbed = new Map<string, Set<number>>();
  const add = (m: Map<string, Set<number>>, host: string, id: number) => (m.get(host) ?? m.set(host, new Set()).get(host)!).add(id);
  for (const p of portalRows) {
    add(probed, String(p.host), Number(p.run_id));
    if (p.section_url !== null && p.section_url !== undefined) add(sectionProbed, String(p.host), Number(p.run_id));
  }
  const failedHome = new Map<string, Map<number, FailRow>>();
  const failedSection = new Map<string, Map<number, FailRow>>();
  for (const f of pageFails) {
    if (f.kind === 'home') add(probed, f.portal, f.run);
    else add(sectionProbed, f.portal, f.run);
    if (!unreachable(f)) continue;
    const m = f.kind === 'home' ? failedHome : failedSection;
    const byRun = m.get(f.portal) ?? m.set(f.portal, new Map()).get(f.portal)!;
    if (!byRun.has(f.run)) byRun.set(f.run, f);
  }
  const out = new Map<string, SiteHealth>();
  const from = runs[0]?.now ?? run.now;
  for (const [host, runIds] of probed) {
    if ((only && !only.has(host)) || !runIds.has(run.id)) continue; // portals this run probed (other seeds' runs share the store)
    const home = failedHome.get(host) ?? new Map<number, FailRow>();
    const section = failedSection.get(host) ?? new Map<number, FailRow>();
    // A section probe that failed counts even when its run fetched the section page another way.
    const sectionRuns = new Set([...(sectionProbed.get(host) ?? [])]);
    const failures = [...[...home.values()].map((f) => ({ ...f, page: 'home' as const })), ...[...section.values()].map((f) => ({ ...f, page: 'section' as const }))]
      .sort((a, b) => a.run - b.run || a.page.localeCompare(b.page))
      .map((f) => ({ run: f.run, judgedOn: dateOf.get(f.run) ?? '', url: f.url, error: f.error || f.errorKind, page: f.page }));
    const deadHere = dead.filter((f) => f.portal === host && deadLink(f));
    out.set(host, {
      host,
      reachability: {
        windowDays: REACH_WINDOW_DAYS, from, to: run.now, probes: runIds.size, failed: home.size,
        share: runIds.size ? home.size / runIds.size : null, sectionProbes: sectionRuns.size, sectionFailed: section.size, failures,
      },
      deadLinks: { run: run.id, count: deadHere.length, examples: deadHere.slice(0, 5).map((f) => ({ url: f.url, kind: f.kind, status: f.status, error: f.error || f.errorKind })) },
    });
  }
  return out;
}

/** "2/7 (29%)" — a share in words for text outputs. */
export function shareText(r: Reachability): string {
  return r.share === null ? '—' : `${r.failed}/${r.probes} (${Math.round(r.share * 100)}%)`;
}
