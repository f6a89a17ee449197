/**
 * tesseract.js, offline: Debian's chi_sim data (/usr/share/tesseract-ocr/5/tessdata, uncompressed),
 * worker and core resolved from node_modules so nothing is downloaded. One worker is reused.
 * Node-only.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { existsSync } from 'node:fs';
import { createWorker, type Worker } from 'tesseract.js';
import { GongkaiError } from '../../errors.js';
import type { Gray } from './image.js';

const TESSDATA_DIRS = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata', '/usr/share/tessdata'];

/** Where chi_sim.traineddata lives (env GONGKAI_TESSDATA overrides). */
export function tessdataDir(): string | null {
  const env = process.env.GONGKAI_TESSDATA;
  for (const d of env ? [env, ...TESSDATA_DIRS] : TESSDATA_DIRS) if (existsSync(`${d}/chi_sim.traineddata`)) return d;
  return null;
}

let shared: Promise<Worker> | null = null;

/** The shared OCR worker (chi_sim + eng), created on first use. */
export function ocrWorker(): Promise<Worker> {
  if (shared) return shared;
  const langPath = tessdataDir();
  if (!langPath) {
    return Promise.reject(new GongkaiError('unsupported', 'OCR data (tesseract-ocr-chi-sim) is not installed.', '未安装文字识别数据（tesseract-ocr-chi-sim），无法识别扫描件。'));
  }
  process.env.OMP_THREAD_LIMIT ??= '1';
  const require = createRequire(import.meta.url);
  const workerPath = require.resolve('tesseract.js/src/worker-script/node/index.js');
  const corePath = dirname(require.resolve('tesseract.js-core/package.json'));
  shared = createWorker(['chi_sim', 'eng'], 1, { langPath, gzip: false, cacheMethod: 'none', workerPath, corePath, logger: () => {} });
  shared.catch(() => { shared = null; });
  return shared;
}

/** Terminates the shared worker (tests, CLI exit). */
export async function closeOcr(): Promise<void> {
  const w = shared;
  shared = null;
  if (w) await (await w).terminate();
}

/** A grayscale image as binary PGM, which Leptonica reads without codecs. */
export function toPgm(img: Gray): Buffer {
  const head = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii');
  return Buffer.concat([head, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength)]);
}

/** A recognised word; `ly0`/`ly1` are its text line's top and bottom (CJK glyph boxes vary in height). */
export interface OcrWord { text: string; conf: number; x0: number; y0: number; x1: number; y1: number; ly0: number; ly1: number }

/** OCR of a whole image: words with boxes and confidences (0..1). */
export async function recognizeWords(img: Gray, psm = '6'): Promise<OcrWord[]> {
  const w = await ocrWorker();
  await w.setParameters({ tessedit_pageseg_mode: psm as never, preserve_interword_spaces: '1', tessedit_do_invert: '0' } as never);
  const res = await w.recognize(toPgm(img), {}, { blocks: true, text: false });
  const words: OcrWord[] = [];
  for (const b of res.data.blocks ?? []) for (const p of b.paragraphs) for (const l of p.lines) for (const wd of l.words) {
    if (!wd.text.trim()) continue;
    words.push({ text: wd.text.trim(), conf: wd.confidence / 100, x0: wd.bbox.x0, y0: wd.bbox.y0, x1: wd.bbox.x1, y1: wd.bbox.y1,
      ly0: l.bbox.y0, ly1: l.bbox.y1 });
  }
  return words;
}

/**
 * Re-reads one small image (a table cell) as a single text line. No character whitelist: with the
 * chi_sim+eng models a digits whitelist makes tesseract return nothing; callers keep only numbers.
 */
export async function recognizeDigits(img: Gray): Promise<{ text: string; conf: number }> {
  const w = await ocrWorker();
  await w.setParameters({ tessedit_pageseg_mode: '7' as never, tessedit_char_whitelist: '' });
  const res = await w.recognize(toPgm(img), {}, { text: true });
  return { text: (res.data.text ?? '').replace(/\s+/g, ''), conf: (res.data.confidence ?? 0) / 100 };
}
