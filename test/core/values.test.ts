/** Cell values as printed in real reports. */
import { describe, expect, it } from 'vitest';
import { parseValue } from '../../shared/src/index.ts';

describe('parseValue', () => {
  it.each([
    ['0', 'number', 0, null, false],
    ['', 'blank', null, null, false],
    ['\u00a0', 'blank', null, null, false],
    ['\u3000\u3000', 'blank', null, null, false],
    ['/', 'dash', null, null, false],
    ['—', 'dash', null, null, false],
    ['-', 'dash', null, null, false],
    ['无', 'none', null, null, false],
    ['+1', 'number', 1, null, true],
    ['-3', 'number', -3, null, true],
    ['49（+）', 'number', 49, null, true],
    ['13（-）', 'number', -13, null, true],
    ['２９', 'number', 29, null, false],
    ['1,234', 'number', 1234, null, false],
    ['22541145.2元', 'number', 22541145.2, '元', false],
    ['127万元', 'number', 127, '万元', false],
    ['68380800', 'number', 68380800, null, false],
    [' 29 ', 'number', 29, null, false],
    ['二十', 'text', null, null, false],
    ['1 2', 'text', null, null, false],
    ['127 万元', 'number', 127, '万元', false],
    ['12a', 'text', null, null, false],
  ] as const)('%j → %s %s', (raw, kind, value, unit, signed) => {
    const v = parseValue(raw);
    expect(v.kind).toBe(kind);
    expect(v.value).toBe(value);
    expect(v.unit).toBe(unit);
    expect(v.signed).toBe(signed);
  });
});
