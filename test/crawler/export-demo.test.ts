/**
 * `gongkai demo` writes the researcher's exports: JSON, JSON Lines, XLSX and the CSV folder with
 * values, totals and the time series over its two runs (the earlier columns-only snapshot and now).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { removeTempDirs, tempDir } from './helpers.js';
import { readCsv } from './csv.js';

afterAll(removeTempDirs);

describe('gongkai demo', () => {
  it('writes export.jsonl and the CSVs with values, totals and both runs in column_snapshots', async () => {
    const out = join(tempDir('demo-export'), 'demo');
    const r = await runCli('demo', '--out', out, '--quiet', '--browser', 'never');
    expect(r.code, r.err).toBe(0);
    for (const f of ['export.json', 'export.jsonl', 'export.xlsx', 'csv/values.csv', 'csv/totals.csv', 'csv/column_snapshots.csv', 'csv/portals_over_time.csv']) {
      expect(existsSync(join(out, f)), f).toBe(true);
      expect(r.out).toContain(join(out, f));
    }
    const jsonl = readFileSync(join(out, 'export.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(jsonl.length).toBe(JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')).contracts.length);
    const runs = new Set(readCsv(readFileSync(join(out, 'csv', 'column_snapshots.csv'), 'utf8')).map((s) => s.judged_on));
    expect(runs.size).toBe(2);
    const seed = readCsv(readFileSync(join(out, 'csv', 'values.csv'), 'utf8'))
      .find((v) => v.agency === '嘉兴市生态环境局' && v.row === 'newReceived' && v.column === 'total');
    expect(seed).toMatchObject({ value: '29', region_code: '330400' });
  }, 300_000);
});
