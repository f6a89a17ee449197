/**
 * Reading one printed cell: "0", "", "/", "—", "无", "+1", "-3", "49（+）", "22541145.2元", "127万元",
 * full-width digits, "1,234". Blank, dash, 无 and 0 stay distinct; nothing is guessed.
 */
import type { Cell, CellKind, SourceRef } from '../model/report.js';
import { toHalfWidth } from '../text/normalize.js';

const DASH = /^[\/／\-－—–―一~～]+$/u;
const UNITS = ['万元', '亿元', '元', '件', '个', '项', '条', '次', '人次', '份', '家', '%'];
const NUMBER_RE = /^([+\-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

export interface ParsedValue {
  kind: CellKind;
  value: number | null;
  unit: string | null;
  signed: boolean;
}

/** Plain ASCII digits (most cells: "0", "12", "1534"): read without the general path (same result). */
function plainDigits(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 15) return null;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
  }
  return Number(s);
}

/** Parse a cell's printed text. */
export function parseValue(rawText: string): ParsedValue {
  if (rawText === '') return { kind: 'blank', value: null, unit: null, signed: false };
  const digits = plainDigits(rawText);
  if (digits !== null) return { kind: 'number', value: digits, unit: null, signed: false };
  const half = toHalfWidth(rawText).trim();
  // "1 2" could be two cells run together: never read it as 12.
  if (/\d[\s\u200b]+\d/.test(half)) return { kind: 'text', value: null, unit: null, signed: false };
  const t = half.replace(/[\s\u200b\ufeff]+/g, '');
  if (t === '') return { kind: 'blank', value: null, unit: null, signed: false };
  if (DASH.test(t)) return { kind: 'dash', value: null, unit: null, signed: false };
  if (t === '无') return { kind: 'none', value: null, unit: null, signed: false };

  let body = t;
  let unit: string | null = null;
  for (const u of UNITS) {
    if (body.endsWith(u) && body.length > u.length) { unit = u; body = body.slice(0, -u.length); break; }
  }
  // "49(+)" / "13(-)": the sign written after the number.
  let postSign = '';
  const post = /^(.*?)\(([+\-])\)$/.exec(body);
  if (post) { body = post[1]!; postSign = post[2]!; }
  const m = NUMBER_RE.exec(body);
  if (!m) return { kind: 'text', value: null, unit, signed: false };
  const sign = m[1] || postSign;
  if (m[1] && postSign) return { kind: 'text', value: null, unit, signed: false };
  const magnitude = Number(m[2]!.replace(/,/g, '') + (m[3] ?? ''));
  if (!Number.isFinite(magnitude)) return { kind: 'text', value: null, unit, signed: false };
  return { kind: 'number', value: sign === '-' ? -magnitude : magnitude, unit, signed: sign !== '' };
}

/** Build a model cell from printed text and its source. */
export function makeCell(rawText: string, source: SourceRef | null, extra?: { ocrConfidence?: number; doubt?: string }): Cell {
  const raw = plainDigits(rawText) !== null ? rawText : rawText.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
  const p = parseValue(raw);
  const cell: Cell = { kind: p.kind, value: p.value, raw, unit: p.unit, signed: p.signed, source };
  if (extra?.ocrConfidence !== undefined) cell.ocrConfidence = extra.ocrConfidence;
  if (extra?.doubt) cell.doubt = extra.doubt;
  return cell;
}

/** A cell for a slot the source does not have at all (distinct from a printed blank). */
export function missingCell(doubt: string): Cell {
  return { kind: 'blank', value: null, raw: '', unit: null, signed: false, source: null, doubt };
}

/** The ideographs a value cell may hold: those of `UNITS`, 无 (none) and 一 (a dash). */
const VALUE_IDEOGRAPHS = new Set([...UNITS.join(''), '无', '一'].map((ch) => ch.charCodeAt(0)).filter((c) => c >= 0x4e00 && c <= 0x9fff));

/** True when text looks like a value cell (number, blank, dash, 无), not a label. */
export function isValueText(rawText: string): boolean {
  // A CJK ideograph no value can hold (units, 无, the dash 一 aside) settles it: a label, read no further.
  for (let i = 0; i < rawText.length; i++) {
    const c = rawText.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && !VALUE_IDEOGRAPHS.has(c)) return false;
  }
  const k = parseValue(rawText).kind;
  return k !== 'text';
}
