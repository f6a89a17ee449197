/**
 * tesseract.js, offline: Debian's chi_sim and eng data (/usr/share/tesseract-ocr/5/tessdata, uncompressed),
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

/**
 * The OCR languages and the Debian package that ships each one's data. Both are needed: measured on
 * the degraded scan of seed 001 (report001-scanned.pdf), chi_sim alone reads 85 of its 93 table cells
 * right, chi_sim + eng all 93 (eng's model reads the digits better), for ~15% more time.
 */
export const OCR_LANGUAGES = [
  { code: 'chi_sim', debianPackage: 'tesseract-ocr-chi-sim' },
  { code: 'eng', debianPackage: 'tesseract-ocr-eng' },
] as const;

/** Where tesseract's data files are looked for: GONGKAI_TESSDATA alone when set, else Debian's places. */
function tessdataCandidates(): string[] {
  const env = process.env.GONGKAI_TESSDATA;
  return env ? [env] : TESSDATA_DIRS;
}

/** The directory holding every OCR language's data file, or null. */
export function tessdataDir(): string | null {
  return tessdataCandidates().find((d) => OCR_LANGUAGES.every((l) => existsSync(`${d}/${l.code}.traineddata`))) ?? null;
}

/** The OCR data that is missing, as file paths and the Debian packages that install them (empty: all present). */
export function missingOcrData(): { files: string[]; packages: string[] } {
  if (tessdataDir()) return { files: [], packages: [] };
  // Name the files in the directory that holds at least one of them (else the first place looked).
  const dirs = tessdataCandidates();
  const dir = dirs.find((d) => OCR_LANGUAGES.some((l) => existsSync(`${d}/${l.code}.traineddata`))) ?? dirs[0]!;
  const missing = OCR_LANGUAGES.filter((l) => !existsSync(`${dir}/${l.code}.traineddata`));
  return { files: missing.map((l) => `${dir}/${l.code}.traineddata`), packages: missing.map((l) => l.debianPackage) };
}

let shared: Promise<Worker> | null = null;

/**
 * The shared OCR worker (OCR_LANGUAGES), created on first use. Fails with `needs-ocr` naming the
 * missing data files when the OCR data is not installed, and when the engine cannot start.
 */
export function ocrWorker(): Promise<Worker> {
  if (shared) return shared;
  const langPath = tessdataDir();
  if (!langPath) {
    const { files, packages } = missingOcrData();
    return Promise.reject(new GongkaiError('needs-ocr',
      `OCR data is not installed: ${files.join(', ')} missing (Debian: apt-get install ${packages.join(' ')}).`,
      `未安装文字识别数据：缺少 ${files.join('、')}（Debian：apt-get install ${packages.join(' ')}），无法识别扫描件。`));
  }
  process.env.OMP_THREAD_LIMIT ??= '1';
  const require = createRequire(import.meta.url);
  const workerPath = require.resolve('tesseract.js/src/worker-script/node/index.js');
  const corePath = dirname(require.resolve('tesseract.js-core/package.json'));
  shared = createWorker(OCR_LANGUAGES.map((l) => l.code), 1, { langPath, gzip: false, cacheMethod: 'none', workerPath, corePath, logger: () => {} })
    .catch((err: unknown) => {
      shared = null;
      throw new GongkaiError('needs-ocr', `The OCR engine could not start: ${err instanceof Error ? err.message : String(err)}`, '文字识别引擎无法启动。');
    });
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
