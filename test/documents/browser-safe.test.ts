/** The PDF extractor must load in the extension's offscreen document: no Node built-ins in its module graph. */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

describe('shared/src/extract/pdf/index.ts', () => {
  it('bundles for the browser without Node built-ins', async () => {
    const entry = fileURLToPath(new URL('../../shared/src/extract/pdf/index.ts', import.meta.url));
    const out = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false,
      external: ['pdfjs-dist'], logLevel: 'silent' });
    expect(out.errors).toEqual([]);
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s+["']node:|require\(["'](?:node:)?(?:fs|path|zlib|module|child_process)["']\)/);
    expect(code).toContain('extractPdf');
  });
});
