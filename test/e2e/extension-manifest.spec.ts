/** The production build's manifest: nothing granted at install, no content script declared. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PROD_DIR } from './build-extension.ts';

test('production manifest asks for nothing up front', () => {
  const m = JSON.parse(readFileSync(join(PROD_DIR, 'manifest.json'), 'utf8'));
  expect(m.manifest_version).toBe(3);
  expect([...m.permissions].sort()).toEqual(['activeTab', 'offscreen', 'scripting', 'storage']);
  expect(m.optional_host_permissions).toEqual(['*://*.gov.cn/*']);
  expect(m.host_permissions).toBeUndefined();
  expect(m.content_scripts).toBeUndefined();
  expect(m.web_accessible_resources).toBeUndefined();
  // The scripts the background injects by name exist; the gate stays small.
  const files = readdirSync(PROD_DIR);
  expect(files).toEqual(expect.arrayContaining(['gate.js', 'lens.js', 'popup.html', 'options.html']));
  expect(readFileSync(join(PROD_DIR, 'gate.js')).length).toBeLessThan(8 * 1024);
});
