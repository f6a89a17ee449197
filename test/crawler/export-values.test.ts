/**
 * The researcher's export of a demo crawl (two runs: the portal four weeks earlier, columns only, then
 * now): values.csv holds exactly the cells of every primary report's tables (count and a sample
 * compared with the JSON export's contracts), seed 001's 29, the formula guard on printed text,
 * totals.csv equal to the sums of values.csv, column_snapshots over both runs, the XLSX's typed cells
 * read back with exceljs, JSON Lines, Chinese headers and region overrides from a portals file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../fixtures/portal/server.js';
import { crawlPortal, removeTempDirs, tempDir } from './helpers.js';
import { runCli } from './cli-helpers.js';
import { readCsv, totalsFromValues } from './csv.js';

let portal: Portal;
let dir: string, db: string, csvDir: string;
let earlier: string;
let contracts: { url: string; primary: boolean; printed: Record<string, any>; tables: Record<string, any>; agency: string; year: number }[];
const csv = (name: string, d = csvDir) => readCsv(readFileSync(join(d, `${name}.csv`), 'utf8'));

beforeAll(async () => {
  portal = await startPortal({ port: 0 });
  dir = tempDir('export');
  db = join(dir, 'gongkai.db');
  earlier = new Date(Date.parse(portal.now) - 28 * 86_400_000).toISOString().slice(0, 10);
  const past = await startPortal({ port: 0, now: portal.now, asOf: earlier });
  try {
    const first = await crawlPortal(past, dir, { columnsOnly: true, fresh: true, browser: 'never' });
    first.store.close();
  } finally {
    await past.close();
  }
  const second = await crawlPortal(portal, dir, { fresh: true, browser: 'never' });
  second.store.close();
  csvDir = join(dir, 'csv');
  for (const args of [['--format', 'csv', '--out', csvDir, '--runs', 'all'], ['--format', 'json', '--out', join(dir, 'e.json')],
    ['--format', 'xlsx', '--out', join(dir, 'e.xlsx'), '--runs', 'all'], ['--format', 'jsonl', '--out', join(dir, 'e.jsonl')]]) {
    const r = await runCli('export', '--db', db, ...args);
    expect(r.code, r.err).toBe(0);
  }
  contracts = JSON.parse(readFileSync(join(dir, 'e.json'), 'utf8')).contracts;
}, 240_000);
afterAll(async () => {
  removeTempDirs();
  await portal?.close();
});

const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

describe('values.csv', () => {
  it('has exactly the cells of every primary report, as the JSON contracts print them', () => {
    const values = csv('values');
    const primary = contracts.filter((c) => c.primary);
    expect(primary.length).toBeGreaterThan(15);
    const cellsOf = (c: (typeof primary)[number]) => Object.values(c.printed.table2 ?? {}).flat().length +
      Object.values(c.printed.table3 ?? {}).flat().length + (c.printed.table4?.length ?? 0);
    expect(values).toHaveLength(primary.reduce((n, c) => n + cellsOf(c), 0));
    for (const c of primary) expect(values.filter((v) => v.source_url === c.url), c.url).toHaveLength(cellsOf(c));
    // No cell of a non-primary document.
    const primaryUrls = new Set(primary.map((c) => c.url));
    expect(values.every((v) => primaryUrls.has(v.source_url!))).toBe(true);
    // A sample of rows against the contract: printed text, and the value where it is one.
    const T3 = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
    const T4 = ['review', 'litigationDirect', 'litigationAfterReview'], C4 = ['upheld', 'corrected', 'other', 'pending', 'total'];
    const sample = values.filter((_, i) => i % 23 === 0);
    expect(sample.length).toBeGreaterThan(50);
    for (const v of sample) {
      const c = primary.find((x) => x.url === v.source_url)!;
      let printed: string, value: unknown;
      if (v.table === 'table3') {
        const i = T3.indexOf(v.column!);
        printed = c.printed.table3[v.row!][i]; value = c.tables.table3[v.row!][i];
      } else if (v.table === 'table4') {
        const i = T4.indexOf(v.row!) * 5 + C4.indexOf(v.column!);
        printed = c.printed.table4[i]; value = c.tables.table4[i];
      } else {
        const i = valuesColumnIndex(values, v);
        printed = c.printed.table2[v.row!][i]; value = c.tables.table2[v.row!][i];
      }
      expect(unguard(v.printed!), `${v.source_url} ${v.table}/${v.row}/${v.column}`).toBe(printed);
      if (v.state === 'value' && v.table !== 'table2') expect(Number(v.value)).toBe(value);
      if (v.state !== 'value') expect(v.value).toBe('');
    }
  });

  it("seed 001's 29 at table3/newReceived/total, with its agency's region and level", () => {
    const v = csv('values').find((x) => x.agency === '嘉兴市生态环境局' && x.year === '2020' && x.table === 'table3' && x.row === 'newReceived' && x.column === 'total');
    expect(v).toMatchObject({ value: '29', printed: '29', state: 'value', region_code: '330400', region: '嘉兴市', level: 'department', template: '2019',
      row_label: '一、本年新收政府信息公开申请数量', column_label: '总计' });
    expect(v!.report_id).toBe(v!.sha256!.slice(0, 16));
    expect(csv('values').find((x) => x.agency === '淳安县人民政府')).toMatchObject({ region_code: '330127', level: 'county' });
  });

  it('guards printed text against formulas and keeps the value (温州 prints +1 in 本年增/减)', () => {
    const values = csv('values');
    const plus = values.filter((x) => unguard(x.printed!) !== x.printed);
    expect(plus.length).toBeGreaterThan(0);
    for (const x of plus) expect(x.printed).toMatch(/^'[=+\-@]/);
    const w = plus.find((x) => x.agency === '温州市生态环境局' && x.printed === "'+1")!;
    expect(w).toMatchObject({ value: '1', state: 'value', column_label: '本年增/减' });
    expect(values.some((x) => /^[=+\-@]/.test(x.printed!))).toBe(false);
    const raw = readFileSync(join(csvDir, 'values.csv'), 'utf8');
    expect(raw.startsWith('\ufeffreport_id,agency_id,agency,region_code,region,level,region_note,year,template,table,row,row_label,column,column_label,value,unit,printed,state,source_url,sha256\r\n')).toBe(true);
  });
});

/** A table-2 cell's column index: its place among the report's cells of the same row. */
function valuesColumnIndex(values: Record<string, string>[], v: Record<string, string>): number {
  return values.filter((x) => x.source_url === v.source_url && x.table === 'table2' && x.row === v.row).findIndex((x) => x.column === v.column);
}

describe('totals.csv', () => {
  it('equals the sums of values.csv for every region, level, year and figure; missing reports are listed', () => {
    const totals = csv('totals');
    const again = new Map(totalsFromValues(csv('values'), totals).map((x) => [x.key, x]));
    expect(totals.length).toBeGreaterThan(20 * 5);
    for (const t of totals) {
      const key = `${t.region_code}|${t.level}|${t.year}|${t.figure}`;
      const r = again.get(key)!;
      expect(Number(t.sum), key).toBe(r.sum);
      expect(Number(t.reports_counted), key).toBe(r.counted);
      expect(Number(t.reports_counted) + Number(t.reports_missing), key).toBe(Number(t.reports));
      for (const id of r.missing) expect(t.missing_report_ids!.split(' '), key).toContain(id);
    }
    const hz = totals.find((t) => t.region_code === '330100' && t.level === 'city' && t.year === '2020' && t.figure === 'received')!;
    const v = csv('values').filter((x) => x.region_code === '330100' && x.level === 'city' && x.year === '2020' && x.table === 'table3' && x.row === 'newReceived' && x.column === 'total');
    expect(v).toHaveLength(1);
    expect(hz).toMatchObject({ region: '杭州市', sum: v[0]!.value, reports: '1', reports_counted: '1', reports_missing: '0' });
    // Seed 001 prints nothing in 不予公开 1.属于国家秘密: its `denied` is missing, not 0.
    const jx = totals.find((t) => t.region_code === '330400' && t.year === '2020' && t.figure === 'denied')!;
    const seedId = csv('values').find((x) => x.agency === '嘉兴市生态环境局' && x.year === '2020')!.report_id!;
    expect(jx).toMatchObject({ reports_counted: '0', reports_missing: '1', missing_report_ids: seedId, sum: '0' });
  });
});

describe('time series over both runs', () => {
  it('column_snapshots.csv and portals_over_time.csv have every run with its date', () => {
    const snaps = csv('column_snapshots');
    const runs = [...new Set(snaps.map((s) => `${s.run}:${s.judged_on}`))].sort();
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.split(':')[1])).toEqual([earlier, portal.now]);
    const col = (run: string) => snaps.filter((s) => s.run === run && s.portal === 'sthjj.jiaxing.example.gov.cn').map((s) => s.column).sort();
    const [r1, r2] = runs.map((r) => r.split(':')[0]!);
    expect(col(r1!).length).toBeGreaterThan(3);
    expect(col(r1!)).toEqual(col(r2!));
    expect(snaps.every((s) => s.items_per_month === '' || Number(s.items_per_month) >= 0)).toBe(true);
    const pot = csv('portals_over_time');
    expect(new Set(pot.map((p) => p.run)).size).toBe(2);
    expect(pot.filter((p) => p.run === r1).length).toBe(pot.filter((p) => p.run === r2).length);
  });
});

describe('the workbook', () => {
  it('has typed cells: numbers, dates, booleans, hyperlinks; a frozen header and an autofilter on every sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'e.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['reports', 'values', 'totals', 'table2', 'table3', 'table4', 'column_snapshots', 'portals_over_time']));
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
    }
    const sheet = (n: string) => wb.getWorksheet(n)!;
    const header = (n: string) => (sheet(n).getRow(1).values as unknown[]).slice(1) as string[];
    const col = (n: string, key: string) => header(n).indexOf(key) + 1;
    const reports = sheet('reports');
    const r2 = reports.getRow(2);
    expect(r2.getCell(col('reports', 'published_at')).value).toBeInstanceOf(Date);
    expect(typeof r2.getCell(col('reports', 'primary')).value).toBe('boolean');
    expect(r2.getCell(col('reports', 'url')).value).toMatchObject({ hyperlink: expect.stringMatching(/^http:\/\//) });
    const values = sheet('values');
    let found = false;
    values.eachRow((row, i) => {
      if (i === 1) return;
      const at = (k: string) => row.getCell(col('values', k)).value;
      if (at('agency') === '嘉兴市生态环境局' && at('row') === 'newReceived' && at('column') === 'total') { expect(at('value')).toBe(29); found = true; }
    });
    expect(found).toBe(true);
    // The wide sheet: one row per primary report, a numeric column per cell.
    const t3 = sheet('table3');
    const k = col('table3', 'newReceived/total');
    expect(k).toBeGreaterThan(0);
    const jx: unknown[] = [];
    t3.eachRow((row, i) => { if (i > 1 && row.getCell(col('table3', 'agency')).value === '嘉兴市生态环境局') jx.push(row.getCell(k).value); });
    expect(jx).toEqual([29]);
    expect(typeof sheet('totals').getRow(2).getCell(col('totals', 'sum')).value).toBe('number');
  });
});

describe('JSON Lines, Chinese headers, region overrides', () => {
  it('jsonl: one report per line with its contract, report_id and region', () => {
    const lines = readFileSync(join(dir, 'e.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(contracts.length);
    const seed = lines.find((l) => l.agency === '嘉兴市生态环境局' && l.primary);
    expect(seed).toMatchObject({ schema: 'gongkai.report/1', region_code: '330400', level: 'department' });
    expect(seed.tables.table3.newReceived[6]).toBe(29);
    expect(seed.report_id).toBe(seed.sha256.slice(0, 16));
  });

  it('--lang zh heads the CSV in Chinese; --portals region=/level= override the names', async () => {
    const zh = join(dir, 'csv-zh');
    const portals = join(dir, 'portals.txt');
    writeFileSync(portals, '# the portals of this crawl\nhttp://sthjj.jiaxing.example.gov.cn/ region=330100 level=city\nhttp://www.example.gov.cn/\n');
    const r = await runCli('export', '--db', db, '--format', 'csv', '--out', zh, '--lang', 'zh', '--portals', portals);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(join(zh, 'values.csv'), 'utf8');
    expect(text.startsWith('\ufeff报告编号,机关编号,机关,行政区划代码,行政区划,层级,区划说明,年度')).toBe(true);
    const rows = readCsv(text);
    const jx = rows.filter((x) => x['机关'] === '嘉兴市生态环境局');
    expect(jx.length).toBeGreaterThan(0);
    for (const x of jx) expect(x).toMatchObject({ 行政区划代码: '330100', 行政区划: '杭州市', 层级: 'city', 区划说明: 'region and level set in --portals' });
    expect(rows.find((x) => x['机关'] === '淳安县人民政府')).toMatchObject({ 行政区划代码: '330127', 区划说明: '' });
    writeFileSync(portals, 'http://sthjj.jiaxing.example.gov.cn/ region=999999\n');
    expect(await runCli('export', '--db', db, '--format', 'csv', '--out', zh, '--portals', portals)).toMatchObject({ code: 2, err: expect.stringMatching(/region=999999 is not a division code/) });
    writeFileSync(portals, 'http://sthjj.jiaxing.example.gov.cn/ level=village\n');
    expect(await runCli('export', '--db', db, '--format', 'csv', '--out', zh, '--portals', portals)).toMatchObject({ code: 2, err: expect.stringMatching(/line 1: 'level=village'/) });
  });
});
