/**
 * Playwright global setup: builds the extension when its sources (or the shared library) are newer
 * than the build, then makes two e2e variants of the production build, both with host permissions
 * for the test portal host (www.example.gov.cn, mapped to the local fixture server by the test
 * browser; the production manifest itself only has optional host permissions):
 * - chrome-mv3-e2e: otherwise the production build exactly (closed shadow roots);
 * - chrome-mv3-e2e-inspect: the same with `version_name` "… inspect", which makes the lens use open
 *   shadow roots (extension/lib/shadow.ts) so tests can read the panel's DOM, and with the `tabs`
 *   permission in place of the activeTab grant of a click on the toolbar icon (the popup's tab URL).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const PROD_DIR = join(root, 'extension/build/chrome-mv3-prod');
export const E2E_DIR = join(root, 'extension/build/chrome-mv3-e2e');
export const E2E_INSPECT_DIR = join(root, 'extension/build/chrome-mv3-e2e-inspect');
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
  for (const [dir, inspect] of [[E2E_DIR, false], [E2E_INSPECT_DIR, true]] as const) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(PROD_DIR, dir, { recursive: true });
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    m.host_permissions = TEST_HOSTS;
    m.name = `${m.name} (e2e${inspect ? ', inspect' : ''})`;
    if (inspect) {
      m.version_name = `${m.version} inspect`;
      // Stands in for the activeTab grant a click on the toolbar icon gives (headless tests cannot
      // click it): the popup sees the URL of a tab on a site without host permission.
      m.permissions = [...(m.permissions ?? []), 'tabs'];
    }
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
  }
}

/** A failed build must fail the extension's tests only, not every end-to-end test of the project. */
export default function globalSetup(): void {
  try {
    buildIfStale();
  } catch (e) {
    for (const dir of [E2E_DIR, E2E_INSPECT_DIR]) rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`\n[extension] build failed, extension tests will fail: ${(e as Error).message}\n`);
  }
}
