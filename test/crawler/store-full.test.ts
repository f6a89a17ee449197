/**
 * A store write that fails for want of space — SQLite's own SQLITE_FULL, the database held to a page
 * limit (`PRAGMA max_page_count`, set on the store's connection only) — stops the crawl with a
 * StoreWriteError and records nothing for the URL; the same store opened again (no limit) resumes the
 * run and ends with exactly what an uninterrupted crawl stores. Any other error a store call throws (a
 * bug) is not a full disk: it is not turned into a StoreWriteError (the CLI's exit 5, not 6).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlOptions } from '../../crawler/src/crawl/run.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { isStoreWriteFailure, StoreWriteError, storeWrite } from '../../crawler/src/store/write-error.js';
import type { Outcome } from '../../crawler/src/store/types.js';
import { closeLocalSites, localSite, removeTempDirs, tempDir } from './helpers.js';

const HOST = 'www.sf.gov.cn';
let addr = '';

const layout = (title: string, main: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><meta name="SiteName" content="三丰县人民政府"></head><body>${main}</body></html>`;
const list = (rows: [string, string, string][]) => layout('列表', `<ul class="list">${rows.map(([h, t, d]) => `<li><a href="${h}">${t}</a><span>${d}</span></li>`).join('')}</ul>`);
/** Long titles: every list row a few hundred bytes in the store, so a page limit is reached mid-crawl. */
const title = (col: string, i: number) => `三丰县${col}关于进一步做好${'政府信息公开和政务公开工作'.repeat(6)}的通知第${i + 1}号`;

beforeAll(async () => {
  const base = await localSite((_req, u) => {
    const p = u.pathname;
    if (p === '/robots.txt') return undefined;
    if (p === '/') return layout('三丰县人民政府', '<a href="/zfxxgk/">政府信息公开</a>');
    if (p === '/zfxxgk/') return layout('政府信息公开', `<div class="xxgk-nav"><ul>${[['政府信息公开指南', 'gkzn'], ['政府信息公开年报', 'zfxxgknb'],
      ['通知公告', 'tzgg'], ['政策文件', 'zcwj'], ['工作动态', 'gzdt'], ['人事信息', 'rsxx']].map(([n, k]) => `<li><a href="/zfxxgk/${k}/">${n}</a></li>`).join('')}</ul></div>`);
    if (p === '/zfxxgk/zfxxgknb/') return list([2024, 2023, 2022].map((y, i) => [`./${y}/t${y}0301_${i}.html`, `三丰县人民政府${y - 1}年政府信息公开工作年度报告`, `${y}-03-01`]));
    const rep = p.match(/^\/zfxxgk\/zfxxgknb\/(\d{4})\/t\d{8}_\d\.html$/);
    if (rep) return layout('年度报告', `<div class="article"><h1>三丰县人民政府${Number(rep[1]) - 1}年政府信息公开工作年度报告</h1><p>一、总体情况</p></div>`);
    const col = p.match(/^\/zfxxgk\/(gkzn|tzgg|zcwj|gzdt|rsxx)\/$/);
    if (col) return list(Array.from({ length: 40 }, (_, i) => [`./2024${String((i % 12) + 1).padStart(2, '0')}/t_${i}.html`, title(col[1]!, i), `2024-${String((i % 12) + 1).padStart(2, '0')}-05`]));
    return undefined;
  });
  addr = new URL(base).host;
});
afterAll(async () => { await closeLocalSites(); removeTempDirs(); });

const opts = (dir: string, store: SqliteStore): CrawlOptions => ({
  seeds: [`http://${HOST}/`], store, blobDir: join(dir, 'blobs'), now: '2025-06-30', resolve: new Map([[HOST, addr]]),
  delayMs: 0, perHost: 4, retries: 1, timeoutMs: 5000, backoffBaseMs: 10, browser: 'never', columnsOnly: false,
});

function snapshot(file: string) {
  const h = new Database(file, { readonly: true });
  const all = (sql: string) => (h.prepare(sql).all() as Record<string, unknown>[]).map((r) => Object.values(r).join(' | ')).sort();
  const out = {
    runs: all('SELECT id, status FROM runs'),
    frontier: all('SELECT url, mode, kind, state, error_kind FROM frontier'),
    items: all('SELECT column_key, url, date FROM column_items'),
    columns: all('SELECT column_key, status, item_count, newest FROM columns'),
    documents: all('SELECT url, sha256, kind FROM documents'),
  };
  h.close();
  return out;
}
const pages = (file: string) => { const h = new Database(file, { readonly: true }); const n = Number(h.pragma('page_count', { simple: true })); h.close(); return n; };
/** The store's own connection: the page limit is a setting of a connection, not of the file. */
const connection = (s: SqliteStore) => (s as unknown as { db: Database.Database }).db;

describe('a database that is full', () => {
  it('stops the crawl with SQLITE_FULL, keeps the URL pending, and the resumed run loses nothing', async () => {
    const ref = tempDir('store-full-ref');
    const refStore = new SqliteStore(join(ref, 'gongkai.db'));
    const empty = Number(connection(refStore).pragma('page_count', { simple: true }));
    await crawl(opts(ref, refStore));
    refStore.close();
    const want = snapshot(join(ref, 'gongkai.db'));
    const used = pages(join(ref, 'gongkai.db')) - empty;
    expect(used, 'pages the crawl writes').toBeGreaterThan(8);

    const dir = tempDir('store-full');
    const file = join(dir, 'gongkai.db');
    const full = new SqliteStore(file);
    connection(full).pragma(`max_page_count = ${empty + Math.floor(used / 2)}`);
    const err = await crawl(opts(dir, full)).then(() => null, (e: unknown) => e);
    full.close();
    expect(err).toBeInstanceOf(StoreWriteError);
    expect((err as StoreWriteError).code).toBe('SQLITE_FULL');
    expect((err as Error).message).toMatch(/^Could not write to the store \((recording|rescheduling|queueing) .*\): SQLITE_FULL: database or disk is full/);
    expect(isStoreWriteFailure(err)).toBe(true);
    const stopped = snapshot(file);
    expect(stopped.runs).toEqual(['1 | running']);
    expect(stopped.frontier.filter((r) => / \| (pending|leased) \| /.test(r)).length).toBeGreaterThan(0);
    expect(stopped.frontier.filter((r) => / \| (failed|skipped) \| /.test(r))).toEqual([]);
    expect(stopped.items.length).toBeLessThan(want.items.length);

    const again = new SqliteStore(file);
    const r = await crawl(opts(dir, again));
    again.close();
    expect(r).toMatchObject({ resumed: true, complete: true });
    const got = snapshot(file);
    expect(got.runs).toEqual(['1 | done']);
    expect(got.frontier).toEqual(want.frontier);
    expect(got.columns).toEqual(want.columns);
    expect(got.items).toEqual(want.items);
    expect(got.documents).toEqual(want.documents);
    expect(got.items.length).toBe(5 * 40 + 3);
  }, 60_000);
});

describe('what counts as a failed store write', () => {
  it('wraps storage failures of the file system, SQLite and PostgreSQL, and nothing else', async () => {
    const fail = (code: string) => storeWrite('recording x', () => { throw Object.assign(new Error(`failed (${code})`), { code }); }).then(() => null, (e: unknown) => e);
    for (const code of ['ENOSPC', 'EFBIG', 'EDQUOT', 'EIO', 'EROFS', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY', '53100', '58030']) {
      const e = await fail(code);
      expect(e, code).toBeInstanceOf(StoreWriteError);
      expect((e as StoreWriteError).code, code).toBe(code);
    }
    // A bug, a broken constraint, a lost connection: rethrown as they are, internal errors.
    for (const code of ['SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_ERROR', '23505', '42P01', 'ECONNRESET', 'ENOSPCX']) {
      const e = await fail(code);
      expect(e, code).not.toBeInstanceOf(StoreWriteError);
      expect(isStoreWriteFailure(e), code).toBe(false);
    }
    const bug = await storeWrite('recording x', () => (null as unknown as { a: () => void }).a()).then(() => null, (e: unknown) => e);
    expect(bug).toBeInstanceOf(TypeError);
    // A driver error that wraps the system error (cause) is judged by it.
    const wrapped = await storeWrite('recording x', () => { throw new Error('write failed', { cause: Object.assign(new Error('no space'), { code: 'ENOSPC' }) }); }).then(() => null, (e: unknown) => e);
    expect(wrapped).toBeInstanceOf(StoreWriteError);
  });

  it('stops a crawl whose store has a bug with that error, not as a full disk', async () => {
    const dir = tempDir('store-bug');
    const store = new SqliteStore(join(dir, 'gongkai.db'));
    const complete = store.complete.bind(store);
    // A programming error in recording a column page (both the outcome and the fault record fail).
    store.complete = (o: Outcome) => { if (o.task.kind === 'column') throw new TypeError('Cannot read properties of undefined (reading \'key\')'); return complete(o); };
    const err = await crawl(opts(dir, store)).then(() => null, (e: unknown) => e);
    store.close();
    expect(err).toBeInstanceOf(TypeError);
    expect(isStoreWriteFailure(err)).toBe(false);
  }, 60_000);
});
