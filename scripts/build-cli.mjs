#!/usr/bin/env node
// Builds the `gongkai` CLI to plain JavaScript (crawler/dist/cli.js) so the command starts without
// compiling TypeScript. @gongkai/shared and the crawler are bundled; every npm package stays an
// import of its own, and the heavy ones (pdf.js, tesseract, exceljs, Playwright, pg) are imported
// only by the code paths that need them. Run by `npm install` (postinstall) and by `npm test`.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'crawler', 'dist');

/** @gongkai/shared's entry points, bundled from source (its package.json `exports`). */
const sharedPkg = JSON.parse(readFileSync(join(root, 'shared', 'package.json'), 'utf8'));

/** Bare imports of npm packages stay external; @gongkai/shared is bundled from its sources. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const m = /^@gongkai\/shared(\/.*)?$/.exec(args.path);
      if (!m) return { path: args.path, external: true };
      const entry = sharedPkg.exports[`.${m[1] ?? ''}`];
      if (!entry) return { errors: [{ text: `@gongkai/shared has no entry point '${args.path}'` }] };
      return { path: join(root, 'shared', entry) };
    });
  },
};

const started = Date.now();
mkdirSync(outdir, { recursive: true });
let result;
try {
  result = await build({
  // The batch-parse worker thread is an entry of its own (crawler/src/batch/pool.ts starts dist/batch-worker.js).
  entryPoints: { cli: join(root, 'crawler', 'src', 'cli', 'main.ts'), 'batch-worker': join(root, 'crawler', 'src', 'batch', 'worker.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [externalPackages],
  });
} catch (err) {
  // esbuild has printed each error with its place; one closing line, no stack trace.
  console.error(`build: failed (${err.errors?.length ?? 1} error(s)); the gongkai command falls back to the TypeScript sources`);
  process.exit(1);
}
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length;
console.log(`build: crawler/dist (${files} files) in ${Date.now() - started} ms`);
