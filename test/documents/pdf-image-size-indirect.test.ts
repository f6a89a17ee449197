/**
 * Image sizes from the header, also when /Width and /Height are indirect numbers (`/Width 12 0 R`,
 * then `12 0 obj 20000 endobj`): a 20000 × 20000 scan is refused as too-large before any decode,
 * never read as a 0 × 0 image. A size the bytes do not give is unknown — counted as over the limit.
 */
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../shared/src/node.ts';
import { oversizeImages, pdfImageHeaders } from '../../shared/src/extract/pdf/image-headers.ts';
import { makePdf, table3Pages } from './pdf-writer.ts';

const SECONDS = 20_000;

/** The pdf-writer's scan with its image's /Width (and /Height) moved to indirect number objects. */
function indirectSizes(width: number, height: number, opts: { both?: boolean; drop?: boolean } = {}): Uint8Array {
  let s = Buffer.from(makePdf([{ texts: [], image: { width, height } }])).toString('latin1');
  const next = Math.max(...[...s.matchAll(/(\d+) 0 obj/g)].map((m) => Number(m[1]))) + 1;
  s = s.replace(`/Width ${width}`, `/Width ${next} 0 R`);
  if (opts.both) s = s.replace(`/Height ${height}`, `/Height ${next + 1} 0 R`);
  const objs = opts.drop ? '' : `${next} 0 obj\n${width}\nendobj\n${opts.both ? `${next + 1} 0 obj\n${height}\nendobj\n` : ''}`;
  const root = /\/Root (\d+ 0 R)/.exec(s)![1];
  // No xref table: readers rebuild it by scanning, as they do for many damaged real files.
  s = s.replace(/xref[\s\S]*$/, `${objs}trailer\n<< /Root ${root} >>\n%%EOF\n`);
  return Buffer.from(s, 'latin1');
}

describe('indirect /Width and /Height', () => {
  it('are resolved from their number objects', () => {
    expect(pdfImageHeaders(indirectSizes(20000, 20000))).toEqual([{ width: 20000, height: 20000 }]);
    expect(pdfImageHeaders(indirectSizes(1200, 1700, { both: true }))).toEqual([{ width: 1200, height: 1700 }]);
  });

  it('a size that cannot be found is unknown (NaN), never 0, and counts as over the limit', () => {
    const [im] = pdfImageHeaders(indirectSizes(1200, 1700, { drop: true }));
    expect(im!.width).toBeNaN();
    expect(im!.height).toBe(1700);
    expect(oversizeImages([im!])).toHaveLength(1);
    expect(oversizeImages([{ width: 1200, height: 1700 }])).toEqual([]);
  });

  it('a 20000 × 20000 scan with an indirect /Width → too-large, naming its size, before decoding', async () => {
    const r = await parseBytes(indirectSizes(20000, 20000));
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
    if (!r.ok) expect(r.message.en).toMatch(/20000×20000/);
  }, SECONDS);

  it('a text PDF is untouched (no image, nothing looked up)', () => {
    expect(pdfImageHeaders(makePdf(table3Pages({ borders: 'stroke' })))).toEqual([]);
  });
});
