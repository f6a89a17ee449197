/**
 * `isValueText` stops at the first ideograph no value can hold; it must still agree with
 * `parseValue` (what the cell would be read as) on every ideograph and on every fixture cell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValueText, parseValue } from '../../shared/src/values/parse-cell.ts';
import { decodeBytes, extractHtml } from '../../shared/src/index.ts';
import { listFixtures } from '../helpers/accuracy.ts';

const byParse = (s: string) => parseValue(s).kind !== 'text';

describe('isValueText', () => {
  it('agrees with parseValue for every CJK ideograph, alone and after a number', () => {
    const differs: string[] = [];
    for (let c = 0x4e00; c <= 0x9fff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `12${ch}`, ` 3${ch} `, `${ch}${ch}`]) if (isValueText(s) !== byParse(s)) differs.push(s);
    }
    expect(differs).toEqual([]);
    expect(isValueText('127万元')).toBe(true);
    expect(isValueText('无')).toBe(true);
    expect(isValueText('一')).toBe(true);
    expect(isValueText('1.本机关不掌握相关政府信息')).toBe(false);
  });

  it('agrees with parseValue on every cell of the real HTML reports', () => {
    let cells = 0;
    for (const f of listFixtures()) {
      if (!f.path || !/\.html?$/i.test(f.path)) continue;
      const doc = extractHtml(decodeBytes(new Uint8Array(readFileSync(f.path))).text, null);
      for (const g of doc.grids) for (const r of g.rows) for (const c of r) {
        cells++;
        if (isValueText(c.text) !== byParse(c.text)) expect.fail(`${f.name}: ${JSON.stringify(c.text)}`);
      }
    }
    expect(cells).toBeGreaterThan(1000);
  });
});
