/**
 * Bad input of the kinds issue 9's generated runs found, built as real bytes: damaged UTF-8 text
 * reports (from the handbook's seed texts), pages whose HTTP charset is wrong, HTML nested 3·10⁴ deep,
 * PDFs and images whose headers state 20000×20000 pixels, text-less documents. Each must finish in
 * seconds with its typed reason, or parse as the undamaged document does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBytes, extractHtml, parseHtml, type ParseResult } from '../../shared/src/index.ts';
import { parseBytes } from '../../shared/src/node.ts';
import { extractBinary } from '../../shared/src/extract/binary.ts';
import { guardHtmlDepth, MAX_HTML_DEPTH } from '../../shared/src/extract/html-depth.ts';
import { pdfImageHeaders } from '../../shared/src/extract/pdf/image-headers.ts';
import { documentBytes, SEEDS, seedFiles } from '../core/fixtures.ts';
import { valuesOf } from '../core/report-values.ts';
import { makePdf, table3Pages } from './pdf-writer.ts';

/** Seconds, generous for a loaded 2-core machine; the unguarded paths took 27–29 s. */
const SECONDS = 20_000;

function report(r: ParseResult) {
  if (!r.ok) throw new Error(`${r.reason}: ${r.message.en}`);
  return r.report;
}

describe('UTF-8 text reports with damaged bytes stay UTF-8', () => {
  /** Flip bit 6 of the continuation byte of the k-th multi-byte character: 10xxxxxx → 11xxxxxx. */
  function damage(b: Uint8Array, at: number[]): Uint8Array {
    const out = b.slice();
    const starts: number[] = [];
    for (let i = 0; i < b.length; i++) if (b[i]! >= 0xe0 && b[i]! <= 0xef) starts.push(i);
    for (const f of at) { const i = starts[Math.floor(f * (starts.length - 1))]! + 1; out[i] = out[i]! ^ 0x40; }
    return out;
  }

  const seeds = seedFiles();
  it.each(seeds.flatMap((f) => [[f, [0.37]], [f, [0.11, 0.83]]] as [string, number[]][]))('%s with flips at %j', async (file, at) => {
    const clean = new Uint8Array(readFileSync(join(SEEDS, file)));
    const bad = damage(clean, at);
    expect(new TextDecoder('utf-8', { fatal: false }).decode(bad)).toContain('\ufffd');
    const dec = decodeBytes(bad);
    expect(dec.encoding).toBe('utf-8');
    const r = report(await parseBytes(bad, { name: file }));
    const base = report(await parseBytes(clean, { name: file }));
    expect(r.source.encoding).toBe('utf-8');
    const note = r.notes.find((n) => /invalid UTF-8 byte sequence/.test(n));
    expect(note).toBeDefined();
    const count = Number(/^(\d+) invalid/.exec(note!)![1]);
    expect(count).toBeGreaterThanOrEqual(at.length);
    expect(count).toBeLessThanOrEqual(3 * at.length);
    expect(r.year).toBe(base.year);
    expect(r.sections.length).toBeGreaterThanOrEqual(base.sections.length - at.length);
  }, SECONDS);
});

describe('a wrong charset label does not beat the bytes', () => {
  const utf8Page = documentBytes('report001.html');
  const gbkPage = documentBytes('report001-gbk.html');
  const expected = valuesOf(report(parseHtml(new TextDecoder().decode(utf8Page))));

  it('a GBK page served as charset=utf-8 is read by its <meta> (gb2312 → gb18030)', async () => {
    const r = report(await parseBytes(gbkPage, { contentType: 'text/html; charset=utf-8' }));
    expect(r.source.encoding).toBe('gb18030');
    expect(r.notes.join(' ')).toMatch(/says UTF-8, but the body is not UTF-8/);
    expect(valuesOf(r)).toEqual(expected);
  }, SECONDS);

  it('a GBK page served as ISO-8859-1 (a Java server default) is read by its <meta>', async () => {
    const r = report(await parseBytes(gbkPage, { contentType: 'text/html;charset=ISO-8859-1' }));
    expect(r.source.encoding).toBe('gb18030');
    expect(valuesOf(r)).toEqual(expected);
  }, SECONDS);

  it('a UTF-8 page served as charset=gbk is read as UTF-8, with a note', async () => {
    const r = report(await parseBytes(utf8Page, { contentType: 'text/html; charset=GBK' }));
    expect(r.source.encoding).toBe('utf-8');
    expect(r.notes.join(' ')).toMatch(/charset "gb18030" contradicts the body, which is valid UTF-8/);
    expect(valuesOf(r)).toEqual(expected);
  }, SECONDS);

  it('a UTF-8 page whose <meta> says gb2312 is read as UTF-8', () => {
    const html = new TextDecoder().decode(utf8Page).replace('<head>', '<head><meta charset="gb2312">');
    const dec = decodeBytes(new TextEncoder().encode(html));
    expect(dec.encoding).toBe('utf-8');
    expect(dec.notes.join(' ')).toMatch(/<meta> charset "gb18030" contradicts/);
  });
});

describe('HTML nested 3·10⁴ deep', () => {
  const page = new TextDecoder().decode(documentBytes('report001.html'));
  const expected = valuesOf(report(parseHtml(page)));

  it('<table><tr><td> × 30000: the tables below level 224 are not read → too-large saying so, not not-a-report', () => {
    const r = parseHtml(`<html><body>${'<table><tr><td>'.repeat(30000)}一、总体情况${'</td></tr></table>'.repeat(30000)}</body></html>`);
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
    if (!r.ok) expect(r.message.zh).toMatch(/^网页表格嵌套过深/);
  }, SECONDS);

  it.each(['div', 'ul'])('<%s> × 30000 with no report → not-a-report, in seconds', (open) => {
    const close = `</${open.split('>')[0]}>`;
    const r = parseHtml(`<html><body>${`<${open}>`.repeat(30000)}一、总体情况${close.repeat(30000)}</body></html>`);
    expect(r).toMatchObject({ ok: false, reason: 'not-a-report' });
  }, SECONDS);

  it('a real report inside 30000 nested <div>s reads as the plain page, with a note', () => {
    const body = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>'));
    const deep = `<html><head><title>市生态环境局2020年度政府信息公开工作年度报告</title></head><body>${'<div>'.repeat(30000)}${body}${'</div>'.repeat(30000)}</body></html>`;
    const doc = extractHtml(deep);
    expect(doc.notes[0]).toMatch(new RegExp(`HTML nested 30\\d{3} levels deep: \\d+ tag\\(s\\) below level ${MAX_HTML_DEPTH} were dropped`));
    expect(valuesOf(report(parseHtml(deep)))).toEqual(expected);
  }, SECONDS);

  it('the guard leaves ordinary pages untouched (same string, nothing dropped)', () => {
    const g = guardHtmlDepth(page);
    expect(g.dropped).toBe(0);
    expect(g.html).toBe(page);
    expect(g.maxDepth).toBeLessThan(20);
  });

  it('the guard does not count implied end tags (<p>, <li>, <td>) or script text as nesting', () => {
    const html = `<body>${'<p>a'.repeat(5000)}<ul>${'<li>x'.repeat(5000)}</ul><table>${'<tr><td>1<td>2'.repeat(3000)}</table><script>${'<div>'.repeat(5000)}</script></body>`;
    const g = guardHtmlDepth(html);
    expect(g.dropped).toBe(0);
    expect(g.maxDepth).toBeLessThan(8);
  });

  it('a spent time budget → timeout (retryable)', () => {
    expect(() => extractHtml(page, null, 0)).toThrow(expect.objectContaining({ reason: 'timeout', retryable: true }));
  }, SECONDS);
});

describe('images whose headers state 20000 × 20000 pixels are never decoded', () => {
  const huge = { width: 20000, height: 20000 };

  it('the image dictionary is read from the bytes', () => {
    expect(pdfImageHeaders(makePdf([{ texts: [], image: huge }]))).toEqual([huge]);
    expect(pdfImageHeaders(makePdf(table3Pages({ borders: 'stroke' })))).toEqual([]);
  });

  it('a text PDF with a huge picture page: the text is read', async () => {
    const pdf = makePdf([...table3Pages({ borders: 'stroke', split: 5 }), { texts: [], image: huge }]);
    const r = report(await parseBytes(pdf, { ocr: false }));
    expect(r.table3).not.toBeNull();
    expect(r.notes.join(' ')).toMatch(/Page\(s\) 3 have \(almost\) no text layer/);
  }, SECONDS);

  it('a scan whose only image is huge, OCR on → too-large, before decoding', async () => {
    const pdf = makePdf([{ texts: [], image: huge }, { texts: [], image: huge }]);
    const r = await parseBytes(pdf);
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
    if (!r.ok) expect(r.message.en).toMatch(/20000×20000/);
  }, SECONDS);

  it('the same scan with OCR off → needs-ocr', async () => {
    expect(await parseBytes(makePdf([{ texts: [], image: huge }]), { ocr: false })).toMatchObject({ ok: false, reason: 'needs-ocr' });
  }, SECONDS);

  function png(w: number, h: number): Uint8Array {
    const chunk = (type: string, body: Buffer): Buffer => {
      const len = Buffer.alloc(4); len.writeUInt32BE(body.length);
      const tb = Buffer.concat([Buffer.from(type, 'latin1'), body]);
      const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(tb));
      return Buffer.concat([len, tb, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 0;
    const idat = deflateSync(Buffer.alloc(w + 1, 255)); // one row only: the rest is missing
    return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]));
  }

  /** A baseline JPEG header: SOI, APP0 (JFIF), DQT, SOF0 stating the size, then EOI (no scan data). */
  function jpeg(w: number, h: number): Uint8Array {
    const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const dqt = [0xff, 0xdb, 0, 67, 0, ...new Array<number>(64).fill(1)];
    const sof = [0xff, 0xc0, 0, 11, 8, h >> 8, h & 255, w >> 8, w & 255, 1, 1, 0x11, 0];
    return new Uint8Array([0xff, 0xd8, ...app0, ...dqt, ...sof, 0xff, 0xd9]);
  }

  it.each([['PNG', png], ['JPEG', jpeg]] as const)('a %s image stating 20000×20000 → too-large, from its header', async (_, make) => {
    const r = await parseBytes(make(20000, 20000));
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
    if (!r.ok) expect(r.message.en).toMatch(/20000×20000/);
  }, SECONDS);
});

describe('`empty` is for empty input only', () => {
  it('zero bytes, whitespace bytes, an empty string → empty', async () => {
    expect(await parseBytes(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
    expect(await parseBytes(new TextEncoder().encode(' \n\t\r\n  '))).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseHtml('  \n')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('a PDF with pages but no text and no images → no-text', async () => {
    const pdf = makePdf([{ texts: [], lines: [[50, 50, 500, 50]] }, { texts: [] }]);
    expect(await parseBytes(pdf, { ocr: false })).toMatchObject({ ok: false, reason: 'no-text', retryable: false });
    expect(await parseBytes(pdf)).toMatchObject({ ok: false, reason: 'no-text' });
  }, SECONDS);

  it('a page of markup with no text → no-text', () => {
    expect(parseHtml('<html><head><title></title></head><body><div><img src="a.png"></div></body></html>')).toMatchObject({ ok: false, reason: 'no-text' });
  });

  it('a DOCX extraction with no text → no-text', async () => {
    const doc = await extractBinary(documentBytes('report001.docx'), 'docx');
    const { parseExtracted } = await import('../../shared/src/index.ts');
    expect(parseExtracted({ ...doc, text: '', grids: [] })).toMatchObject({ ok: false, reason: 'no-text' });
  }, SECONDS);
});
