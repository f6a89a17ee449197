/**
 * The background's reading of a page copy (`fromWire`): a copy comes from a page's isolated world,
 * so it is held to the page side's limits (3,000 cells, 60,000 nodes), a depth limit and a
 * well-formed shape; over a limit the check answers 页面过大 instead of walking it.
 */
import { describe, expect, it } from 'vitest';
import { fromWire, MAX_DEPTH, SNAPSHOT_LIMITS, type WireElement } from '../../extension/lib/dom-snapshot';
import { checkSnapshot, TOO_BIG } from '../../extension/lib/check-page';

const table = (rows: number, cols: number): WireElement =>
  ['body', 0, ['table', 0, ['tbody', 0, ...Array.from({ length: rows }, (_, r): WireElement => ['tr', 0, ...Array.from({ length: cols }, (_, c): WireElement => ['td', 0, String(r * cols + c)])])]]];

describe('fromWire', () => {
  it('reads a copy within the limits, numbered in document order', () => {
    const got = fromWire(['body', 0, ['p', { style: 'width:1px' }, '一'], '二']);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.root.children.map((c) => [c.tag, c.id])).toEqual([['p', 1], [null, 3]]);
    expect(got.root.children[0]!.attrs).toEqual({ style: 'width:1px' });
  });

  it('refuses more cells than the page side allows', () => {
    expect(fromWire(table(50, 60)).ok).toBe(true); // 3,000 cells: at the limit
    const over = fromWire(table(50, 61));
    expect(over).toMatchObject({ ok: false, tooBig: { cells: SNAPSHOT_LIMITS.maxCells + 1 } });
  });

  it('refuses more nodes than the page side allows', () => {
    const body: WireElement = ['body', 0, ...Array.from({ length: SNAPSHOT_LIMITS.maxNodes }, (_, i) => String(i))];
    expect(fromWire(body)).toMatchObject({ ok: false, tooBig: { nodes: SNAPSHOT_LIMITS.maxNodes + 1 } });
  });

  it('refuses a copy nested deeper than MAX_DEPTH', () => {
    let deep: WireElement = ['div', 0, '底'];
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = ['div', 0, deep];
    expect(fromWire(['body', 0, deep])).toMatchObject({ ok: false, tooBig: {} });
  });

  it('refuses malformed nodes', () => {
    expect(fromWire(['body', 0, 42])).toMatchObject({ ok: false, invalid: expect.any(String) });
    expect(fromWire(['body', { style: 7 }])).toMatchObject({ ok: false, invalid: expect.any(String) });
    expect(fromWire(null)).toMatchObject({ ok: false, invalid: expect.any(String) });
  });

  it('makes checkSnapshot answer 页面过大 for an oversized copy, and a typed failure for a malformed one', () => {
    const big = checkSnapshot(table(100, 100), '某局2020年度政府信息公开工作年度报告', 'utf-8', 'http://www.example.gov.cn/a.htm', []);
    expect(big.check).toMatchObject({ ok: false, reason: TOO_BIG });
    expect(big.check.ok ? '' : big.check.message.zh).toContain('页面过大');
    const bad = checkSnapshot({ evil: true }, null, null, 'http://www.example.gov.cn/a.htm', []);
    expect(bad.check).toMatchObject({ ok: false, reason: 'invalid-copy' });
  });
});
