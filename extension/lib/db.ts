/**
 * The history store: IndexedDB through Dexie, in the extension's own origin (background, popup and
 * options pages share it; content scripts reach it through messages).
 */
import Dexie, { type Table } from 'dexie';
import type { HistoryEntry, Summary } from './history-model';
import { sameAgency } from './agency';

export class LensDb extends Dexie {
  reports!: Table<HistoryEntry, string>;
  constructor() {
    super('gongkai-lens');
    this.version(1).stores({ reports: '&id, agency, year, [agency+year], checkedAt' });
  }
}

let db: LensDb | null = null;
export function getDb(): LensDb {
  db ??= new LensDb();
  return db;
}

export async function putEntry(e: HistoryEntry): Promise<void> {
  await getDb().reports.put(e);
}

export async function agencyEntries(agency: string): Promise<HistoryEntry[]> {
  return getDb().reports.where('agency').equals(agency).sortBy('year');
}

export async function allEntries(): Promise<HistoryEntry[]> {
  return getDb().reports.orderBy('[agency+year]').toArray();
}

export async function clearHistory(): Promise<void> {
  await getDb().reports.clear();
}

/** Display only (a column's list): shortened names match their full form. History itself keys by the exact name. */
export async function scoresFor(names: readonly string[]): Promise<Record<string, Record<number, Summary>>> {
  const out: Record<string, Record<number, Summary>> = {};
  const all = await getDb().reports.toArray();
  for (const name of names.slice(0, 50)) {
    for (const e of all) {
      if (e.summary && sameAgency(name, e.agency)) (out[name] ??= {})[e.year] = e.summary;
    }
  }
  return out;
}
