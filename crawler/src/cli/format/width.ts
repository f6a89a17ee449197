/**
 * Terminal column width of text, for aligning tables that mix Chinese and Latin text: East Asian wide
 * and full-width characters take two columns, combining marks and ANSI colour codes none
 * (string-width, by the Unicode East Asian Width data).
 */
import stringWidth from 'string-width';

export const displayWidth = (s: string): number => stringWidth(s);

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Cut to a display width, with an ellipsis. */
export function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}
