/**
 * `--deadline-department/--deadline-government` reach the crawler's analysis: crawl keeps them with
 * the run, reparse uses the run's and can override them. Shown by timeliness.deadline on the demo
 * portal's 嘉兴市生态环境局 reports (departments, published in January: on time by 31 January).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../fixtures/portal/server.js';
import { removeTempDirs, tempDir } from './helpers.js';
import { runCli } from './cli-helpers.js';

let portal: Portal;
let dir: string;
const COLUMN = 'http://sthjj.jiaxing.example.gov.cn/zwgk/zfxxgk/zfxxgknb/';

/** How many timeliness.deadline findings the run's summary (JSON) counts. */
const late = (out: string): number =>
  (JSON.parse(out) as { findings: { checkId: string; count: number }[] }).findings.find((f) => f.checkId === 'timeliness.deadline')?.count ?? 0;

beforeAll(async () => {
  portal = await startPortal({ port: 0 });
  dir = tempDir('deadlines');
});
afterAll(async () => {
  removeTempDirs();
  await portal?.close();
});

const crawlArgs = (db: string, ...extra: string[]) => ['crawl', COLUMN, '--db', db, '--now', portal.now, '--delay', '0', '--quiet', '--json',
  ...portal.resolve.flatMap((x) => ['--resolve', x]), ...extra];

describe('Article 49 deadlines on the command line', () => {
  it('crawl judges with the national dates by default and with --deadline-department when given', async () => {
    const national = await runCli(...crawlArgs(join(dir, 'a.db')));
    expect(national.code, national.err).toBe(0);
    expect(late(national.out)).toBe(0);
    const early = await runCli(...crawlArgs(join(dir, 'b.db'), '--deadline-department', '01-05'));
    expect(early.code, early.err).toBe(0);
    expect(late(early.out)).toBeGreaterThan(0);

    // reparse keeps the run's own dates, and takes new ones when given.
    const again = await runCli('reparse', '--db', join(dir, 'b.db'), '--json');
    expect(again.code, again.err).toBe(0);
    expect(late(again.out)).toBe(late(early.out));
    const relaxed = await runCli('reparse', '--db', join(dir, 'b.db'), '--json', '--deadline-department', '12-31');
    expect(relaxed.code, relaxed.err).toBe(0);
    expect(late(relaxed.out)).toBe(0);
  }, 120_000);

  it('a malformed date is a usage error', async () => {
    const r = await runCli(...crawlArgs(join(dir, 'c.db'), '--deadline-government', '13-45'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/deadline-government/);
  });
});
