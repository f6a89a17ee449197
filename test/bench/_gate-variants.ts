/**
 * Variants of the gate in the real extension, measured as `npm run bench -- extension` measures the
 * non-report pages (same trace, same accounting: `extensionMs`), without a rebuild per variant: each
 * candidate gate entry file is bundled with esbuild and written over gate.js in a copy of the e2e
 * build. Rounds alternate the variants (one browser each), so a busy machine hits them alike.
 *
 *   npx tsx test/bench/_gate-variants.ts [rounds] gate-a.ts gate-b.ts …
 *
 * A variant is a complete gate entry (e.g. extension/contents/gate.ts itself, or a copy importing
 * another quick-detect). Not a benchmark of record: the bench measures the build.
 */
import { build } from 'esbuild';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIfStale, E2E_DIR } from '../e2e/build-extension.ts';
import { launchLab, ORIGIN, type Lab } from '../fixtures/extension/harness.ts';
import { PATHS } from '../fixtures/extension/server.ts';
import { extensionMs, trace } from './extension.bench.ts';
import { percentile } from './stats.ts';

const argv = process.argv.slice(2);
const rounds = /^\d+$/.test(argv[0] ?? '') ? Number(argv.shift()) : 3;
const LOADS = 5;
const files = argv.map((f) => resolve(f));
const PAGES = { plain: PATHS.plain, long: PATHS.bigPlain } as const;

async function loadCost(lab: Lab, path: string): Promise<{ wall: number; cpu: number }> {
  const cdp = await lab.context.newCDPSession(lab.page);
  await lab.page.goto(ORIGIN + PATHS.plain + '?warm');
  const events = await trace(cdp, async () => { await lab.page.goto(ORIGIN + path); await lab.page.waitForTimeout(800); });
  await cdp.detach();
  const m = extensionMs(events);
  return { wall: m.total, cpu: m.cpu };
}

buildIfStale();
const root = mkdtempSync(join(tmpdir(), 'gate-variants-'));
try {
  const dirs: string[] = [];
  for (const [i, f] of files.entries()) {
    const out = await build({ entryPoints: [f], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022', minify: true, logLevel: 'silent' });
    const dir = join(root, String(i));
    cpSync(E2E_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'gate.js'), out.outputFiles[0]!.text);
    dirs.push(dir);
  }
  const got = files.map(() => Object.fromEntries(Object.keys(PAGES).map((p) => [p, { wall: [] as number[], cpu: [] as number[] }])));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < files.length; k++) {
      const c = (k + r) % files.length;
      const lab = await launchLab({ extDir: dirs[c] });
      try {
        for (const [name, path] of Object.entries(PAGES)) {
          await loadCost(lab, path); // the first load compiles the gate (no code cache yet)
          for (let i = 0; i < LOADS; i++) {
            const m = await loadCost(lab, path);
            got[c]![name]!.wall.push(m.wall);
            got[c]![name]!.cpu.push(m.cpu);
          }
        }
      } finally {
        await lab.close();
      }
    }
  }
  const med = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50).toFixed(2);
  for (const name of Object.keys(PAGES)) {
    for (let c = 0; c < files.length; c++) {
      const g = got[c]![name]!;
      process.stdout.write(`${name.padEnd(6)} ${files[c]!.split('/').slice(-2).join('/').padEnd(32)} wall ${med(g.wall)}  cpu ${med(g.cpu)}  (n ${g.cpu.length})\n`);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
