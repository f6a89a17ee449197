/**
 * The history store: IndexedDB through Dexie, in the extension's own origin (background, popup and
 * options pages share it; content scripts reach it through messages). An agency's years are kept per
 * site; `trust` records the other sites whose years the user allowed into an agency's checks.
 */
import Dexie, { type Table } from 'dexie';
import { entryId, siteOf, type HistoryEntry, type Summary } from './history-model';
import { sameAgency } from './agency';

/** The user's links: an agency's reports on these other sites may be used in its cross-year checks. */
export interface TrustRow { agency: string; sites: string[] }

export class LensDb extends Dexie {
  reports!: Table<HistoryEntry, string>;
  trust!: Table<TrustRow, string>;
  constructor() {
    super('gongkai-lens');
    this.version(1).stores({ reports: '&id, agency, year, [agency+year], checkedAt' });
    // v2: entries per site (id `${site}|${agency}|${year}|${url}`); earlier entries get their URL's origin.
    this.version(2).stores({ reports: '&id, site, agency, year, [site+agency], [agency+year], checkedAt', trust: '&agency' }).upgrade(async (tx) => {
      const table = tx.table<HistoryEntry & { site?: string }, string>('reports');
      const old = await table.toArray();
      await table.clear();
      await table.bulkPut(old.map((e) => {
        const site = e.site ?? siteOf(e.url) ?? 'unknown';
        return { ...e, site, id: entryId(site, e.agency, e.year, e.url) };
      }));
    });
  }
}

let db: LensDb | null = null;
export function getDb(): LensDb {
  db ??= new LensDb();
  return db;
}

/** Stores an entry under its own id: the same document checked again replaces itself; another document of that year is kept beside it. */
export async function putEntry(e: HistoryEntry): Promise<void> {
  await getDb().reports.put({ ...e, id: entryId(e.site, e.agency, e.year, e.url) });
}

/** An agency's entries on `site` and on the sites the user linked to it. */
export async function agencyEntries(site: string, agency: string): Promise<{ entries: HistoryEntry[]; trusted: string[] }> {
  const trusted = (await getDb().trust.get(agency))?.sites ?? [];
  const entries = await getDb().reports.where('agency').equals(agency).filter((e) => e.site === site || trusted.includes(e.site)).sortBy('year');
  return { entries, trusted };
}

export async function allEntries(): Promise<HistoryEntry[]> {
  return getDb().reports.orderBy('[agency+year]').toArray();
}

export async function trustedSites(agency: string): Promise<string[]> {
  return (await getDb().trust.get(agency))?.sites ?? [];
}

/** Lets `site`'s years of `agency` into that agency's cross-year checks (or takes them out again). */
export async function setTrusted(agency: string, site: string, on: boolean): Promise<void> {
  const cur = await trustedSites(agency);
  const sites = on ? [...new Set([...cur, site])] : cur.filter((s) => s !== site);
  await getDb().trust.put({ agency, sites });
}

export async function clearHistory(): Promise<void> {
  await getDb().reports.clear();
  await getDb().trust.clear();
}

/** Display only (a column's list on `site`): shortened names match their full form. */
export async function scoresFor(site: string, names: readonly string[]): Promise<Record<string, Record<number, Summary>>> {
  const out: Record<string, Record<number, Summary>> = {};
  const all = await getDb().reports.where('site').equals(site).toArray();
  for (const name of names.slice(0, 50)) {
    for (const e of all) {
      if (e.summary && sameAgency(name, e.agency)) (out[name] ??= {})[e.year] = e.summary;
    }
  }
  return out;
}
