/**
 * Playwright global setup: builds the extension when its sources (or the shared library) are newer
 * than the build, then makes the e2e variant — the production build plus host permissions for the
 * test portal host (www.example.gov.cn, mapped to the local fixture server by the test browser).
 * The production manifest itself only has optional host permissions.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const PROD_DIR = join(root, 'extension/build/chrome-mv3-prod');
export const E2E_DIR = join(root, 'extension/build/chrome-mv3-e2e');
export const TEST_HOSTS = ['http://www.example.gov.cn/*', 'http://*.example.gov.cn/*'];

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'build' || e.name === '.plasmo' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function buildIfStale(): void {
  const manifest = join(PROD_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(newest(join(root, 'extension')), newest(join(root, 'shared/src')));
  if (sources > built || process.env.GONGKAI_REBUILD === '1') {
    execFileSync('npm', ['run', 'build', '-w', '@gongkai/extension'], { cwd: root, stdio: 'inherit' });
  }
  rmSync(E2E_DIR, { recursive: true, force: true });
  cpSync(PROD_DIR, E2E_DIR, { recursive: true });
  const m = JSON.parse(readFileSync(join(E2E_DIR, 'manifest.json'), 'utf8'));
  m.host_permissions = TEST_HOSTS;
  m.name = `${m.name} (e2e)`;
  writeFileSync(join(E2E_DIR, 'manifest.json'), JSON.stringify(m));
}

/** A failed build must fail the extension's tests only, not every end-to-end test of the project. */
export default function globalSetup(): void {
  try {
    buildIfStale();
  } catch (e) {
    rmSync(E2E_DIR, { recursive: true, force: true });
    process.stderr.write(`\n[extension] build failed, extension tests will fail: ${(e as Error).message}\n`);
  }
}
