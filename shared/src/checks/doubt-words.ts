/**
 * Why a cell is doubtful, in Chinese. The parser states its reasons (`Cell.doubt`) in English — "row
 * has 6 value cells where the template has 7" — and the JSON contract keeps them so; a Chinese
 * message (structure.unreadable-cells) says them in Chinese from this one list. A reason not in the
 * list (a contract written by another version) is said generically, never in English.
 */

const COLUMN_N = /^column (\d+)$/;

const REASONS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^row has (\d+) value cells where the template has (\d+)$/, (m) => `该行有${m[1]}个数值单元格，模板为${m[2]}个`],
  [/^value of a merged cell spanning several slots$/, () => '合并单元格跨越多格，数值归属不明'],
  [/^OCR reading "([^]*)" has confidence ([\d.]+): not read with certainty$/, (m) => `文字识别结果“${m[1]}”置信度仅${m[2]}，未能确认`],
  [/^one line of values under two merged labels \([^]*\): not assigned$/, () => '两行的标签合在一起，只有一行数值，未分配'],
  [/^one merged cell "([^]*)" spans ([^]*): not split between them$/, (m) => `合并单元格“${m[1]}”跨越${m[2]}，无法拆分`],
  [/^the cells of this row do not line up with the header's ([^]*) column: not placed$/, (m) => {
    const n = COLUMN_N.exec(m[1]!);
    return `该行单元格与表头${n ? `第${n[1]}列` : `“${m[1]}”列`}对不上，未放入`;
  }],
  [/^(\d+) values on one line could not be aligned to (\d+) columns: "([^]*)"$/, (m) => `一行中的${m[1]}个数值无法对应到${m[2]}列：“${m[3]}”`],
];

/** A doubt reason (`Cell.doubt`) in Chinese. */
export function doubtZh(reason: string): string {
  for (const [re, say] of REASONS) {
    const m = re.exec(reason);
    if (m) return say(m);
  }
  return '无法可靠读取';
}
