/** The `gongkai` command as outside tools call it: node_modules/.bin/gongkai, exit codes, JSON contract. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS, REPO, SEEDS, documentBytes, expectedReports } from './fixtures.ts';

const BIN = join(REPO, 'node_modules', '.bin', 'gongkai');

/** Run the CLI without blocking this process (the test's HTTP server must keep answering). */
function gongkai(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(BIN, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, out: stdout, err: stderr });
    });
  });
}

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/report.html') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(documentBytes('report001.html')); return; }
    if (req.url === '/gbk-no-meta.html') {
      // A GBK page whose charset is only in the HTTP header.
      const body = Buffer.from(documentBytes('report001-gbk.html')).toString('latin1').replace(/<meta[^>]*charset[^>]*>/i, '');
      res.writeHead(200, { 'content-type': 'text/html; charset=GBK' }); res.end(Buffer.from(body, 'latin1')); return;
    }
    if (req.url === '/down') { res.writeHead(503); res.end('busy'); return; }
    res.writeHead(404); res.end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('gongkai CLI', () => {
  it('is installed in node_modules/.bin by npm install', async () => {
    expect(existsSync(BIN)).toBe(true);
  });

  it('prints help for the tool and for parse', async () => {
    const top = await gongkai('--help');
    expect(top.code).toBe(0);
    expect(top.out).toContain('parse');
    const p = await gongkai('parse', '--help');
    expect(p.code).toBe(0);
    expect(p.out).toMatch(/Exit codes/);
  });

  it('parse --json follows the contract on every seed', async () => {
    for (const exp of expectedReports()) {
      const r = await gongkai('parse', join(SEEDS, exp.file), '--json');
      const json = JSON.parse(r.out);
      expect(Object.keys(json)).toEqual(expect.arrayContaining(['agency', 'year', 'template', 'tables', 'findings']));
      expect(json.agency).toBe(exp.agency);
      expect(json.year).toBe(exp.year);
      if (exp.table4) expect(json.tables.table4).toEqual(exp.table4);
      for (const f of json.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'severity', 'message', 'evidence']));
      const hasError = json.findings.some((f: { severity: string }) => f.severity === 'error');
      expect(r.code).toBe(hasError ? 1 : 0);
    }
  });

  it('readable output shows tables, the failed check and its evidence', async () => {
    const r = await gongkai('parse', join(DOCUMENTS, 'report001.html'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('嘉兴市生态环境局');
    expect(r.out).toContain('表三');
    expect(r.out).toMatch(/! prose\.received\s+正文称收到申请28件/);
    expect(r.out).toContain('正文 28 ≠ 表三');
  });

  it('--lang en prints English messages', async () => {
    const r = await gongkai('parse', join(DOCUMENTS, 'report001.html'), '--lang', 'en');
    expect(r.out).toContain('The text says 28 applications received');
  });

  it('parses a URL, honouring the HTTP charset', async () => {
    const r = await gongkai('parse', `${base}/gbk-no-meta.html`, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.source.encoding).toBe('gb18030');
    expect(json.tables.table3.newReceived).toEqual([28, null, null, 1, null, null, 29]);
  });

  it('uses --history for the cross-year checks', async () => {
    // Last year's report of the same agency: seed 001 relabelled 2019, still carrying 1 forward.
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-history-'));
    writeFileSync(join(dir, '2019.txt'), readFileSync(join(SEEDS, '001_ad94bb6e82e852b2.txt'), 'utf8').replaceAll('2020', '2019'));
    const r = await gongkai('parse', `${base}/report.html`, '--json', '--history', dir);
    const json = JSON.parse(r.out);
    expect(json.checks.find((c: { id: string }) => c.id === 'history.carry-over').status).toBe('fail');
    const f = json.findings.filter((x: { id: string }) => x.id === 'history.carry-over');
    // 自然人: 2020 carried over 0, 2019 carried forward 1; 总计: blank vs 1.
    expect(f.map((x: { evidence: { left: number; right: number } }) => [x.evidence.left, x.evidence.right])).toEqual([[0, 1], [0, 1]]);
    expect(r.code).toBe(1);
    // Given as history of itself (same year), it is ignored: nothing to compare.
    const same = JSON.parse((await gongkai('parse', `${base}/report.html`, '--json', '--history', join(SEEDS, '001_ad94bb6e82e852b2.txt'))).out);
    expect(same.checks.find((c: { id: string }) => c.id === 'history.carry-over').status).toBe('not-applicable');
  });

  it.each([
    [['parse'], 2, /missing <file\|url>/],
    [['parse', 'a', 'b'], 2, /a batch \(several inputs or a folder\) writes to --out/],
    [['parse', 'x', '--lang', 'fr'], 2, /--lang/],
    [['nope'], 2, /unknown command/],
    [['parse', '/no/such/file.html'], 3, /not-found/],
  ])('usage and input errors: %j → exit %i', async (args, code, msg) => {
    const r = await gongkai(...args);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(msg);
  });

  it('a 404 is not-found (3); a 503 is a retryable fetch failure (4)', async () => {
    expect((await gongkai('parse', `${base}/missing.html`)).code).toBe(3);
    const down = await gongkai('parse', `${base}/down`, '--json');
    expect(down.code).toBe(4);
    expect(JSON.parse(down.out).error).toMatchObject({ reason: 'fetch-failed', retryable: true });
  });
});
