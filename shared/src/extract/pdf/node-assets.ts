/** Node defaults for pdfjs's CMaps and standard fonts: plain paths with a trailing slash (a file:// URL fails). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfAssets } from './load.js';

let cached: PdfAssets | undefined;

/** Resolves `pdfjs-dist/cmaps/` and `pdfjs-dist/standard_fonts/` from node_modules. */
export function nodePdfAssets(): PdfAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  cached = { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
  return cached;
}
