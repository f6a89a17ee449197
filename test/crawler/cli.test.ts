/** The crawler's CLI commands as a user runs them: usage errors, exit codes, columns, export, summary. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../fixtures/portal/server.js';
import { tempDir, removeTempDirs } from './helpers.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';

const BIN = resolve(import.meta.dirname, '..', '..', 'crawler', 'bin', 'gongkai.js');
let portal: Portal;
let dir: string;

/** Runs the CLI asynchronously (the portal serving it lives in this process). */
const gk = (...args: string[]) => new Promise<{ code: number | null; out: string; err: string }>((ok) => {
  const c = spawn(process.execPath, [BIN, ...args], { cwd: dir });
  let out = '', err = '';
  c.stdout.on('data', (d) => (out += d));
  c.stderr.on('data', (d) => (err += d));
  c.on('exit', (code) => ok({ code, out, err }));
});

beforeAll(async () => {
  portal = await startPortal({ port: 0 });
  dir = tempDir('cli');
});
afterAll(async () => {
  removeTempDirs();
  await portal?.close();
});

/** A store that exists but holds no crawl run yet. */
const emptyStore = (): string => {
  const f = join(dir, 'empty.db');
  new SqliteStore(f).close();
  return f;
};

describe('usage and typed errors', () => {
  it('exits 2 with a clear message for missing or wrong URLs and bad flags', async () => {
    const [none, bare, ftp, browser, resolveBad, portals, format, empty] = await Promise.all([
      gk('crawl'), gk('crawl', 'www.example.gov.cn'), gk('crawl', 'ftp://example.gov.cn/'), gk('crawl', 'http://x/', '--browser', 'sometimes'),
      gk('crawl', 'http://x/', '--resolve', 'nonsense'), gk('crawl', '--portals', 'missing.txt'), gk('export', '--format', 'pdf'),
      gk('export', '--format', 'json', '--db', emptyStore())]);
    expect(none).toMatchObject({ code: 2, err: expect.stringMatching(/give at least one portal URL/) });
    expect(bare).toMatchObject({ code: 2, err: expect.stringMatching(/Not a crawlable URL: www\.example\.gov\.cn/) });
    expect(ftp).toMatchObject({ code: 2, err: expect.stringMatching(/scheme ftp:/) });
    expect(browser).toMatchObject({ code: 2, err: expect.stringMatching(/--browser must be/) });
    expect(resolveBad).toMatchObject({ code: 2, err: expect.stringMatching(/--resolve wants host=address:port/) });
    expect(portals).toMatchObject({ code: 2, err: expect.stringMatching(/--portals: no such file: missing\.txt/) });
    expect(format).toMatchObject({ code: 2, err: expect.stringMatching(/--format must be json, (.+, )?csv or xlsx, got 'pdf'/) });
    expect(empty).toMatchObject({ code: 2, err: expect.stringMatching(/no crawl runs yet/) });
  });

  it('exits 4 when nothing could be fetched', async () => {
    const r = await gk('crawl', 'http://no-such-host.invalid/', '--db', join(dir, 'dns.db'), '--quiet', '--retries', '0');
    expect(r.code).toBe(4);
    expect(r.out).toMatch(/dns/);
  });
});

describe('columns, export, summary', () => {
  const db = () => join(dir, 'ca.db');
  const resolveArgs = () => portal.resolve.flatMap((r) => ['--resolve', r]);

  it('gongkai columns walks one portal and judges it (JSON for scripts)', async () => {
    const r = await gk('columns', 'http://www.ca.example.gov.cn/', '--db', db(), '--now', portal.now, '--delay', '0', '--json', ...resolveArgs());
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.portals).toHaveLength(1);
    expect(j.portals[0]).toMatchObject({ host: 'www.ca.example.gov.cn', name: '淳安县人民政府', passed: false });
    const cols = Object.fromEntries(j.columns.map((c: { name: string; itemCount: number; freshness: string | null }) => [c.name, `${c.itemCount}:${c.freshness}`]));
    expect(cols).toMatchObject({ 工作动态: '12:stale', 政策文件: '6:stale', 通知公告: '0:empty', 政府信息公开年报: '6:no-threshold', 法定主动公开内容: '0:null' });
  });

  it('gongkai crawl starts from a column URL too (the 年报 column of one agency)', async () => {
    const r = await gk('crawl', 'http://sthjj.jiaxing.example.gov.cn/zwgk/zfxxgk/zfxxgknb/', '--db', join(dir, 'col.db'), '--now', portal.now,
      '--delay', '0', '--json', ...resolveArgs());
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.documents).toEqual({ total: 8, parsed: 6, attachments: 5, attachmentsParsed: 4,
      notParsed: [{ reason: 'scanned-needs-ocr', count: 1 }, { reason: 'attachment-wrapper', count: 1 }] });
    expect(j.columns.map((c: { name: string; itemCount: number; isReports: boolean }) => [c.name, c.itemCount, c.isReports])).toEqual([['政府信息公开年报', 3, true]]);
  });

  it('reports a JavaScript-built list as needing the browser when browser mode is off', async () => {
    const r = await gk('columns', 'http://yjglj.example.gov.cn/', '--db', join(dir, 'nobrowser.db'), '--now', portal.now, '--delay', '0',
      '--browser', 'never', '--json', ...resolveArgs());
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    const cols = Object.fromEntries(j.columns.map((c: { name: string; status: string; freshness: string | null }) => [c.name, `${c.status}:${c.freshness}`]));
    expect(cols).toMatchObject({ 工作动态: 'needs-browser:unknown', 政府信息公开年报: 'needs-browser:unknown', 法定主动公开内容: 'ok:null' });
    expect(j.faults.map((f: { kind: string }) => f.kind)).toEqual(['needs-browser']);
  });

  it('gongkai columns prints a readable table', async () => {
    const r = await gk('columns', 'http://www.ca.example.gov.cn/', '--db', join(dir, 'ca2.db'), '--now', portal.now, '--delay', '0', '--quiet', ...resolveArgs());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/FAIL 淳安县人民政府/);
    expect(r.out).toMatch(/✗ 空白栏目5个/);
  });

  it('gongkai export writes JSON, CSV and XLSX', async () => {
    expect((await gk('export', '--format', 'json', '--db', db(), '--out', 'e.json')).code).toBe(0);
    const j = JSON.parse(readFileSync(join(dir, 'e.json'), 'utf8'));
    expect(j.schema).toBe('gongkai.crawl/1');
    expect(j.columns.length).toBeGreaterThan(5);
    expect((await gk('export', '--format', 'csv', '--db', db(), '--out', 'csv')).code).toBe(0);
    const csv = readFileSync(join(dir, 'csv', 'columns.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffrun,host,column,category,parent,status,items,newest,oldest,freshness,pages,dates_printed,dates_from_url,items_2020,items_2021,items_2022,items_2023,items_2024,items_2025,url');
    expect(csv).toContain('www.ca.example.gov.cn,工作动态,dynamic,false,ok,12,2025-05-31,2025-02-10,stale,');
    expect((await gk('export', '--format', 'xlsx', '--db', db(), '--out', 'e.xlsx')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'e.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['reports', 'findings', 'columns', 'items', 'portals', 'claims', 'faults', 'values', 'totals', 'table2', 'table3', 'table4']);
    expect(wb.getWorksheet('portals')!.getRow(2).getCell(2).value).toBe('淳安县人民政府');
  });

  it('gongkai summary writes a self-contained HTML page with charts', async () => {
    const r = await gk('summary', '--db', db(), '--out', 's.html');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 's.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('淳安县人民政府');
    expect(html).not.toMatch(/<script|<link|src="https?:/);
    expect(existsSync(join(dir, 's.html'))).toBe(true);
  });
});
