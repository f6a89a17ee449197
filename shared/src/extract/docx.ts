/**
 * DOCX → ExtractedDocument: zip-bomb guard, mammoth → HTML (keeps colspan and Word's vertical merges
 * as rowspan), then the HTML extractor. Node-only (the guard uses node:zlib).
 */
import mammoth from 'mammoth';
import { GongkaiError } from '../errors.js';
import type { ExtractedDocument } from './types.js';
import { extractHtml } from './html.js';
import { guardZip, type ZipLimits, DEFAULT_ZIP_LIMITS } from './zip-guard.js';

/** Extracts a .docx. Throws `GongkaiError` 'too-large' (zip bomb), 'corrupt', 'encrypted'. */
export async function extractDocx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ExtractedDocument> {
  const names = guardZip(bytes, limits);
  if (!names.includes('word/document.xml')) {
    throw new GongkaiError('unsupported', 'The zip archive is not a Word document (no word/document.xml).', '压缩包不是 Word 文档（缺少 word/document.xml）。');
  }
  let html: string;
  let warnings: string[] = [];
  try {
    const res = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = res.value;
    warnings = res.messages.filter((m) => m.type === 'error').map((m) => m.message);
  } catch (err) {
    throw new GongkaiError('corrupt', `The Word document could not be read: ${(err as Error).message}`, 'Word 文档已损坏，无法读取。', { cause: err });
  }
  const doc = extractHtml(`<html><body>${html}</body></html>`);
  doc.kind = 'docx';
  doc.encoding = null;
  const first = doc.text.split('\n').find((l) => l.trim() && !l.startsWith('\u0000'));
  doc.title = first && first.length <= 80 ? first.trim() : null;
  if (warnings.length) doc.notes.push(`Word conversion warnings: ${warnings.slice(0, 3).join('; ')}`);
  return doc;
}
