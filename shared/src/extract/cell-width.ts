/**
 * The printed width of a table cell, as a page lays it out: Word's `width=64` attribute (pixels) or
 * a style width (`width:48.0pt`, `width:38px`). Percentages and unknown units give null — the
 * width is then unknown, never guessed. Used to place value cells under their header columns when
 * a table's header and body grids disagree (extract/grid.ts, parse/placement.ts).
 */

const PX_PER: Record<string, number> = { px: 1, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4 };
const ATTR = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i;
// `width:` at the start of the style or after `;` — not mso-width-alt, min-width, border-width.
const WIDTH = /width/i;
const STYLE = /(?:^|;)\s*width\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|pc|in|cm|mm)?\s*(?:;|$|!)/i;

/** Width in CSS pixels from a cell's `width` attribute and `style`, or null when not stated in absolute units. */
export function cellWidth(widthAttr: string | null, style: string | null): number | null {
  if (widthAttr) {
    const m = ATTR.exec(widthAttr);
    if (m) { const v = Number(m[1]); return v > 0 ? v : null; }
  }
  // The style regex tries every position: only where "width" is written at all.
  if (style && style.length < 2000 && WIDTH.test(style)) {
    const m = STYLE.exec(style);
    if (m) {
      const v = Number(m[1]) * PX_PER[(m[2] ?? 'px').toLowerCase()]!;
      return v > 0 && Number.isFinite(v) ? v : null;
    }
  }
  return null;
}
