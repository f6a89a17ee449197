// Writes assets/icon.png (512×512 RGBA): a blue rounded square with a white magnifier ring.
// Pure node (zlib + hand-made PNG chunks), so the build needs no image tools.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const S = 512;
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};

const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) {
  raw[y * (S * 4 + 1)] = 0;
  for (let x = 0; x < S; x++) {
    const o = y * (S * 4 + 1) + 1 + x * 4;
    // rounded square background
    const r = 96, inX = Math.max(r - x, x - (S - 1 - r), 0), inY = Math.max(r - y, y - (S - 1 - r), 0);
    const inside = inX * inX + inY * inY <= r * r;
    let col = inside ? [178, 34, 34, 255] : [0, 0, 0, 0];
    // lens ring centred at (220,220), handle towards bottom right
    const dx = x - 220, dy = y - 220, d = Math.sqrt(dx * dx + dy * dy);
    const ring = d >= 110 && d <= 150;
    const along = (x + y - 440) / Math.SQRT2, across = Math.abs(x - y) / Math.SQRT2;
    const handle = along > 150 && along < 300 && across < 28;
    if (inside && (ring || handle)) col = [255, 255, 255, 255];
    if (inside && d < 110) col = [214, 90, 80, 255];
    raw.set(col, o);
  }
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0); ihdr.writeUInt32BE(S, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../assets/icon.png', import.meta.url), png);
console.log(`icon.png ${png.length} bytes`);
