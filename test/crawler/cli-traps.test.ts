/**
 * No trap loses data: commands that read a crawl never create a database, `demo --out` never deletes
 * what it did not make, path mistakes are usage errors (exit 2, one line on stderr, no stack trace),
 * and reparse goes on past missing raw files and names them.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../fixtures/portal/server.js';
import { removeTempDirs, tempDir } from './helpers.js';
import { runCli, spawnCli, type CliResult } from './cli-helpers.js';
import { DEMO_MARKER, prepareDemoOut } from '../../crawler/src/cli/demo-out.js';
import { BlobStore } from '../../crawler/src/store/blobs.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';

let portal: Portal;
let dir: string;
/** A store holding one finished crawl of one agency's 年报 column (8 documents, with their blobs). */
let crawled: string;

/** Exit 2 with exactly one line on stderr matching `msg`, and no stack trace. */
const usage = (r: CliResult, msg: RegExp) => {
  expect(r.code, r.err).toBe(2);
  expect(r.err.trimEnd().split('\n'), r.err).toHaveLength(1);
  expect(r.err).toMatch(msg);
  expect(r.err).not.toMatch(/internal error|\n\s+at /);
};

beforeAll(async () => {
  portal = await startPortal({ port: 0 });
  dir = tempDir('traps');
  crawled = join(dir, 'crawl', 'gongkai.db');
  const r = await runCli('crawl', 'http://sthjj.jiaxing.example.gov.cn/zwgk/zfxxgk/zfxxgknb/', '--db', crawled, '--now', portal.now,
    '--delay', '0', '--quiet', '--json', ...portal.resolve.flatMap((x) => ['--resolve', x]));
  expect(r.code, r.err).toBe(0);
});
afterAll(async () => {
  removeTempDirs();
  await portal?.close();
});

describe('commands that read a crawl never create a database', () => {
  it.each([
    ['export', ['--format', 'json', '--out', '-']],
    ['summary', ['--out', 'SUMMARY']],
    ['reparse', []],
  ])('%s with a missing --db: exit 2 naming the path; nothing created', async (cmd, extra) => {
    const db = join(dir, `no-${cmd}`, 'gongkai.db');
    mkdirSync(join(dir, `no-${cmd}`), { recursive: true });
    const r = await runCli(cmd, '--db', db, ...extra.map((a) => a.replace('SUMMARY', join(dir, `${cmd}.html`))));
    usage(r, new RegExp(`gongkai ${cmd}: --db: no database at ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(run gongkai crawl first`));
    expect(existsSync(db)).toBe(false);
    expect(existsSync(join(dir, `no-${cmd}`, 'blobs'))).toBe(false);
    expect(existsSync(join(dir, `${cmd}.html`))).toBe(false);
  });

  it('a directory given as --db is a usage error, for readers and for crawl', async () => {
    usage(await runCli('export', '--format', 'json', '--db', dir), /--db: .* is a directory, not a file/);
    usage(await runCli('crawl', 'http://www.example.gov.cn/', '--db', dir), /--db: .* is a directory, not a file/);
  });

  it('the real bin: one line on stderr, exit 2, no database file', async () => {
    const r = await spawnCli(dir, ['summary', '--db', 'missing.db']);
    usage(r, /^gongkai summary: --db: no database at .*missing\.db/);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
  });
});

describe('a store written by a newer gongkai', () => {
  it('is refused with one line naming the versions (exit 2), and left as it was', async () => {
    const newer = join(tempDir('newer'), 'gongkai.db');
    writeFileSync(newer, readFileSync(crawled));
    const db = new (await import('better-sqlite3')).default(newer);
    db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01')").run();
    db.close();
    const before = readFileSync(newer);
    usage(await runCli('export', '--db', newer, '--format', 'json', '--out', join(dir, 'newer.json')), /schema version 999, newer than this gongkai knows/);
    expect(readFileSync(newer).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'newer.json'))).toBe(false);
  });
});

describe('path mistakes are usage errors', () => {
  it('crawl: --portals missing, a directory, or empty; --db under a file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    writeFileSync(join(dir, 'empty-portals.txt'), '# nothing yet\n\n');
    usage(await runCli('crawl', '--portals', join(dir, 'nope.txt')), /--portals: no such file: .*nope\.txt/);
    usage(await runCli('crawl', '--portals', dir), /--portals: .* is a directory, not a file/);
    usage(await runCli('crawl', '--portals', join(dir, 'empty-portals.txt')), /--portals: no URLs in .*empty-portals\.txt/);
    usage(await runCli('crawl', 'http://www.example.gov.cn/', '--db', join(file, 'x', 'gongkai.db')), /--db: .*a-file is a file, not a folder/);
    usage(await runCli('columns', 'http://www.example.gov.cn/', '--db', join(dir, 'c.db'), '--blobs', file), /--blobs: .*a-file is a file, not a folder/);
    expect(existsSync(join(dir, 'c.db'))).toBe(false);
  });

  it('export: --out in a missing folder, a directory for a file, a file for the csv folder', async () => {
    const file = join(dir, 'exists.txt');
    writeFileSync(file, 'keep me');
    usage(await runCli('export', '--format', 'json', '--db', crawled, '--out', join(dir, 'missing', 'e.json')), /--out: folder .*missing does not exist/);
    usage(await runCli('export', '--format', 'csv', '--db', crawled, '--out', join(dir, 'missing', 'csv')), /--out: folder .*missing does not exist/);
    usage(await runCli('export', '--format', 'xlsx', '--db', crawled, '--out', dir), /--out: .* is a directory; give a file name/);
    usage(await runCli('export', '--format', 'csv', '--db', crawled, '--out', file), /--out: .*exists\.txt is a file, not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    const ok = await runCli('export', '--format', 'json', '--db', crawled, '--out', join(dir, 'e.json'));
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'e.json'), 'utf8')).schema).toBe('gongkai.crawl/1');
  });

  it('summary: --out a directory or in a missing folder', async () => {
    usage(await runCli('summary', '--db', crawled, '--out', dir), /--out: .* is a directory; give a file name/);
    usage(await runCli('summary', '--db', crawled, '--out', join(dir, 'missing', 's.html')), /--out: folder .*missing does not exist/);
  });

  it('parse: a missing --history is a usage error before the report is read', async () => {
    usage(await runCli('parse', join(dir, 'no-report.html'), '--history', join(dir, 'no-history')), /--history: no such file or directory: .*no-history/);
  });
});

describe('reparse', () => {
  it('goes on past missing raw files, keeps their earlier results and names them', async () => {
    const store = new SqliteStore(crawled);
    const before = store.documents(store.listRuns()[0]!.id);
    store.close();
    expect(before.length).toBeGreaterThan(3);
    const blobs = new BlobStore(join(dir, 'crawl', 'blobs'));
    const gone = before.filter((d) => d.report).slice(0, 2);
    for (const d of gone) rmSync(blobs.path(d.sha256));

    const r = await runCli('reparse', '--db', crawled, '--json');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`gongkai reparse: 2 of ${before.length} documents have no raw file in ${blobs.dir}; their earlier results are kept:`);
    for (const d of gone) expect(r.err).toContain(`  ${d.url}\n`);
    const j = JSON.parse(r.out);
    expect(j.reparse).toEqual({ documents: before.length, parsed: before.filter((d) => d.report).length, missingBlobs: gone.map((d) => d.url) });

    const again = new SqliteStore(crawled);
    const after = again.documents(again.listRuns()[0]!.id);
    again.close();
    for (const d of gone) expect(after.find((a) => a.url === d.url)!.report).toBe(d.report);
  });

  it('a --blobs folder that does not exist is a usage error', async () => {
    usage(await runCli('reparse', '--db', crawled, '--blobs', join(dir, 'no-blobs')), /--blobs: no such folder: .*no-blobs/);
  });
});

describe('demo --out never deletes what the demo did not create', () => {
  it('refuses a real crawl folder, a file, a missing parent — before the portal starts, without hanging', async () => {
    const real = join(dir, 'gongkai-data');
    mkdirSync(join(real, 'blobs'), { recursive: true });
    writeFileSync(join(real, 'gongkai.db'), 'a real crawl');
    writeFileSync(join(dir, 'plain-file'), 'x');
    const [crawlDir, file, parent] = await Promise.all([
      spawnCli(dir, ['demo', '--out', 'gongkai-data']),
      spawnCli(dir, ['demo', '--out', 'plain-file']),
      spawnCli(dir, ['demo', '--out', join('no-such-parent', 'demo')]),
    ]);
    usage(crawlDir, /--out: .*gongkai-data is not empty and not an earlier demo's output \(no \.gongkai-demo file\)/);
    usage(file, /--out: .*plain-file is a file, not a folder/);
    usage(parent, /--out: folder .*no-such-parent does not exist/);
    for (const r of [crawlDir, file, parent]) expect(r.err).not.toMatch(/Demo portal on/);
    expect(readFileSync(join(real, 'gongkai.db'), 'utf8')).toBe('a real crawl');
    expect(existsSync(join(real, DEMO_MARKER))).toBe(false);
  });

  it('uses a new or empty folder and marks it; on reuse replaces only its own database', () => {
    const fresh = join(dir, 'demo-new');
    expect(prepareDemoOut(fresh)).toBe(fresh);
    expect(readFileSync(join(fresh, DEMO_MARKER), 'utf8')).toMatch(/gongkai demo/);
    const empty = join(dir, 'demo-empty');
    mkdirSync(empty);
    prepareDemoOut(empty);
    expect(existsSync(join(empty, DEMO_MARKER))).toBe(true);

    writeFileSync(join(fresh, 'gongkai.db'), 'last demo');
    writeFileSync(join(fresh, 'gongkai.db-wal'), 'wal');
    writeFileSync(join(fresh, 'my-notes.txt'), 'mine');
    prepareDemoOut(fresh);
    expect(existsSync(join(fresh, 'gongkai.db'))).toBe(false);
    expect(existsSync(join(fresh, 'gongkai.db-wal'))).toBe(false);
    expect(readFileSync(join(fresh, 'my-notes.txt'), 'utf8')).toBe('mine');
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder it cannot write in (not testable as root)', () => {
    const ro = join(dir, 'read-only');
    mkdirSync(ro, { mode: 0o500 });
    expect(() => prepareDemoOut(join(ro, 'demo'))).toThrow(/--out: cannot write in .*read-only \(permission denied\)/);
  });
});
