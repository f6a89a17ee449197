/**
 * Kill and resume: the CLI crawling the demo portal is SIGKILLed twice mid-crawl and started again
 * with the same command; the finished store must equal an uninterrupted crawl's: nothing lost,
 * nothing duplicated, one run.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPortal, type Portal } from '../fixtures/portal/server.js';
import { crawlPortal, LOCAL, SLOW_MS, tempDir, removeTempDirs } from './helpers.js';

const BIN = resolve(import.meta.dirname, '..', '..', 'crawler', 'bin', 'gongkai.js');
let portal: Portal;

beforeAll(async () => {
  portal = await startPortal({ port: 0, slowMs: SLOW_MS });
});
afterAll(async () => {
  removeTempDirs();
  await portal?.close();
});

function cli(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return { child, exited, output: () => out };
}

/** Rows processed so far, read from the crawler's own database while it runs. */
function processed(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const h = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (h.prepare("SELECT COUNT(*) AS n FROM frontier WHERE state <> 'pending'").get() as { n: number }).n;
    } finally {
      h.close();
    }
  } catch {
    return 0; // schema not created yet
  }
}

async function killAt(args: string[], db: string, atLeast: number): Promise<void> {
  const p = cli(args);
  for (;;) {
    const r = await Promise.race([p.exited, new Promise((ok) => setTimeout(ok, 20, null))]);
    if (r) throw new Error(`crawler exited before it could be killed:\n${p.output()}`);
    if (processed(db) >= atLeast) break;
  }
  p.child.kill('SIGKILL');
  expect((await p.exited).signal).toBe('SIGKILL');
}

function snapshot(db: string) {
  const h = new Database(db, { readonly: true });
  const all = (sql: string) => (h.prepare(sql).all() as Record<string, unknown>[]).map((r) => Object.values(r).join(' | ')).sort();
  const out = {
    runs: all('SELECT id, status, seeds FROM runs'),
    frontier: all('SELECT url, mode, kind, state, error_kind FROM frontier'),
    documents: all('SELECT url, sha256, agency, year, parse_ok, parse_reason, is_primary, score FROM documents'),
    items: all('SELECT column_key, url, date FROM column_items'),
    columns: all('SELECT column_key, status, item_count, newest, oldest, per_year FROM columns'),
    findings: all('SELECT doc_url, check_id, severity FROM findings'),
    claims: all('SELECT doc_url, label, claimed, found FROM claims'),
    verdicts: all('SELECT host, passed FROM verdicts'),
  };
  h.close();
  return out;
}

it('continues after SIGKILL with nothing lost or duplicated', async () => {
  const dir = tempDir('resume');
  const db = join(dir, 'gongkai.db');
  const seeds = join(dir, 'portals.txt');
  writeFileSync(seeds, `# the demo portal\n${portal.homes.join('\n')}\n`);
  const args = ['crawl', '--portals', seeds, '--db', db, '--now', portal.now, '--delay', '15', '--per-host', '1',
    '--timeout', String(LOCAL.timeoutMs), '--retries', '1', '--quiet', ...portal.resolve.flatMap((r) => ['--resolve', r])];

  await killAt(args, db, 25);
  const first = processed(db);
  await killAt(args, db, first + 40);
  const last = cli(args);
  const { code } = await last.exited;
  expect(code, last.output()).toBe(0);
  expect(last.output()).toMatch(/Resumed run #1/);

  const ref = tempDir('resume-ref');
  const { store } = await crawlPortal(portal, ref, { delayMs: 15, perHost: 1 });
  store.close();
  const got = snapshot(db), want = snapshot(join(ref, 'gongkai.db'));
  expect(got.runs).toHaveLength(1);
  expect(got.runs[0]).toMatch(/^1 \| done/);
  expect(got.frontier).toEqual(want.frontier);
  expect(got.documents).toEqual(want.documents);
  expect(got.items).toEqual(want.items);
  expect(got.columns).toEqual(want.columns);
  expect(got.findings).toEqual(want.findings);
  expect(got.claims).toEqual(want.claims);
  expect(got.verdicts).toEqual(want.verdicts);
  expect(new Set(got.items).size).toBe(got.items.length);
  expect(got.documents.length).toBe(34);
}, 180_000);
