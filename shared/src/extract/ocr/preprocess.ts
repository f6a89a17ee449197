/**
 * Scan clean-up before OCR: Otsu threshold (a fixed one fails on degraded scans), deskew by
 * projection profile, detection of table ruling lines (long dark runs), and erasing them so borders
 * are not read as "|" or "1".
 */
import type { Gray } from './image.js';
import type { HLine, VLine } from '../pdf/geometry.js';

/** Otsu's threshold of a gray image (pixels ≤ t are ink). */
export function otsu(img: Gray): number {
  const hist = new Array<number>(256).fill(0);
  const step = Math.max(1, Math.floor(img.data.length / 2_000_000));
  let n = 0;
  for (let i = 0; i < img.data.length; i += step) { hist[img.data[i]!]!++; n++; }
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0, wB = 0, best = 0, bestT = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB) continue;
    const wF = n - wB;
    if (!wF) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB, mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) { best = between; bestT = t; }
  }
  return bestT;
}

/** Skew angle in degrees (−3..3) that makes text rows most sharply horizontal. */
export function skewAngle(img: Gray, t: number): number {
  const f = Math.max(1, Math.round(img.width / 600));
  const w = Math.floor(img.width / f), h = Math.floor(img.height / f);
  const pts: [number, number][] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (img.data[y * f * img.width + x * f]! <= t) pts.push([x, y]);
  if (pts.length < 50) return 0;
  const score = (deg: number): number => {
    const tan = Math.tan((deg * Math.PI) / 180);
    const rows = new Float64Array(h * 2 + w);
    const off = Math.ceil(w * 0.06) + 1;
    for (const [x, y] of pts) { const yy = Math.round(y - x * tan) + off; if (yy >= 0 && yy < rows.length) rows[yy]!++; }
    let s = 0;
    for (let i = 0; i < rows.length; i++) s += rows[i]! * rows[i]!;
    return s;
  };
  let best = 0, bestScore = -1;
  for (let d = -3; d <= 3.0001; d += 0.1) { const s = score(d); if (s > bestScore) { bestScore = s; best = d; } }
  return Math.round(best * 100) / 100;
}

/** Rotates by −angle° about the centre (bilinear), filling with white. */
export function rotate(img: Gray, deg: number): Gray {
  if (Math.abs(deg) < 0.05) return img;
  const a = (deg * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const cx = w / 2, cy = h / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x - cx, dy = y - cy;
      const sx = cx + dx * cos - dy * sin, sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) { out[y * w + x] = 255; continue; }
      const fx = sx - x0, fy = sy - y0, i = y0 * w + x0;
      out[y * w + x] = (data[i]! * (1 - fx) + data[i + 1]! * fx) * (1 - fy) + (data[i + w]! * (1 - fx) + data[i + w + 1]! * fx) * fy;
    }
  }
  return { width: w, height: h, data: out };
}

/** Long dark runs: horizontal and vertical ruling lines in pixel coordinates. */
export function detectLines(img: Gray, t: number): { h: HLine[]; v: VLine[] } {
  const { width: w, height: hgt, data } = img;
  const minH = Math.max(40, Math.round(w / 30)), minV = Math.max(30, Math.round(hgt / 60));
  // Thin borders blur to light gray: long runs are lines even well above the text threshold.
  t = Math.max(t, Math.round((t + 255) / 2) - 5);
  const gap = 2; // wider gaps join text strokes into false lines
  const h: HLine[] = [];
  for (let y = 0; y < hgt; y++) {
    let start = -1, last = -10;
    for (let x = 0; x <= w; x++) {
      const ink = x < w && data[y * w + x]! <= t;
      if (ink) { if (start < 0 || x - last > gap) { if (start >= 0 && last - start >= minH) h.push({ y, x1: start, x2: last }); start = x; } last = x; }
    }
    if (start >= 0 && last - start >= minH) h.push({ y, x1: start, x2: last });
  }
  const v: VLine[] = [];
  for (let x = 0; x < w; x++) {
    let start = -1, last = -10;
    for (let y = 0; y <= hgt; y++) {
      const ink = y < hgt && data[y * w + x]! <= t;
      if (ink) { if (start < 0 || y - last > gap) { if (start >= 0 && last - start >= minV) v.push({ x, y1: start, y2: last }); start = y; } last = y; }
    }
    if (start >= 0 && last - start >= minV) v.push({ x, y1: start, y2: last });
  }
  return { h, v };
}

/** Paints the detected lines white (a pixel either side too), so OCR sees only the text. */
export function eraseLines(img: Gray, lines: { h: HLine[]; v: VLine[] }, t: number): Gray {
  const { width: w, height: hgt } = img;
  const data = img.data.slice();
  const r = 2;
  for (const l of lines.h) {
    for (let y = Math.max(0, l.y - r); y <= Math.min(hgt - 1, l.y + r); y++) {
      for (let x = Math.max(0, l.x1 - 1); x <= Math.min(w - 1, l.x2 + 1); x++) if (data[y * w + x]! <= t + 40) data[y * w + x] = 255;
    }
  }
  for (const l of lines.v) {
    for (let x = Math.max(0, l.x - r); x <= Math.min(w - 1, l.x + r); x++) {
      for (let y = Math.max(0, l.y1 - 1); y <= Math.min(hgt - 1, l.y2 + 1); y++) if (data[y * w + x]! <= t + 40) data[y * w + x] = 255;
    }
  }
  return { width: w, height: hgt, data };
}

/** Ink pixels inside a box (for "is this blank cell really empty?"). */
export function inkIn(img: Gray, t: number, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, Math.ceil(x1)); x++) if (img.data[y * img.width + x]! <= t) n++;
  }
  return n;
}

/** A crop (clamped), for re-reading one cell. */
export function crop(img: Gray, x0: number, y0: number, x1: number, y1: number): Gray {
  const ax = Math.max(0, Math.floor(x0)), ay = Math.max(0, Math.floor(y0));
  const bx = Math.min(img.width, Math.ceil(x1)), by = Math.min(img.height, Math.ceil(y1));
  const w = Math.max(1, bx - ax), h = Math.max(1, by - ay);
  const out = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h && ay + y < img.height; y++) out.set(img.data.subarray((ay + y) * img.width + ax, (ay + y) * img.width + ax + w), y * w);
  return { width: w, height: h, data: out };
}

/** Adds a white margin (tesseract reads single lines better with one). */
export function pad(img: Gray, m: number): Gray {
  const w = img.width + 2 * m, h = img.height + 2 * m;
  const out = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < img.height; y++) out.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + m) * w + m);
  return { width: w, height: h, data: out };
}
