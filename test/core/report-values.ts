/** Reading a parsed report back in expected.json's shape (blank rows omitted, money as printed). */
import { toContract, checkReport, type Report } from '../../shared/src/index.ts';

export function valuesOf(report: Report) {
  const c = toContract(report, checkReport(report));
  const table3 = c.tables.table3
    ? Object.fromEntries(Object.entries(c.tables.table3).filter(([, v]) => v.some((x) => x !== null)))
    : null;
  return { table2: c.tables.table2, table3, table4: c.tables.table4 };
}
