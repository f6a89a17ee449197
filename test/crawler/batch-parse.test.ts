/**
 * Batch parse as a user runs it: `gongkai parse <dir|file>... --out x.jsonl|x.csv` over a folder of
 * good reports, bad files and pages that are not reports — one line per input, typed failures, the
 * exit code of the worst input — and `--resume` (also after a line cut off by a crash), `--history
 * auto` (cross-year checks between the inputs), and single-file parse unchanged.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentBytes, SEEDS, DOCUMENTS } from '../core/fixtures.js';
import { reportBody, reportTitle, ZERO7, type Col7 } from '../fixtures/portal/report-html.js';
import { runCli, spawnCli } from './cli-helpers.js';
import { removeTempDirs, tempDir } from './helpers.js';
import { ParsePool } from '../../crawler/src/batch/pool.js';

afterAll(removeTempDirs);

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
const byInput = (file: string) => new Map(lines(file).map((l) => [String(l.input).replace(/^.*[\\/]/, ''), l]));

/** good: seed 001 as HTML and text, seed 000; with errors: seed 003; bad: binary bytes, a cut-off PDF, an empty file; not a report: a notice page. */
function mixedFolder(): string {
  const dir = tempDir('batch');
  mkdirSync(join(dir, 'sub'));
  copyFileSync(join(DOCUMENTS, 'report001.html'), join(dir, 'report001.html'));
  copyFileSync(join(SEEDS, '001_ad94bb6e82e852b2.txt'), join(dir, 'sub', 'seed001.txt'));
  copyFileSync(join(SEEDS, '000_db6ab2fb5e606285.txt'), join(dir, 'sub', 'seed000.txt'));
  copyFileSync(join(SEEDS, '003_c3f1cb69efaeb005.txt'), join(dir, 'sub', 'seed003.txt'));
  writeFileSync(join(dir, 'garbage.bin'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x00, 0x10, 0x80, 0x81]));
  writeFileSync(join(dir, 'cut.pdf'), documentBytes('report001.pdf').subarray(0, 1500));
  writeFileSync(join(dir, 'empty.html'), '');
  writeFileSync(join(dir, 'notice.html'), '<html><head><meta charset="utf-8"><title>关于停水的通知</title></head><body><p>因管网维修，本周六停水一天。</p></body></html>');
  writeFileSync(join(dir, '.hidden.html'), 'skipped');
  return dir;
}

describe('gongkai parse <dir> --out x.jsonl', () => {
  it('writes one line per input — contract or typed failure — and exits with the worst outcome', async () => {
    const dir = mixedFolder();
    const out = join(tempDir('batch-out'), 'all.jsonl');
    const r = await runCli('parse', dir, '--out', out, '--quiet');
    expect(r.code, r.err).toBe(3);
    const got = byInput(out);
    expect([...got.keys()].sort()).toEqual(['cut.pdf', 'empty.html', 'garbage.bin', 'notice.html', 'report001.html', 'seed000.txt', 'seed001.txt', 'seed003.txt']);
    const html = got.get('report001.html')!;
    expect(html).toMatchObject({ ok: true, outcome: 'ok', schema: 'gongkai.report/1', agency: '嘉兴市生态环境局', year: 2020 });
    expect(html.tables.table3.newReceived[6]).toBe(29);
    expect(html.report_id).toBe(html.sha256.slice(0, 16));
    // The text copy of the same report reads the same numbers.
    expect(got.get('seed001.txt')!.tables.table3).toEqual(html.tables.table3);
    expect(got.get('seed003.txt')).toMatchObject({ ok: true, outcome: 'findings' });
    expect(got.get('seed003.txt')!.findings.some((f: { severity: string }) => f.severity === 'error')).toBe(true);
    expect(got.get('garbage.bin')).toMatchObject({ ok: false, outcome: 'unparseable', error: { reason: 'binary', retryable: false } });
    expect(got.get('cut.pdf')).toMatchObject({ ok: false, outcome: 'unparseable', error: { reason: 'corrupt' } });
    expect(got.get('empty.html')).toMatchObject({ ok: false, error: { reason: 'empty' } });
    expect(got.get('notice.html')).toMatchObject({ ok: false, error: { reason: 'not-a-report' } });
    expect(got.get('notice.html')!.error.message.zh).toBeTruthy();
    expect(r.err).toMatch(/8 input\(s\): 3 ok, 1 with errors, 4 not read/);
  });

  it('exit code 1 when the worst input is a report with errors, 0 when all are clean', async () => {
    const d = tempDir('batch-clean');
    copyFileSync(join(DOCUMENTS, 'report001.html'), join(d, 'a.html'));
    copyFileSync(join(SEEDS, '000_db6ab2fb5e606285.txt'), join(d, 'b.txt'));
    const o = tempDir('batch-clean-out');
    expect((await runCli('parse', d, '--out', join(o, 'clean.jsonl'), '--quiet')).code).toBe(0);
    const withErrors = await runCli('parse', d, join(SEEDS, '003_c3f1cb69efaeb005.txt'), '--out', join(o, 'err.jsonl'), '--quiet');
    expect(withErrors.code).toBe(1);
    expect(lines(join(o, 'err.jsonl'))).toHaveLength(3);
  });

  it('the real command (bin, worker threads) gives the same lines and exit code', async () => {
    const dir = mixedFolder();
    const o = tempDir('batch-bin');
    const r = await spawnCli(o, ['parse', dir, '--out', 'x.jsonl', '--quiet'], 120_000);
    expect(r.code, r.err).toBe(3);
    expect(lines(join(o, 'x.jsonl'))).toHaveLength(8);
  });
});

describe('--resume', () => {
  it('skips the inputs already in the output and appends the rest; a cut-off last line is redone', async () => {
    const dir = tempDir('resume-in');
    copyFileSync(join(DOCUMENTS, 'report001.html'), join(dir, 'a.html'));
    writeFileSync(join(dir, 'b.bin'), Buffer.from([0, 1, 2, 0xff]));
    const out = join(tempDir('resume-out'), 'r.jsonl');
    expect((await runCli('parse', dir, '--out', out, '--quiet')).code).toBe(3);
    const first = readFileSync(out, 'utf8');
    copyFileSync(join(SEEDS, '000_db6ab2fb5e606285.txt'), join(dir, 'c.txt'));
    copyFileSync(join(SEEDS, '001_ad94bb6e82e852b2.txt'), join(dir, 'd.txt'));
    const again = await runCli('parse', dir, '--out', out, '--resume', '--quiet');
    expect(again.err).toMatch(/4 input\(s\), 2 already in/);
    // The earlier bad input still counts for the exit code.
    expect(again.code).toBe(3);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith(first)).toBe(true);
    expect([...byInput(out).keys()].sort()).toEqual(['a.html', 'b.bin', 'c.txt', 'd.txt']);
    expect(lines(out)).toHaveLength(4);
    // A crash mid-line: the partial line is dropped and its input parsed again.
    const cut = text.slice(0, text.length - 40);
    writeFileSync(out, cut);
    await runCli('parse', dir, '--out', out, '--resume', '--quiet');
    const healed = lines(out);
    expect(healed).toHaveLength(4);
    expect(new Set(healed.map((l) => l.input)).size).toBe(4);
  });

  it('works with CSV output: one header, one row per input', async () => {
    const dir = tempDir('resume-csv');
    copyFileSync(join(DOCUMENTS, 'report001.html'), join(dir, 'a,1.html'));
    const out = join(tempDir('resume-csv-out'), 's.csv');
    await runCli('parse', dir, '--out', out, '--quiet', '--lang', 'en');
    writeFileSync(join(dir, '=b.html'), '<html><body>not a report</body></html>');
    const r = await runCli('parse', dir, '--out', out, '--quiet', '--lang', 'en', '--resume');
    expect(r.err).toMatch(/2 input\(s\), 1 already in/);
    const rows = readFileSync(out, 'utf8').split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('\ufeffinput,outcome,ok,reason,message,agency,year,template,score,errors,warnings,infos,doubtful,report_id,sha256,source_url');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^".*a,1\.html",ok,true,,,嘉兴市生态环境局,2020,2019,/);
    expect(rows[2]).toMatch(/=b\.html,unparseable,false,not-a-report,/);
    const third = await runCli('parse', dir, '--out', out, '--quiet', '--lang', 'en', '--resume');
    expect(third.err).toMatch(/2 input\(s\), 2 already in/);
    expect(readFileSync(out, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('--history auto', () => {
  it("checks each report against its agency's other years among the inputs", async () => {
    const dir = tempDir('history');
    const agency = '测试市生态环境局';
    const page = (year: number, carriedOver: Col7) => {
      const spec = { agency, year, kind: 'department' as const, carriedOver, publishedAt: `${year + 1}-01-20` };
      const { html, numbers } = reportBody(spec);
      writeFileSync(join(dir, `${year}.html`), `<html><head><meta charset="utf-8"><title>${reportTitle(spec)}</title></head><body><h1>${reportTitle(spec)}</h1>${html}</body></html>`);
      return numbers;
    };
    const y2019 = page(2019, ZERO7);
    expect(y2019.carriedForward[6]).toBeGreaterThan(0);
    page(2020, ZERO7); // 二、上年结转 0 though 2019 carried some forward
    const out = join(tempDir('history-out'), 'h.jsonl');
    const alone = join(tempDir('history-alone'), 'a.jsonl');
    await runCli('parse', dir, '--out', alone, '--quiet');
    await runCli('parse', dir, '--out', out, '--quiet', '--history', 'auto');
    const carry = (file: string) => byInput(file).get('2020.html')!.checks.find((c: { id: string }) => c.id === 'history.carry-over');
    expect(carry(alone).status).toBe('not-applicable');
    expect(carry(out).status).toBe('fail');
    expect(byInput(out).get('2020.html')!.findings.map((f: { id: string }) => f.id)).toContain('history.carry-over');
  });

  it('usage errors before any work: --history with a path in a batch, --out of another type, a batch without --out', async () => {
    const dir = mixedFolder();
    const o = tempDir('batch-usage');
    expect(await runCli('parse', dir, '--out', join(o, 'x.jsonl'), '--history', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/--history takes auto/) });
    expect(await runCli('parse', dir, '--out', join(o, 'x.txt'))).toMatchObject({ code: 2, err: expect.stringMatching(/--out must end in \.jsonl or \.csv/) });
    expect(await runCli('parse', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/writes to --out/) });
    expect(await runCli('parse', join(dir, 'report001.html'), '--resume')).toMatchObject({ code: 2, err: expect.stringMatching(/--resume and --jobs are for a batch/) });
  });
});

describe('the worker pool', () => {
  it('an input that never answers ends as a timeout line; the worker is replaced and the batch goes on', async () => {
    // A server that accepts the request and never answers (the fetch's own limit is 30 s, far later).
    const held: import('node:http').ServerResponse[] = [];
    const server: Server = createServer((_req, res) => { held.push(res); });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/report.html`;
    const pool = new ParsePool({ workers: 1, timeoutMs: 5000 });
    const opts = { ocr: false, check: {} };
    try {
      const [hung, good] = await Promise.all([
        pool.run({ kind: 'parse', input: url, opts, keepReport: false }),
        pool.run({ kind: 'parse', input: join(DOCUMENTS, 'report001.html'), opts, keepReport: false }),
      ]);
      expect(hung.result.summary).toMatchObject({ input: url, outcome: 'fetch', ok: false, reason: 'timeout' });
      expect(JSON.parse(hung.result.line).error).toMatchObject({ reason: 'timeout', retryable: true });
      expect(good.result.summary).toMatchObject({ outcome: 'ok', agency: '嘉兴市生态环境局' });
      // The replacement worker serves the next input.
      expect((await pool.run({ kind: 'parse', input: join(SEEDS, '000_db6ab2fb5e606285.txt'), opts, keepReport: false })).result.summary.ok).toBe(true);
    } finally {
      await pool.close();
      for (const r of held) r.destroy();
      server.close();
    }
  }, 60_000);
});

describe('single-file parse is unchanged', () => {
  it('prints the contract with --json and exits by the report', async () => {
    const r = await runCli('parse', join(DOCUMENTS, 'report001.html'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ schema: 'gongkai.report/1', agency: '嘉兴市生态环境局' });
    expect(j.input).toBeUndefined();
    const bad = await runCli('parse', join(mixedFolder(), 'garbage.bin'));
    expect(bad.code).toBe(3);
  });
});
