/**
 * `labelKey` is one pass over the code units (half-width forms, then the key's dropped characters);
 * it must give exactly what its definition gives — `toHalfWidth`, `toSimplified` (labels ≤ 200
 * characters), then removing `KEY_DROP` — for every code unit and on every line of the fixtures;
 * `squashHalfWidth` likewise against `toHalfWidth` then removing `\s`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_DROP, labelKey, squashHalfWidth, toHalfWidth } from '../../shared/src/text/normalize.ts';
import { toSimplified } from '../../shared/src/text/traditional.ts';
import { decodeBytes } from '../../shared/src/index.ts';
import { DOCUMENTS } from './fixtures.ts';

const byDefinition = (s: string): string => {
  const half = toHalfWidth(s);
  return (s.length <= 200 ? toSimplified(half) : half).replace(new RegExp(KEY_DROP.source, 'g'), '');
};

function textFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) textFiles(p, out);
    else if (/\.(html?|txt)$/i.test(f)) out.push(p);
  }
  return out;
}

describe('labelKey', () => {
  it('keeps, drops or narrows every code unit as its definition does', () => {
    const differs: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = `本${String.fromCharCode(c)}年`;
      if (labelKey(s) !== byDefinition(s)) differs.push(c.toString(16));
    }
    expect(differs).toEqual([]);
  });

  it('squashHalfWidth is toHalfWidth without whitespace, for every code unit', () => {
    const differs: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = `本${String.fromCharCode(c)}年 ，`;
      if (squashHalfWidth(s) !== toHalfWidth(s).replace(/\s+/g, '')) differs.push(c.toString(16));
    }
    expect(differs).toEqual([]);
  });

  it('gives the defined key on every line of the real and seed reports, short and long', () => {
    const files = [...textFiles(join(import.meta.dirname, '../fixtures/real')), ...textFiles(DOCUMENTS)];
    expect(files.length).toBeGreaterThan(10);
    let lines = 0;
    for (const f of files) {
      const text = decodeBytes(new Uint8Array(readFileSync(f))).text;
      for (const line of text.split('\n')) {
        lines++;
        if (labelKey(line) !== byDefinition(line)) expect.fail(`${f}: ${JSON.stringify(line.slice(0, 80))}`);
        if (squashHalfWidth(line) !== toHalfWidth(line).replace(/\s+/g, '')) expect.fail(`squash ${f}: ${JSON.stringify(line.slice(0, 80))}`);
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('reads full-width forms and drops punctuation, quotes and spaces', () => {
    expect(labelKey('3.危及“三安\n全一穩定”')).toBe(labelKey('3.危及"三安全一稳定"'));
    expect(labelKey('（一）本年新收　政府信息公开申请数量：')).toBe('一本年新收政府信息公开申请数量');
    expect(labelKey('ＡＢ１２，ｃ')).toBe('AB12c');
  });
});
