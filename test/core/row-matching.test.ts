/**
 * Table-3 rows matched by label similarity (missing, extra or wrong characters, traditional forms,
 * full-width numbering) and, where the label does not settle it, by place in the template's fixed
 * row order — keeping the printed label, and saying 按位置匹配 in the evidence.
 */
import { describe, expect, it } from 'vitest';
import { report001Html, replaceOnce, seedText } from '../helpers/fixtures.ts';
import { findingAt, html, run, text } from '../helpers/checks.ts';
import { seed001 } from './report-values.ts';
import type { Report } from '../../shared/src/index.ts';

const relabel = (from: string, to: string, src = report001Html()) => replaceOnce(src, `>${from}<`, `>${to}<`);
const row = (r: Report, key: string) => r.table3!.rows.find((x) => x.key === key);
const values = (r: Report, key: string) => row(r, key)?.cells.map((c) => c.value);

describe('rows by label similarity', () => {
  it.each([
    ['a wrong character', '4.保护第三方合法权益', '4.保护第三方合法权利', 'denied.thirdParty'],
    ['an extra character', '2.没有现成信息需要另行制作', '2.没有现成的信息需要另行制作', 'unable.needsCreation'],
    ['traditional forms', '1.本机关不掌握相关政府信息', '1.本機關不掌握相關政府信息', 'unable.notHeld'],
    ['full-width numbering', '2.重复申请', '２．重复申请', 'notProcessed.duplicate'],
  ])('%s: "%s" printed as "%s" is matched by its label', (_why, from, to, key) => {
    const r = html(relabel(from, to));
    expect(row(r, key)).toMatchObject({ printed: expect.stringContaining(to) });
    expect(row(r, key)!.matchedBy).toBeUndefined();
    expect(r.table3!.missingRows).toEqual([]);
    expect(r.table3!.extraRows).toEqual([]);
  });

  it('a whole table in traditional characters reads as the template', () => {
    let src = report001Html();
    for (const [a, b] of [['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公開申請數量'], ['（七）总计', '（七）總計'],
      ['四、结转下年度继续办理', '四、結轉下年度繼續辦理'], ['2.其他法律行政法规禁止公开', '2.其他法律行政法規禁止公開']]) src = relabel(a!, b!, src);
    const r = html(src);
    expect(values(r, 'newReceived')).toEqual(seed001.table3!.newReceived);
    expect(values(r, 'total')).toEqual(seed001.table3!.total);
    expect(values(r, 'carriedForward')).toEqual(seed001.table3!.carriedForward);
    expect(values(r, 'denied.lawForbidden')).toEqual(seed001.table3!['denied.lawForbidden']);
    expect(r.table3!.rows.every((x) => x.matchedBy === undefined)).toBe(true);
  });
});

describe('rows by place (按位置匹配)', () => {
  it('the real misspelling "2.其他法律行政止公开" under （三） is 其他法律行政法规禁止公开, its printed label kept', () => {
    const r = html(relabel('2.其他法律行政法规禁止公开', '2.其他法律行政止公开'));
    expect(row(r, 'denied.lawForbidden')).toMatchObject({ printed: '三、本年度办理结果 （三）不予公开 2.其他法律行政止公开', matchedBy: 'position' });
    expect(values(r, 'denied.lawForbidden')).toEqual(seed001.table3!['denied.lawForbidden']);
    expect(r.table3!.missingRows).toEqual([]);
    expect(r.table3!.extraRows).toEqual([]);
    expect(r.notes).toContain('table 3: row "三、本年度办理结果（三）不予公开2.其他法律行政止公开" matched by its place to 2.其他法律行政法规禁止公开 (按位置匹配)');
    const res = run(r);
    expect(res.outcomes.find((o) => o.id === 'structure.table3.rows')!.status).toBe('pass');
  });

  it('a finding on a row matched by place names the printed label in its evidence', () => {
    const src = relabel('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    // 总计 of that row misprinted as 2 (0 + 1 = 1): the row sum fails on the row matched by place.
    const h = replaceOnce(src, /(2\.其他法律行政止公开<\/td>(?:<td[^>]*>[^<]*<\/td>){6})<td align="center">1<\/td>/, '$1<td align="center">2</td>');
    const f = findingAt(run(html(h)), 'table3.row-sum', '2.其他法律行政法规禁止公开 · 总计（按位置匹配：“三、本年度办理结果（三）不予公开2.其他法律行政止公开”）');
    expect(f.evidence.expression).toBe('总计 = 2 ≠ 0+空+空+1+空+空 = 1');
  });

  it('a missing character ("2.重复申") and a wrong one together in the same gap are placed in order', () => {
    let src = relabel('2.重复申请', '2.重复申');
    src = relabel('3.要求提供公开出版物', '3.要求提共公开出板物', src);
    const r = html(src);
    expect(row(r, 'notProcessed.duplicate')).toMatchObject({ matchedBy: 'position' });
    expect(values(r, 'notProcessed.duplicate')).toEqual(seed001.table3!['notProcessed.duplicate']);
    expect(row(r, 'notProcessed.publication')!.printed).toContain('3.要求提共公开出板物');
    expect(r.table3!.missingRows).toEqual([]);
  });

  it('in flattened PDF text (seed 000) a label missing a character is placed too', () => {
    const src = replaceOnce(seedText('000'), '2.重复申请', '2.重复申');
    const r = text(src);
    expect(row(r, 'notProcessed.duplicate')).toMatchObject({ matchedBy: 'position' });
    expect(r.table3!.missingRows).toEqual([]);
  });

  it('a 小计 row is never a template row by place: it stays an extra row', () => {
    // Remove 3.危及… and add a 小计 row in its place: the gap has one free row, but 小计 is an addition.
    const src = report001Html().replace(/<tr><td>3\.危及“三安全一稳定”<\/td>/, '<tr><td>小计</td>');
    const r = html(src);
    expect(r.table3!.missingRows).toEqual(['denied.threeSecurities']);
    expect(r.table3!.extraRows.map((x) => x.printed)).toEqual(['三、本年度办理结果 （三）不予公开 小计']);
  });

  it('a label whose number disagrees with the free row is not placed', () => {
    const src = relabel('2.其他法律行政法规禁止公开', '5.其他法律行政止公开');
    const r = html(src);
    expect(row(r, 'denied.lawForbidden')).toBeUndefined();
    expect(r.table3!.missingRows).toEqual(['denied.lawForbidden']);
  });
});
