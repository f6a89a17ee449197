#!/usr/bin/env node
// `npm test`: the CLI build, then every test suite — vitest (unit + integration) then Playwright (end to
// end, Debian Chromium) — and one closing line `tests: N passed, M failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'gongkai-tests-'));
const bin = (name) => join('node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let suitesFailed = 0;

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

// 0. The CLI build (crawler/dist): tests that spawn `gongkai` run what users run.
const bCode = run(process.execPath, [join('scripts', 'build-cli.mjs')]);
if (bCode !== 0) { failed += 1; suitesFailed++; }

// 1. vitest
const vitestJson = join(out, 'vitest.json');
const vCode = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0);
  // A file that failed to load counts as a failure even though it ran no test.
  failed += (v.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
} else if (vCode !== 0) { failed += 1; }
if (vCode !== 0) suitesFailed++;

// 2. Playwright (only if there are end-to-end specs)
const e2eDir = join('test', 'e2e');
const hasSpecs = existsSync(e2eDir) && readdirSync(e2eDir, { recursive: true }).some((f) => String(f).endsWith('.spec.ts'));
if (hasSpecs) {
  const pwJson = join(out, 'playwright.json');
  const pCode = run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
    if ((s.unexpected ?? 0) === 0 && pCode !== 0) failed += 1; // crashed before or after the tests
  } else if (pCode !== 0) { failed += 1; }
  if (pCode !== 0) suitesFailed++;
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || suitesFailed > 0 ? 1 : 0);
