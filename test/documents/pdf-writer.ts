/**
 * A tiny PDF writer for tests: text in the non-embedded STSong-Light font with the UniGB-UCS2-H
 * CMap (as Java tools write CJK PDFs), ruling lines as strokes or as WPS-style filled rectangles,
 * any page size. Coordinates are top-left based (y down) for convenience.
 */
export interface PageSpec {
  width?: number;
  height?: number;
  texts: { x: number; y: number; s: string; size?: number }[];
  /** Stroked segments [x1, y1, x2, y2]. */
  lines?: [number, number, number, number][];
  /** Filled rectangles [x, y, w, h] (WPS draws borders this way). */
  rects?: [number, number, number, number][];
  /** Store the page portrait with /Rotate 90 and the content turned, as some tools write landscape pages. */
  rotate90?: boolean;
  /** Paint a small gray picture over the whole page (a scanned or stamped page). */
  picture?: boolean;
  /**
   * Paint an image whose dictionary states this size, over the whole page; its stream holds only a
   * few bytes (a reader that decodes it allocates width × height before noticing).
   */
  image?: { width: number; height: number };
}

function hexUcs2(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c.toString(16).padStart(4, '0');
  }
  return `<${out}>`;
}

/** Builds the PDF bytes. `encrypt` adds a standard-security /Encrypt dictionary (no valid password). */
export function makePdf(pages: PageSpec[], opts: { encrypt?: boolean } = {}): Uint8Array {
  const objs: string[] = [];
  const add = (s: string): number => { objs.push(s); return objs.length; };
  const fd = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cid = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${fd} 0 R /DW 1000 >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  const pagesId = add(''); // filled in once the kids are known
  const kids: number[] = [];
  for (const p of pages) {
    const W = p.width ?? 595, H = p.height ?? 842;
    let c = '';
    for (const [x1, y1, x2, y2] of p.lines ?? []) c += `0.5 w ${x1} ${H - y1} m ${x2} ${H - y2} l S\n`;
    for (const [x, y, w, h] of p.rects ?? []) c += `0 0 0 rg ${x} ${H - y - h} ${w} ${h} re f\n`;
    for (const t of p.texts) c += `BT /F1 ${t.size ?? 10} Tf ${t.x} ${H - t.y - (t.size ?? 10)} Td ${hexUcs2(t.s)} Tj ET\n`;
    if (p.rotate90) c = `q 0 1 -1 0 ${H} 0 cm\n${c}Q\n`;
    let xobj = '';
    if (p.picture || p.image) {
      const w = p.image?.width ?? 32, h = p.image?.height ?? 32;
      const px = p.image ? 'c8c8c8c8' : 'c8'.repeat(32 * 32);
      const img = add(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${px.length + 1} >>\nstream\n${px}>\nendstream`);
      xobj = ` /XObject << /Im1 ${img} 0 R >>`;
      c = `q ${W} 0 0 ${H} 0 0 cm /Im1 Do Q\n${c}`;
    }
    const content = add(`<< /Length ${Buffer.byteLength(c, 'latin1')} >>\nstream\n${c}endstream`);
    const box = p.rotate90 ? `[0 0 ${H} ${W}] /Rotate 90` : `[0 0 ${W} ${H}]`;
    kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox ${box} /Resources << /Font << /F1 ${font} 0 R >>${xobj} >> /Contents ${content} 0 R >>`));
  }
  objs[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  const enc = opts.encrypt ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`) : 0;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(Buffer.byteLength(out, 'latin1')); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R${enc ? ` /Encrypt ${enc} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Table 3 of seed 001 as rows: label and 7 values ('' = blank). */
export const TABLE3_ROWS: [string, string[]][] = [
  ['一、本年新收政府信息公开申请数量', ['28', '', '', '1', '', '', '29']],
  ['二、上年结转政府信息公开申请数量', ['0', '', '', '0', '', '', '']],
  ['（一）予以公开', ['22', '', '', '0', '', '', '22']],
  ['（二）部分公开', ['', '', '', '', '', '', '']],
  ['2.其他法律行政法规禁止公开', ['0', '', '', '1', '', '', '1']],
  ['1.本机关不掌握相关政府信息', ['2', '', '', '0', '', '', '2']],
  ['2.重复申请', ['3', '', '', '0', '', '', '3']],
  ['（七）总计', ['27', '', '', '1', '', '', '28']],
  ['四、结转下年度继续办理', ['1', '', '', '0', '', '', '1']],
];
export const HEADER = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/**
 * Table 3 laid out on pages: a header row and the rows above, with borders as strokes, filled
 * rectangles or none. `split` moves rows from that index onto a second page.
 */
export function table3Pages(o: { borders: 'stroke' | 'rects' | 'none'; split?: number; landscape?: boolean;
  rotate90?: boolean; repeatHeader?: boolean; running?: boolean }): PageSpec[] {
  const W = o.landscape ? 842 : 595, H = o.landscape ? 595 : 842;
  const left = 40, labelW = o.landscape ? 330 : 160, colW = o.landscape ? 60 : 52, rowH = 24;
  const xs = [left, left + labelW, ...HEADER.map((_, i) => left + labelW + colW * (i + 1))];
  const right = xs[xs.length - 1]!;
  const mk = (): PageSpec => {
    const p: PageSpec = { width: W, height: H, texts: [], lines: [], rects: [], ...(o.rotate90 ? { rotate90: true } : {}) };
    if (o.running) {
      p.texts.push({ x: left, y: 18, s: '嘉兴市生态环境局政务公开', size: 8 });
      p.texts.push({ x: W / 2 - 10, y: H - 30, s: `- ${pages.length + 1} -`, size: 9 });
    }
    return p;
  };
  const pages: PageSpec[] = [];
  let page = mk();
  pages.push(page);
  page.texts.push({ x: left, y: 60, s: '三、收到和处理政府信息公开申请情况', size: 12 });
  let y = 100;
  let top = y;
  const rows: [string, string[]][] = [['申请人情况', HEADER], ...TABLE3_ROWS];
  const rules = (p: PageSpec, ys: number[]): void => {
    if (o.borders === 'none') return;
    for (const yy of ys) {
      if (o.borders === 'stroke') p.lines!.push([left, yy, right, yy]); else p.rects!.push([left, yy - 0.4, right - left, 0.8]);
    }
    for (const x of xs) {
      if (o.borders === 'stroke') p.lines!.push([x, ys[0]!, x, ys[ys.length - 1]!]); else p.rects!.push([x - 0.4, ys[0]!, 0.8, ys[ys.length - 1]! - ys[0]!]);
    }
  };
  let ys: number[] = [y];
  rows.forEach(([label, vals], i) => {
    if (o.split !== undefined && i === o.split) {
      rules(page, ys);
      page = mk(); pages.push(page);
      y = 60; top = y; ys = [y];
      if (o.repeatHeader) {
        page.texts.push({ x: left + 4, y: y + 7, s: '申请人情况', size: 9 });
        HEADER.forEach((h, k) => page.texts.push({ x: xs[k + 1]! + 2, y: y + 7, s: h, size: 7 }));
        y += rowH; ys.push(y);
      }
    }
    page.texts.push({ x: left + 4, y: y + 7, s: label, size: 9 });
    vals.forEach((v, k) => { if (v) page.texts.push({ x: xs[k + 1]! + (i === 0 ? 2 : 6), y: y + 7, s: v, size: i === 0 ? 7 : 9 }); });
    y += rowH;
    ys.push(y);
  });
  void top;
  rules(page, ys);
  page.texts.push({ x: left, y: y + 30, s: '四、政府信息公开行政复议、行政诉讼情况', size: 12 });
  return pages;
}
