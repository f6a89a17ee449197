/**
 * The inputs of a batch parse: URLs as given, files as given, folders walked (every file below,
 * sorted; hidden files and folders and symbolic links to folders skipped). A path that does not exist
 * stays an input: its line says not-found.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export async function expandInputs(targets: string[], exclude: string[] = []): Promise<string[]> {
  const skip = new Set(exclude.map((p) => resolve(p)));
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = /^https?:\/\//i.test(p) ? p : resolve(p);
    if (skip.has(key) || seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  async function walk(dir: string): Promise<void> {
    const entries = (await readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) add(p);
      else if (e.isSymbolicLink()) {
        const st = await stat(p).catch(() => null);
        if (st?.isFile()) add(p);
      }
    }
  }
  for (const t of targets) {
    if (/^https?:\/\//i.test(t)) { add(t); continue; }
    const st = await stat(t).catch(() => null);
    if (st?.isDirectory()) await walk(t);
    else add(t);
  }
  return out;
}
