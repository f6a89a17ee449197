// After `plasmo build`: give the three content scripts stable names (the background injects them by
// name) and drop their placeholder declarations from the manifest, so no content script is declared.
// Then copy pdf.js's worker, CMaps and standard fonts, which the offscreen document (tabs/offscreen)
// loads from the extension's own origin: they are not listed in web_accessible_resources, so web
// pages cannot load them.
import { cpSync, readFileSync, renameSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dir = new URL('../build/chrome-mv3-prod/', import.meta.url).pathname;
const manifestPath = join(dir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const scripts = manifest.content_scripts ?? [];
for (const name of ['gate', 'lens', 'tools']) {
  const entry = scripts.find((s) => s.js?.some((f) => f.startsWith(`${name}.`)));
  const file = entry?.js.find((f) => f.startsWith(`${name}.`));
  if (file && file !== `${name}.js`) renameSync(join(dir, file), join(dir, `${name}.js`));
  if (!file && !readdirSync(dir).includes(`${name}.js`)) throw new Error(`postbuild: ${name} bundle not found`);
  if (entry?.css?.length) throw new Error(`postbuild: ${name} has CSS files; inline styles only`);
}
delete manifest.content_scripts;

// The lens runs almost all of its code on its first page: V8's compile hint makes it compile every
// function with the script instead of each lazily on its first call (a cold first page of a
// session: CPU 29 → 18–20 ms in the bench).
const lens = join(dir, 'lens.js');
const HINT = '//# allFunctionsCalledOnLoad\n';
const lensCode = readFileSync(lens, 'utf8');
if (!lensCode.startsWith(HINT)) writeFileSync(lens, HINT + lensCode);

// pdfjs-dist as the shared library resolves it (the same copy the offscreen bundle was built from).
const require = createRequire(new URL('../../shared/package.json', import.meta.url));
const pdfjs = dirname(require.resolve('pdfjs-dist/package.json'));
const worker = join(pdfjs, 'legacy/build/pdf.worker.min.mjs');
cpSync(existsSync(worker) ? worker : join(pdfjs, 'legacy/build/pdf.worker.mjs'), join(dir, 'pdf.worker.mjs'));
cpSync(join(pdfjs, 'cmaps'), join(dir, 'cmaps'), { recursive: true });
cpSync(join(pdfjs, 'standard_fonts'), join(dir, 'standard_fonts'), { recursive: true });
if (!readdirSync(join(dir, 'tabs')).includes('offscreen.html')) throw new Error('postbuild: tabs/offscreen.html not built');

writeFileSync(manifestPath, JSON.stringify(manifest));
console.log('postbuild: gate.js, lens.js (compile hint), tools.js; content_scripts removed from manifest; pdf.js worker, cmaps, standard_fonts copied');
