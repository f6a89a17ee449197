/**
 * Bringing a finding's place into view with its context: a table cell together with its row's
 * label (the row's first cell), and the panel docked where it covers neither. The panel goes to
 * the right or the left when that side is free; when the row spans the width of the window it
 * becomes a sheet along the bottom and the row is scrolled into the upper part of the window.
 */
import type { Place } from './locate';

export type Dock = 'left' | 'right' | 'bottom';

const MARGIN = 12;

/** The row label of a table cell: the first cell of its row, unless that is the cell itself. */
export function rowLabelCell(el: Element): HTMLTableCellElement | null {
  const tr = el.closest('tr');
  const first = tr?.cells[0] ?? null;
  return first && first !== el ? first : null;
}

/** Where the panel (`panelWidth` wide) can sit without covering the span [left, right] of a `viewport`-wide window. */
export function chooseDock(span: { left: number; right: number }, viewport: number, panelWidth: number): Dock {
  if (span.right <= viewport - panelWidth - 2 * MARGIN) return 'right';
  if (span.left >= panelWidth + 2 * MARGIN) return 'left';
  return 'bottom';
}

/** Scrolls to a place (smoothly) and says where the panel should dock. */
export function focusPlace(p: Place, panelWidth: number): Dock {
  const target = p.range ?? p.el;
  const label = p.kind === 'cell' ? rowLabelCell(p.el) : null;
  // A wide table in its own scrolling box: bring the label in first, then the cell as near as it goes.
  if (label) {
    label.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    p.el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  const r = target.getBoundingClientRect();
  const l = label?.getBoundingClientRect();
  const span = { left: Math.min(r.left, l?.left ?? r.left), right: Math.max(r.right, l?.right ?? r.right) };
  const dock = chooseDock(span, window.innerWidth, panelWidth);
  // Beside the panel: the row in the middle of the window; above a bottom sheet: in its upper fifth.
  const y = dock === 'bottom' ? window.innerHeight * 0.2 : (window.innerHeight - r.height) / 2;
  window.scrollTo({ top: Math.max(0, window.scrollY + r.top - y), behavior: 'smooth' });
  return dock;
}
