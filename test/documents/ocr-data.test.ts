/**
 * A machine without all the OCR data (here: chi_sim present, eng missing, as a bare
 * `tesseract-ocr-chi-sim` install leaves it): a scan is `needs-ocr` naming the missing file and its
 * Debian package, in seconds — never a time-out, a tesseract stack trace or exit code 1.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS, documentBytes } from '../core/fixtures.ts';

const BIN = resolve(import.meta.dirname, '..', '..', 'crawler', 'bin', 'gongkai.js');
const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
let partial: string;

beforeAll(() => {
  partial = mkdtempSync(join(tmpdir(), 'gongkai-tessdata-'));
  // The test needs chi_sim itself: without it the machine is not set up (scripts/install.sh).
  copyFileSync(join(DEBIAN_TESSDATA, 'chi_sim.traineddata'), join(partial, 'chi_sim.traineddata'));
  process.env.GONGKAI_TESSDATA = partial;
});
afterAll(() => {
  delete process.env.GONGKAI_TESSDATA;
  rmSync(partial, { recursive: true, force: true });
});

describe('OCR data missing', () => {
  it('names the missing data file and its package', async () => {
    const { missingOcrData } = await import('../../shared/src/extract/ocr/engine.ts');
    expect(missingOcrData()).toEqual({ files: [join(partial, 'eng.traineddata')], packages: ['tesseract-ocr-eng'] });
  });

  it('parseBytes of a scan is needs-ocr, with the file in the message', async () => {
    const { parseBytes } = await import('../../shared/src/node.ts');
    const r = await parseBytes(documentBytes('report001-scanned.pdf'), { name: 'report001-scanned.pdf', ocr: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('needs-ocr');
    expect(r.message.en).toContain(join(partial, 'eng.traineddata'));
    expect(r.message.en).toContain('tesseract-ocr-eng');
  });

  it('gongkai parse of a scan exits 3 with needs-ocr and one line, no stack trace', async () => {
    const { code, stderr, stdout } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, [BIN, 'parse', join(DOCUMENTS, 'report001-scanned.pdf')], { env: { ...process.env, GONGKAI_TESSDATA: partial }, timeout: 60_000 },
        (err, stdout, stderr) => done({ code: err ? (err as { code?: number }).code ?? null : 0, stdout, stderr }));
    });
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/\[needs-ocr\]/);
    expect(stderr).toContain('eng.traineddata');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });
});
