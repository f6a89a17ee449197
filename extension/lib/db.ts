/**
 * The history store: IndexedDB through Dexie, in the extension's own origin (background, popup and
 * options pages share it; content scripts reach it through messages). An agency's years are kept per
 * site; `links` records, per agency and home site, the other sites (and imports) whose years the user
 * allowed into that agency's checks on that site. (`trust`, keyed by agency alone, is v2's: read by
 * the v3 upgrade only.)
 */
import Dexie, { type Table } from 'dexie';
import { entryId, idOf, linkKey, siteOf, type HistoryEntry, type Summary } from './history-model';
import { sameAgency } from './agency';

/** v2's links, by agency only (superseded by `LinkRow`). */
export interface TrustRow { agency: string; sites: string[] }

/**
 * The user's links: the agency's reports under these link keys (`linkKey`: another site's origin, or
 * `import:<origin>`) may be used in its cross-year checks on `home` — and on no other site.
 */
export interface LinkRow { agency: string; home: string; sites: string[] }

export class LensDb extends Dexie {
  reports!: Table<HistoryEntry, string>;
  trust!: Table<TrustRow, string>;
  links!: Table<LinkRow, [string, string]>;
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
    // v3: links per (agency, home site). A v2 link (agency only) becomes a link on each site that
    // holds the agency's own years (not on the linked sites themselves); imports get ids of their own.
    this.version(3).stores({ links: '[agency+home], agency' }).upgrade(async (tx) => {
      const reports = tx.table<HistoryEntry, string>('reports');
      const all = await reports.toArray();
      const imports = all.filter((e) => e.origin === 'import');
      await reports.bulkDelete(imports.map((e) => e.id));
      await reports.bulkPut(imports.map((e) => ({ ...e, id: idOf(e) })));
      const rows: LinkRow[] = [];
      for (const t of await tx.table<TrustRow, string>('trust').toArray()) {
        const homes = new Set(all.filter((e) => e.agency === t.agency && e.origin !== 'import' && !t.sites.includes(e.site)).map((e) => e.site));
        for (const home of homes) rows.push({ agency: t.agency, home, sites: [...t.sites] });
      }
      await tx.table<LinkRow, [string, string]>('links').bulkPut(rows);
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
  await getDb().reports.put({ ...e, id: idOf(e) });
}

/** An agency's entries on `site` and those the user linked to it on `site` (see `usableHistory` for which are used). */
export async function agencyEntries(site: string, agency: string): Promise<{ entries: HistoryEntry[]; trusted: string[] }> {
  const trusted = await trustedSites(agency, site);
  const entries = await getDb().reports.where('agency').equals(agency).filter((e) => e.site === site || trusted.includes(linkKey(e))).sortBy('year');
  return { entries, trusted };
}

export async function allEntries(): Promise<HistoryEntry[]> {
  return getDb().reports.orderBy('[agency+year]').toArray();
}

/** The link keys the user allowed into `agency`'s checks on `home`. */
export async function trustedSites(agency: string, home: string): Promise<string[]> {
  return (await getDb().links.get([agency, home]))?.sites ?? [];
}

/** Lets the years under link key `key` (`linkKey`) into `agency`'s cross-year checks on `home` (or takes them out again). */
export async function setTrusted(agency: string, home: string, key: string, on: boolean): Promise<void> {
  const cur = await trustedSites(agency, home);
  const sites = on ? [...new Set([...cur, key])] : cur.filter((s) => s !== key);
  await getDb().links.put({ agency, home, sites });
}

export async function allLinks(): Promise<LinkRow[]> {
  return getDb().links.toArray();
}

export async function clearHistory(): Promise<void> {
  await getDb().reports.clear();
  await getDb().trust.clear();
  await getDb().links.clear();
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
