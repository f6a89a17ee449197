/** The extension bundles zod through a narrow shim: it must offer every builder @gongkai/shared calls. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '../../extension/lib/zod-shim.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('zod shim', () => {
  it('covers every z.<builder> used by the shared library', () => {
    const used = new Set<string>();
    for (const f of sources(new URL('../../shared/src', import.meta.url).pathname)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bz\.([a-zA-Z]+)\b/g)) if (m[1] !== 'infer') used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((k) => !(k in z))).toEqual([]);
  });

  it('builds working schemas', () => {
    const s = z.object({ kind: z.literal('a'), n: z.number().int().nullable(), xs: z.array(z.string()), e: z.enum(['x', 'y']) });
    expect(s.safeParse({ kind: 'a', n: null, xs: ['1'], e: 'x' }).success).toBe(true);
    expect(s.safeParse({ kind: 'b', n: 1.5, xs: [1], e: 'z' }).success).toBe(false);
  });
});
