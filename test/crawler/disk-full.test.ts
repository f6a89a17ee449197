/**
 * A failed store write is fatal, not a page fault. The CLI crawls a small portal under a file-size
 * limit (`ulimit -f`, the disk-full stand-in: a write past the limit fails with EFBIG; SIGXFSZ is
 * ignored so the process is not killed) and must stop with exit code 6 and a clear message, leaving
 * the URL it could not store pending. Run again without the limit, it resumes and ends with exactly
 * what an uninterrupted crawl stores: frontier, columns, items, documents and blobs.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { crawl } from '../../crawler/src/crawl/run.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { removeTempDirs, tempDir } from './helpers.js';

const BIN = resolve(import.meta.dirname, '..', '..', 'crawler', 'bin', 'gongkai.js');
const HOST = 'www.dk.gov.cn';
const LIMIT_KB = 1024;
/** A 2 MB attachment: over the limit, so storing it is the write that fails. */
const BIG = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024, '丹口县 2022 ')]);
let server: Server;
let addr = '';

const html = (res: ServerResponse, title: string, main: string) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><meta name="SiteName" content="丹口县人民政府"></head><body>${main}</body></html>`);
};
const list = (rows: [string, string, string][]) => `<ul class="list">${rows.map(([h, t, d]) => `<li><a href="${h}">${t}</a><span>${d}</span></li>`).join('')}</ul>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const p = req.url ?? '/';
    if (p === '/robots.txt') { res.writeHead(404); return void res.end(); }
    if (p === '/') return html(res, '丹口县人民政府', '<a href="/zfxxgk/">政府信息公开</a>');
    if (p === '/zfxxgk/') return html(res, '政府信息公开', `<div class="xxgk-nav"><ul>${[['政府信息公开指南', 'gkzn'], ['政府信息公开年报', 'zfxxgknb'],
      ['通知公告', 'tzgg'], ['政策文件', 'zcwj']].map(([n, k]) => `<li><a href="/zfxxgk/${k}/">${n}</a></li>`).join('')}</ul></div>`);
    if (p === '/zfxxgk/zfxxgknb/') return html(res, '年报', list([
      ['./2024/t20240301_1.html', '丹口县人民政府2023年政府信息公开工作年度报告', '2024-03-01'],
      ['./2023/P020230301_2.pdf', '丹口县人民政府2022年政府信息公开工作年度报告', '2023-03-01'],
      ['./2022/t20220301_3.html', '丹口县人民政府2021年政府信息公开工作年度报告', '2022-03-01']]));
    if (p === '/zfxxgk/zfxxgknb/2023/P020230301_2.pdf') { res.writeHead(200, { 'content-type': 'application/pdf' }); return void res.end(BIG); }
    const article = p.match(/^\/zfxxgk\/zfxxgknb\/\d{4}\/t(\d{4})\d{4}_\d\.html$/);
    if (article) return html(res, '年度报告', `<div class="article"><h1>丹口县人民政府${Number(article[1]) - 1}年政府信息公开工作年度报告</h1><p>一、总体情况</p></div>`);
    const col = p.match(/^\/zfxxgk\/(gkzn|tzgg|zcwj)\/$/);
    if (col) return html(res, col[1]!, list(Array.from({ length: 12 }, (_, i) => [`./2024${String(i + 1).padStart(2, '0')}/t_${i}.html`, `${col[1]}第${i + 1}号`, `2024-${String(i + 1).padStart(2, '0')}-05`])));
    res.writeHead(404);
    res.end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  addr = `127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  removeTempDirs();
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

/** The CLI, optionally under a file-size limit (KB); SIGXFSZ ignored so a write past it fails with EFBIG. */
function cli(args: string[], limitKb?: number) {
  const script = `${limitKb ? `trap '' XFSZ; ulimit -f ${limitKb}; ` : ''}exec "$0" "$@"`;
  const child = spawn('bash', ['-c', script, process.execPath, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise<{ code: number | null; out: string; err: string }>((ok) => child.on('exit', (code) => ok({ code, out, err })));
}

function snapshot(dir: string) {
  const h = new Database(join(dir, 'gongkai.db'), { readonly: true });
  const all = (sql: string) => (h.prepare(sql).all() as Record<string, unknown>[]).map((r) => Object.values(r).join(' | ')).sort();
  const out = {
    runs: all('SELECT id, status FROM runs'),
    frontier: all('SELECT url, mode, kind, state, error_kind FROM frontier'),
    documents: all('SELECT url, sha256, kind, parse_ok, parse_reason FROM documents'),
    items: all('SELECT column_key, url, date FROM column_items'),
    columns: all('SELECT column_key, status, item_count, newest FROM columns'),
    blobRows: all('SELECT sha256, size FROM blobs'),
  };
  h.close();
  return out;
}

/** Every file under the blob folder, as path and sha256 of its content. */
function blobFiles(dir: string): string[] {
  const root = join(dir, 'blobs');
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(root).map((f) => `${relative(root, f)} ${createHash('sha256').update(readFileSync(f)).digest('hex')}`).sort();
}

it('stops with exit code 6 when a write fails, keeps the URL pending, and the resumed run loses nothing', async () => {
  const dir = tempDir('disk-full');
  const args = ['crawl', `http://${HOST}/`, '--db', join(dir, 'gongkai.db'), '--now', '2025-06-30', '--delay', '0', '--retries', '1',
    '--timeout', '5000', '--quiet', '--resolve', `${HOST}=${addr}`];

  const full = await cli(args, LIMIT_KB);
  expect(full.code, full.err).toBe(6);
  expect(full.err).toMatch(new RegExp(`Could not write to the store \\(storing a ${BIG.length}-byte document in .*\\): EFBIG`));
  expect(full.err).toMatch(/nothing is lost.*run the same command again/);
  expect(full.err).not.toMatch(/internal error/);
  const stopped = snapshot(dir);
  expect(stopped.runs).toEqual(['1 | running']);
  expect(stopped.frontier).toContain(`http://${HOST}/zfxxgk/zfxxgknb/2023/P020230301_2.pdf | http | report | pending | `);
  expect(stopped.frontier.filter((r) => / \| (failed|skipped) \| /.test(r))).toEqual([]);
  expect(blobFiles(dir).filter((f) => f.includes('.tmp'))).toEqual([]);

  const again = await cli(args);
  expect(again.code, again.err).toBe(0);
  expect(again.out).toMatch(/Resumed run #1/);

  const ref = tempDir('disk-full-ref');
  const store = new SqliteStore(join(ref, 'gongkai.db'));
  await crawl({ seeds: [`http://${HOST}/`], store, blobDir: join(ref, 'blobs'), now: '2025-06-30', resolve: new Map([[HOST, addr]]), delayMs: 0, retries: 1, timeoutMs: 5000 });
  store.close();
  const got = snapshot(dir), want = snapshot(ref);
  expect(got.runs).toEqual(['1 | done']);
  expect(got.frontier).toEqual(want.frontier);
  expect(got.columns).toEqual(want.columns);
  expect(got.items).toEqual(want.items);
  expect(got.documents).toEqual(want.documents);
  expect(got.blobRows).toEqual(want.blobRows);
  expect(blobFiles(dir)).toEqual(blobFiles(ref));
  expect(got.documents.length).toBe(3);
  expect(got.blobRows).toContain(`${createHash('sha256').update(BIG).digest('hex')} | ${BIG.length}`);
}, 120_000);
