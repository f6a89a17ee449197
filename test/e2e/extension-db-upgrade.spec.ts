/**
 * The history store's v3 upgrade, run by the extension's own Dexie code in Chromium on a database
 * left by v2 (made here with plain IndexedDB, as v2 stored it): a v2 link (agency only) becomes a
 * link on each site holding the agency's own years (not on the linked sites), imports get ids of
 * their own (`import:<site>|…`), and no entry is lost or changed otherwise.
 */
import { expect, test } from '@playwright/test';
import { launchLab, type Lab } from '../fixtures/extension/harness.ts';

let lab: Lab | null = null;
test.afterEach(async () => { await lab?.close(); lab = null; });

const HOME = 'http://www.example.gov.cn';
const MIRROR = 'http://archive.example.gov.cn';
const OTHER = 'http://other.example.gov.cn';
const AGENCY = '嘉兴市水利局';

test('a v2 database is upgraded to v3: links per (agency, home site), imports under ids of their own, nothing lost', async () => {
  lab = await launchLab();
  const v2 = [
    { site: HOME, agency: AGENCY, year: 2020, url: `${HOME}/2020.htm`, origin: 'page' },
    { site: MIRROR, agency: AGENCY, year: 2019, url: `${MIRROR}/2019.htm`, origin: 'page' },
    { site: OTHER, agency: AGENCY, year: 2018, url: `${OTHER}/2018.htm`, origin: 'fetched' },
    { site: 'http://import.example.gov.cn', agency: AGENCY, year: 2017, url: 'http://import.example.gov.cn/2017.htm', origin: 'import' },
    { site: HOME, agency: '嘉兴市生态环境局', year: 2020, url: `${HOME}/eco.htm`, origin: 'page' },
  ].map((e) => ({ ...e, id: `${e.site}|${e.agency}|${e.year}|${e.url}`, checkedAt: '2026-01-01T00:00:00.000Z' }));
  // v2's trust row: the bureau's years on the mirror were allowed into its checks (on any site, as v2 had it).
  const trust = [{ agency: AGENCY, sites: [MIRROR] }];

  const after = await lab.sw.evaluate(async ({ v2, trust }) => {
    const db = (globalThis as unknown as { lensDb: { close(): void; open(): Promise<unknown>; reports: { toArray(): Promise<{ id: string; site: string; year: number; origin: string }[]> }; links: { toArray(): Promise<unknown[]> }; verno: number } }).lensDb;
    db.close();
    const req = (r: IDBRequest | IDBOpenDBRequest) => new Promise<unknown>((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    await req(indexedDB.deleteDatabase('gongkai-lens'));
    // Dexie keeps version n as IndexedDB version n × 10, with the v2 stores and indexes.
    const open = indexedDB.open('gongkai-lens', 20);
    open.onupgradeneeded = () => {
      const idb = open.result;
      const reports = idb.createObjectStore('reports', { keyPath: 'id' });
      for (const k of ['site', 'agency', 'year', 'checkedAt']) reports.createIndex(k, k);
      reports.createIndex('[site+agency]', ['site', 'agency']);
      reports.createIndex('[agency+year]', ['agency', 'year']);
      idb.createObjectStore('trust', { keyPath: 'agency' });
    };
    const idb = (await req(open)) as IDBDatabase;
    const tx = idb.transaction(['reports', 'trust'], 'readwrite');
    for (const e of v2) tx.objectStore('reports').put(e);
    for (const t of trust) tx.objectStore('trust').put(t);
    await new Promise<void>((ok, no) => { tx.oncomplete = () => ok(); tx.onerror = () => no(tx.error); });
    idb.close();
    await db.open();
    return { verno: db.verno, reports: (await db.reports.toArray()).map((e) => `${e.id} ${e.origin}`).sort(), links: await db.links.toArray() };
  }, { v2, trust });

  expect(after.verno).toBe(3);
  expect(after.reports).toEqual([
    `${HOME}|${AGENCY}|2020|${HOME}/2020.htm page`,
    `${HOME}|嘉兴市生态环境局|2020|${HOME}/eco.htm page`,
    `${MIRROR}|${AGENCY}|2019|${MIRROR}/2019.htm page`,
    `${OTHER}|${AGENCY}|2018|${OTHER}/2018.htm fetched`,
    `import:http://import.example.gov.cn|${AGENCY}|2017|http://import.example.gov.cn/2017.htm import`,
  ].sort());
  // The link lands on the sites holding the bureau's own years (www and other), not on the mirror itself; imports never make a home.
  expect(after.links).toEqual(expect.arrayContaining([
    { agency: AGENCY, home: HOME, sites: [MIRROR] },
    { agency: AGENCY, home: OTHER, sites: [MIRROR] },
  ]));
  expect(after.links).toHaveLength(2);
});
