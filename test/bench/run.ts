/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` in turn (or those named on the command line)
 * and prints each one's table. Benchmarks measure; tests never assert on time.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: () => Promise<void> };
  process.stdout.write(`\n## ${f.replace('.bench.ts', '')}\n`);
  await mod.run();
}
