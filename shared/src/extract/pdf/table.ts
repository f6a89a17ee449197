/**
 * Ruled tables of one page: ruling lines are merged, split into connected regions (one per table),
 * and each region becomes a grid whose cells grow while no border separates them (→ row/col spans).
 * Text runs inside a region are put into the cell containing their centre.
 */
import { cluster, joinPieces, type HLine, type PageCell, type PageTable, type TextRun, type VLine } from './geometry.js';
import type { Rules } from './rules.js';

const TOL = 2;
const MIN_GAP = 3; // rows/columns thinner than this are double borders, not cells

function mergeH(lines: HLine[]): HLine[] {
  const out: HLine[] = [];
  const sorted = [...lines].sort((a, b) => a.y - b.y || a.x1 - b.x1);
  for (const l of sorted) {
    // Only lines within 1.5 pt above can merge; `out` is in y order, so look back until past them.
    let hit: HLine | undefined;
    for (let k = out.length - 1; k >= 0 && l.y - out[k]!.y <= 1.5; k--) {
      const o = out[k]!;
      if (l.x1 <= o.x2 + TOL && l.x2 >= o.x1 - TOL) { hit = o; break; }
    }
    if (hit) { hit.x1 = Math.min(hit.x1, l.x1); hit.x2 = Math.max(hit.x2, l.x2); } else out.push({ ...l });
  }
  return out;
}

function mergeV(lines: VLine[]): VLine[] {
  const h = mergeH(lines.map((l) => ({ y: l.x, x1: l.y1, x2: l.y2 })));
  return h.map((l) => ({ x: l.y, y1: l.x1, y2: l.x2 }));
}

function find(p: number[], i: number): number {
  while (p[i] !== i) { p[i] = p[p[i]!]!; i = p[i]!; }
  return i;
}
function union(p: number[], a: number, b: number): void { p[find(p, a)] = find(p, b); }

/** Centres closer than MIN_GAP collapse into one. */
function axis(values: number[]): number[] {
  return cluster(values, MIN_GAP);
}

/** Finds the ruled tables on a page and takes their text out of `runs` (returns the runs left over). `keepLayout` keeps boxes that hold no data table (used to find table regions before OCR). */
export function pageTables(rules: Rules, runs: TextRun[], page: number, opts: { keepLayout?: boolean } = {}): { tables: PageTable[]; rest: TextRun[] } {
  if (rules.h.length + rules.v.length > 20_000) return { tables: [], rest: runs }; // hatching or a chart, not tables
  const h = mergeH(rules.h);
  const v = mergeV(rules.v);
  if (h.length * v.length > 4_000_000) return { tables: [], rest: runs };
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < h.length; i++) {
    const a = h[i]!;
    for (let j = 0; j < v.length; j++) {
      const b = v[j]!;
      if (b.x >= a.x1 - TOL && b.x <= a.x2 + TOL && a.y >= b.y1 - TOL && a.y <= b.y2 + TOL) union(parent, i, h.length + j);
    }
  }
  const groups = new Map<number, { h: HLine[]; v: VLine[] }>();
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    const g = groups.get(root) ?? { h: [], v: [] };
    if (i < h.length) g.h.push(h[i]!); else g.v.push(v[i - h.length]!);
    groups.set(root, g);
  }
  const tables: PageTable[] = [];
  for (const g of groups.values()) {
    const t = regionTable(g.h, g.v, page);
    if (t) tables.push(t);
  }
  tables.sort((a, b) => a.top - b.top);
  const rest: TextRun[] = [];
  const inside = new Map<PageTable, TextRun[]>();
  for (const r of runs) {
    const cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    const t = tables.find((tb) => cx >= tb.left && cx <= tb.right && cy >= tb.top && cy <= tb.bottom);
    if (t) { const l = inside.get(t) ?? []; l.push(r); inside.set(t, l); } else rest.push(r);
  }
  for (const t of tables) fillText(t, inside.get(t) ?? []);
  // Boxes drawn around prose or infographic panels are layout, not data: give their text back.
  const kept = tables.filter((t) => {
    if (opts.keepLayout || isDataTable(t)) return true;
    rest.push(...(inside.get(t) ?? []));
    return false;
  });
  return { tables: kept, rest };
}

/**
 * A data table has at least two rows and two columns and mostly short cells; a strip of boxes, or
 * panels full of sentences (infographics, framed paragraphs), is layout.
 */
export function isDataTable(t: PageTable): boolean {
  const R = t.ys.length - 1, C = t.xs.length - 1;
  if (R < 2 || C < 2) return false;
  const filled = t.cells.filter((c) => c.text.trim());
  if (filled.length === 0) return false;
  const long = filled.filter((c) => c.text.length > 40).length;
  return long * 3 <= filled.length;
}

function regionTable(hs: HLine[], vs: VLine[], page: number): PageTable | null {
  if (hs.length < 2 || vs.length < 2) return null;
  const xs = axis([...vs.map((l) => l.x), Math.min(...hs.map((l) => l.x1)), Math.max(...hs.map((l) => l.x2))]);
  const ys = axis([...hs.map((l) => l.y), Math.min(...vs.map((l) => l.y1)), Math.max(...vs.map((l) => l.y2))]);
  const R = ys.length - 1, C = xs.length - 1;
  if (R < 1 || C < 1 || R * C < 2 || R > 400 || C > 60) return null;
  const hCovered = (y: number, x0: number, x1: number): boolean => {
    const a = x0 + (x1 - x0) * 0.25, b = x1 - (x1 - x0) * 0.25;
    return hs.some((l) => Math.abs(l.y - y) <= TOL && l.x1 <= a + TOL && l.x2 >= b - TOL);
  };
  const vCovered = (x: number, y0: number, y1: number): boolean => {
    const a = y0 + (y1 - y0) * 0.25, b = y1 - (y1 - y0) * 0.25;
    return vs.some((l) => Math.abs(l.x - x) <= TOL && l.y1 <= a + TOL && l.y2 >= b - TOL);
  };
  const id = (r: number, c: number): number => r * C + c;
  const p = Array.from({ length: R * C }, (_, i) => i);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !vCovered(xs[c + 1]!, ys[r]!, ys[r + 1]!)) union(p, id(r, c), id(r, c + 1));
      if (r + 1 < R && !hCovered(ys[r + 1]!, xs[c]!, xs[c + 1]!)) union(p, id(r, c), id(r + 1, c));
    }
  }
  const comps = new Map<number, PageCell>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const root = find(p, id(r, c));
      const cell = comps.get(root);
      if (!cell) comps.set(root, { r0: r, r1: r + 1, c0: c, c1: c + 1, box: [0, 0, 0, 0], text: '' });
      else { cell.r0 = Math.min(cell.r0, r); cell.r1 = Math.max(cell.r1, r + 1); cell.c0 = Math.min(cell.c0, c); cell.c1 = Math.max(cell.c1, c + 1); }
    }
  }
  const cells = [...comps.values()];
  if (cells.length < 2) return null; // a framed paragraph, not a table
  for (const c of cells) c.box = [xs[c.c0]!, ys[c.r0]!, xs[c.c1]! - xs[c.c0]!, ys[c.r1]! - ys[c.r0]!];
  cells.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return { page, xs, ys, cells, top: ys[0]!, bottom: ys[R]!, left: xs[0]!, right: xs[C]! };
}

function fillText(t: PageTable, runs: TextRun[]): void {
  const per = new Map<PageCell, TextRun[]>();
  for (const r of runs) {
    const cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    const cell = t.cells.find((c) => cx >= c.box[0] && cx <= c.box[0] + c.box[2] && cy >= c.box[1] && cy <= c.box[1] + c.box[3]);
    if (!cell) continue;
    const l = per.get(cell) ?? [];
    l.push(r);
    per.set(cell, l);
  }
  for (const [cell, rs] of per) cell.text = joinRuns(rs);
}

/** Text of runs in reading order: visual lines top to bottom, pieces left to right. */
export function joinRuns(runs: TextRun[]): string {
  const lines: TextRun[][] = [];
  for (const r of [...runs].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2))) {
    const last = lines[lines.length - 1];
    const ref = last?.[0];
    if (ref && Math.abs(ref.y + ref.h / 2 - (r.y + r.h / 2)) <= Math.min(ref.h, r.h) * 0.5) last!.push(r);
    else lines.push([r]);
  }
  let out = '';
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let s = '';
    let end = -Infinity;
    for (const r of line) { s = joinPieces(s, r.str, r.x - end, r.h); end = r.x + r.w; }
    out = joinPieces(out, s.trim(), 0, line[0]!.h);
  }
  return out.trim();
}
