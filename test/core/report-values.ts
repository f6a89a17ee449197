/** Reading a parsed report back in expected.json's shape (blank rows omitted, money as printed). */
import { expect } from 'vitest';
import { toContract, checkReport, type Report } from '../../shared/src/index.ts';
import { expectedReports } from './fixtures.ts';

export function valuesOf(report: Report) {
  const c = toContract(report, checkReport(report));
  const table3 = c.tables.table3
    ? Object.fromEntries(Object.entries(c.tables.table3).filter(([, v]) => v.some((x) => x !== null)))
    : null;
  return { table2: c.tables.table2, table3, table4: c.tables.table4 };
}

/** Seed 001's hand-verified entry: every document fixture is that report in another format. */
export const seed001 = expectedReports().find((r) => r.file.startsWith('001_'))!;

/** Tables 2, 3 and 4 of `report` equal seed 001's expected values, cell for cell. */
export function expectSeed001Tables(report: Report): void {
  const v = valuesOf(report);
  expect(v.table3).toEqual(seed001.table3);
  expect(v.table4).toEqual(seed001.table4);
  expect(v.table2).toEqual(seed001.table2);
}
