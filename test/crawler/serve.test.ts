/**
 * `gongkai serve` access rules: loopback by default, another address only with a token; with a token
 * every page, API call and asset needs it (Bearer header, or ?token= once, which sets a cookie).
 * The dashboard's pages and charts are tested in Chromium (test/e2e/serve.spec.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { startDashboard } from '../../crawler/src/serve/server.js';
import { runCli } from './cli-helpers.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterAll(() => removeTempDirs());

describe('gongkai serve', () => {
  it('refuses to bind beyond loopback without --token, and a missing --db', async () => {
    const dir = tempDir('serve');
    new SqliteStore(join(dir, 'g.db')).close();
    const r = await runCli('serve', '--db', join(dir, 'g.db'), '--host', '0.0.0.0', '--port', '0');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--host 0.0.0.0 exposes the dashboard beyond this machine: give --token too');
    const m = await runCli('serve', '--db', join(dir, 'nope.db'), '--port', '0');
    expect(m.code).toBe(2);
    expect(m.err).toContain('no database at');
    writeFileSync(join(dir, 'portals.txt'), 'http://www.example.gov.cn/ region=999999\n');
    const p = await runCli('serve', '--db', join(dir, 'g.db'), '--port', '0', '--portals', join(dir, 'portals.txt'));
    expect(p.code).toBe(2);
    expect(p.err).toContain('--portals: http://www.example.gov.cn/: region=999999 is not a division code');
  });

  it('with a token, nothing is served without it', async () => {
    const dir = tempDir('serve-token');
    const store = new SqliteStore(join(dir, 'g.db'));
    const dash = await startDashboard({ store, port: 0, token: 's3cret-token' });
    try {
      expect(dash.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      for (const p of ['', 'api/portals', 'assets/echarts.min.js', 'api/portals.csv']) expect((await fetch(dash.url + p)).status, p).toBe(401);
      expect((await fetch(`${dash.url}api/portals`, { headers: { authorization: 'Bearer wrong-token!' } })).status).toBe(401);
      const ok = await fetch(`${dash.url}api/portals`, { headers: { authorization: 'Bearer s3cret-token' } });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ total: 0, page: 1, size: 50, rows: [] });
      const first = await fetch(`${dash.url}?token=s3cret-token`);
      expect(first.status).toBe(200);
      const cookie = first.headers.get('set-cookie')!;
      expect(cookie).toContain('HttpOnly');
      expect((await fetch(`${dash.url}api/reports`, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
      expect((await fetch(`${dash.url}api/portal?host=nowhere`, { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(404);
    } finally {
      await dash.close();
      store.close();
    }
  });
});
