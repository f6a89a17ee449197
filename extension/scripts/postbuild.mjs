// After `plasmo build`: give the two content scripts stable names (the background injects them by
// name) and drop their placeholder declarations from the manifest, so no content script is declared.
import { readFileSync, renameSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../build/chrome-mv3-prod/', import.meta.url).pathname;
const manifestPath = join(dir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const scripts = manifest.content_scripts ?? [];
for (const name of ['gate', 'lens']) {
  const entry = scripts.find((s) => s.js?.some((f) => f.startsWith(`${name}.`)));
  const file = entry?.js.find((f) => f.startsWith(`${name}.`));
  if (file && file !== `${name}.js`) renameSync(join(dir, file), join(dir, `${name}.js`));
  if (!file && !readdirSync(dir).includes(`${name}.js`)) throw new Error(`postbuild: ${name} bundle not found`);
  if (entry?.css?.length) throw new Error(`postbuild: ${name} has CSS files; inline styles only`);
}
delete manifest.content_scripts;
writeFileSync(manifestPath, JSON.stringify(manifest));
console.log('postbuild: gate.js, lens.js; content_scripts removed from manifest');
