/**
 * A throwaway PostgreSQL for the store tests: $GONGKAI_TEST_PG if set (a server URL whose user may
 * create databases), else a private cluster started with the local initdb/pg_ctl on a free port
 * (as the `postgres` user when running as root). When neither is possible it throws, naming what is
 * missing — the tests fail, they never skip silently. Only GONGKAI_SKIP_PG=1 skips them (null).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Set GONGKAI_SKIP_PG=1 to skip the PostgreSQL tests on a machine without PostgreSQL. */
export const SKIP_PG = process.env.GONGKAI_SKIP_PG === '1';
export const SKIP_PG_REASON = 'GONGKAI_SKIP_PG=1: PostgreSQL tests skipped';

export interface TestPostgres { url(db: string): string; createDb(): Promise<string>; stop(): void }

const freePort = () => new Promise<number>((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => ok(p)); });
});

function pgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const v = readdirSync(base).sort().pop();
  return v && existsSync(join(base, v, 'bin', 'initdb')) ? join(base, v, 'bin') : null;
}

export async function startTestPostgres(): Promise<TestPostgres | null> {
  let serverUrl = process.env.GONGKAI_TEST_PG ?? null;
  let stop = () => undefined as void;
  if (SKIP_PG) return null;
  if (!serverUrl) {
    const bin = pgBin();
    if (!bin) {
      throw new Error('PostgreSQL tests need initdb and pg_ctl, and there are none under /usr/lib/postgresql/*/bin: '
        + 'install PostgreSQL (bash scripts/install.sh), or set GONGKAI_TEST_PG=postgres://… to use a server, or GONGKAI_SKIP_PG=1 to skip these tests');
    }
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-crawler-pg-'));
    chmodSync(dir, 0o777);
    const asRoot = process.getuid?.() === 0;
    const run = (cmd: string, args: string[]) => (asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' }));
    const port = await freePort();
    try {
      run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
      run('pg_ctl', ['-D', join(dir, 'data'), '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
    } catch (err) {
      const e = err as { stderr?: Buffer; message?: string };
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').trim().split('\n').slice(-5).join('\n') : '';
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`could not start a private PostgreSQL with ${bin} (set GONGKAI_TEST_PG=postgres://… to use a server, or GONGKAI_SKIP_PG=1 to skip): ${e.stderr?.toString().trim() || e.message}${log ? `\n${log}` : ''}`);
    }
    serverUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stop = () => {
      try { run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']); } catch { /* already gone */ }
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const base = new URL(serverUrl);
  const url = (db: string) => { const u = new URL(base.href); u.pathname = `/${db}`; return u.href; };
  let n = 0;
  return {
    url,
    stop,
    async createDb() {
      const name = `gongkai_test_${process.pid}_${Date.now()}_${n++}`;
      const c = new pg.Client({ connectionString: base.href });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return url(name);
    },
  };
}
