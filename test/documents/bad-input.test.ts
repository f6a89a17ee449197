/** Bad Word/zip/image input: typed errors in bounded time and memory. */
import { describe, expect, it } from 'vitest';
import { deflateRawSync, deflateSync, crc32 } from 'node:zlib';
import { extractBinary } from '../../shared/src/extract/binary.ts';
import { guardZip } from '../../shared/src/extract/zip-guard.ts';
import { documentBytes } from '../core/fixtures.ts';

/** A one-entry zip; `declared` overrides the uncompressed size written in the headers. */
function zipOf(name: string, data: Buffer, declared?: number): Uint8Array {
  const comp = deflateRawSync(data);
  const size = declared ?? data.length;
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14); local.writeUInt32LE(comp.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16); central.writeUInt32LE(comp.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = 30 + n.length + comp.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12); end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, n, comp, central, n, end]));
}

describe('DOCX guard', () => {
  it('refuses a zip bomb by its declared ratio before inflating', async () => {
    const bomb = zipOf('word/document.xml', Buffer.alloc(30_000_000));
    await expect(extractBinary(bomb, 'docx')).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('refuses an entry that inflates past the size it declares', () => {
    const liar = zipOf('word/document.xml', Buffer.alloc(3_000_000), 1000);
    expect(() => guardZip(liar)).toThrow(expect.objectContaining({ reason: 'too-large' }));
  });

  it('a truncated DOCX → corrupt', async () => {
    const full = documentBytes('report001.docx');
    await expect(extractBinary(full.slice(0, full.length >> 1), 'docx')).rejects.toMatchObject({ reason: 'corrupt' });
  });

  it('a zip that is not a Word document → unsupported', async () => {
    await expect(extractBinary(zipOf('hello.txt', Buffer.from('hi')), 'docx')).rejects.toMatchObject({ reason: 'unsupported' });
  });
});

describe('DOC and other OLE files', () => {
  const ole = (stream?: string): Uint8Array => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    if (stream) b.set(Buffer.from(stream, 'utf16le'), 1024);
    return b;
  };

  it('garbage in a file that names a WordDocument stream → corrupt', async () => {
    await expect(extractBinary(ole('WordDocument'), 'doc')).rejects.toMatchObject({ reason: 'corrupt' });
  });

  it('a password-protected DOCX (OLE with EncryptedPackage) → encrypted', async () => {
    await expect(extractBinary(ole('EncryptedPackage'), 'doc')).rejects.toMatchObject({ reason: 'encrypted' });
  });

  it('an OLE file that is not Word (e.g. .xls) → unsupported', async () => {
    await expect(extractBinary(ole('Workbook'), 'doc')).rejects.toMatchObject({ reason: 'unsupported' });
  });

  it('the real DOC still reads', async () => {
    const doc = await extractBinary(documentBytes('report001.doc'), 'doc');
    expect(doc.grids.length).toBeGreaterThanOrEqual(3);
  });
});

describe('images', () => {
  it('a PNG with no table and no text → not-a-report (after OCR)', async () => {
    const w = 400, h = 300;
    const raw = Buffer.alloc((w + 1) * h, 255);
    for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0;
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 0;
    const chunk = (type: string, body: Buffer): Buffer => {
      const len = Buffer.alloc(4); len.writeUInt32BE(body.length);
      const tb = Buffer.concat([Buffer.from(type, 'latin1'), body]);
      const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(tb));
      return Buffer.concat([len, tb, crc]);
    };
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
    await expect(extractBinary(new Uint8Array(png), 'image')).rejects.toMatchObject({ reason: 'not-a-report' });
  });

  it('bytes that are no image → unsupported', async () => {
    await expect(extractBinary(new Uint8Array([1, 2, 3, 4, 5]), 'image')).rejects.toMatchObject({ reason: 'unsupported' });
  });
});
