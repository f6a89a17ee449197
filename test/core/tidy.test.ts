/**
 * Tidy cells from the contract: seed 001's 29 at table3/newReceived/total, every printed cell kept
 * with its state, and blank, "/", 无, 0 and doubtful distinct.
 */
import { describe, expect, it } from 'vitest';
import { checkReport, parseHtml, tidyCells, toContract, TABLE3_ROWS } from '../../shared/src/index.ts';
import { documentBytes } from './fixtures.ts';

const seed001 = () => {
  const parsed = parseHtml(new TextDecoder().decode(documentBytes('report001.html')));
  if (!parsed.ok) throw new Error(parsed.message.en);
  return toContract(parsed.report, checkReport(parsed.report));
};

describe('tidyCells', () => {
  it("gives seed 001's cells with labels, values and printed text", () => {
    const c = seed001();
    const cells = tidyCells(c);
    const at = (table: string, row: string, column: string) => cells.find((x) => x.table === table && x.row === row && x.column === column);
    expect(at('table3', 'newReceived', 'total')).toMatchObject({ value: 29, printed: '29', state: 'value', rowLabel: '一、本年新收政府信息公开申请数量', columnLabel: '总计' });
    expect(at('table3', 'newReceived', 'naturalPerson')).toMatchObject({ value: 28, state: 'value' });
    // Every printed cell of the contract is there exactly once.
    const printedCount = Object.values(c.printed.table2 ?? {}).flat().length + Object.values(c.printed.table3 ?? {}).flat().length + (c.printed.table4?.length ?? 0);
    expect(cells).toHaveLength(printedCount);
    expect(new Set(cells.map((x) => `${x.table}/${x.row}/${x.column}`)).size).toBe(cells.length);
    // Values agree with the contract's tables.
    for (const x of cells.filter((y) => y.table === 'table3')) {
      const i = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].indexOf(x.column);
      expect(x.value).toBe(c.tables.table3![x.row]![i]);
    }
    const money = at('table2', '政府集中采购', '采购总金额');
    expect(money).toMatchObject({ value: 22541145.2, unit: '元', state: 'value' });
    expect(cells.filter((x) => x.table === 'table4')).toHaveLength(15);
  });

  it('keeps blank, slash, 无, 0 and doubtful distinct', () => {
    const row = ['5', '', '/', '无', '0', '—', '5'];
    const cells = tidyCells({ template: '2021', doubtful: [{ table: 'table3', row: 'granted', col: 6, reason: 'placement' }],
      printed: { table2: null, table4: null, table3: { newReceived: row, granted: ['3', '', '', '', '', '', '3'] } } });
    expect(cells.filter((x) => x.row === 'newReceived').map((x) => x.state)).toEqual(['value', 'blank', 'slash', 'none-text', 'value', 'slash', 'value']);
    expect(cells.filter((x) => x.row === 'newReceived').map((x) => x.value)).toEqual([5, null, null, null, 0, null, 5]);
    const doubtful = cells.find((x) => x.row === 'granted' && x.column === 'total')!;
    expect(doubtful).toMatchObject({ state: 'doubtful', value: null, printed: '3' });
    expect(cells.find((x) => x.row === 'granted')!.rowLabel).toBe(TABLE3_ROWS.find((d) => d.key === 'granted')!.label);
  });
});
