/**
 * The JSON contract lists every doubtful cell (where and why) and keeps its printed text; a report
 * rebuilt from the contract (crawler exports, imported history) has the same cells doubtful again, so
 * a doubtful value never comes back as a certain one. Input: seed 001's HTML grids with one OCR
 * reading at confidence 0.3 (the shape the scan extractor gives).
 */
import { describe, expect, it } from 'vitest';
import { checkReport, extractHtml, parseExtracted, reportFromContract, toContract } from '../../shared/src/index.ts';
import { documentBytes } from './fixtures.ts';

function seed001WithDoubtfulTotal() {
  const doc = extractHtml(new TextDecoder().decode(documentBytes('report001.html')));
  // Table 3's 一、本年新收 总计 ("29") read with confidence 0.3; every other cell confidently.
  for (const g of doc.grids) g.rows.forEach((r, ri) => r.forEach((c, ci) => { c.ocrConfidence = g.index === 1 && ri === 3 && ci === 9 ? 0.3 : 0.95; }));
  const parsed = parseExtracted({ ...doc, kind: 'pdf', ocr: true });
  if (!parsed.ok) throw new Error(parsed.message.en);
  return parsed.report;
}

describe('doubtful cells in the contract', () => {
  it('are listed with their reason; the value is null and the printed text kept', () => {
    const report = seed001WithDoubtfulTotal();
    const c = toContract(report, checkReport(report));
    expect(c.doubtful).toHaveLength(1);
    expect(c.doubtful[0]).toMatchObject({ table: 'table3', row: 'newReceived', col: 6 });
    expect(c.doubtful[0]!.reason).toMatch(/confidence 0\.30/);
    expect(c.tables.table3!.newReceived![6]).toBeNull();
    expect(c.printed.table3!.newReceived![6]).toBe('29');
    expect(c.tables.table3!.newReceived![0]).toBe(28);
  });

  it('stay doubtful in a report rebuilt from the contract', () => {
    const report = seed001WithDoubtfulTotal();
    const c = JSON.parse(JSON.stringify(toContract(report, checkReport(report))));
    const rebuilt = reportFromContract(c);
    const cell = rebuilt.table3!.rows.find((r) => r.key === 'newReceived')!.cells[6]!;
    expect(cell.raw).toBe('29');
    expect(cell.doubt).toMatch(/confidence 0\.30/);
    const again = toContract(rebuilt, checkReport(rebuilt));
    expect(again.tables.table3!.newReceived![6]).toBeNull();
    expect(again.doubtful).toEqual([expect.objectContaining({ table: 'table3', row: 'newReceived', col: 6 })]);
  });

  it('a clean report has none', () => {
    const parsed = parseExtracted(extractHtml(new TextDecoder().decode(documentBytes('report001.html'))));
    if (!parsed.ok) throw new Error(parsed.message.en);
    expect(toContract(parsed.report, checkReport(parsed.report)).doubtful).toEqual([]);
  });
});
