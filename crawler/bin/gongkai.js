#!/usr/bin/env node
// The `gongkai` command. Runs the JavaScript build (crawler/dist, made by `npm install` and
// `npm test` through scripts/build-cli.mjs). When the build is missing or older than a source file
// (a developer's edit), it runs the TypeScript sources through tsx instead: slower to start, same result.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const crawlerDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(crawlerDir, 'dist', 'cli.js');

/** Newest modification time (ms) of any source file below `dir`. */
function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function buildIsFresh() {
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return [join(crawlerDir, 'src'), join(crawlerDir, '..', 'shared', 'src')].every((d) => !existsSync(d) || newestSource(d) <= builtAt);
}

let main;
if (process.env.GONGKAI_FROM_SOURCE !== '1' && buildIsFresh()) {
  ({ main } = await import(pathToFileURL(built).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
