/**
 * The placement invariant (issue 9): a parsed cell is the report's printed value for its row and
 * column, or it is marked doubtful — never another cell's value. Checked over every fixture there
 * is: the real reports (test/fixtures/real, hand-checked expected.json), the seeds, the handbook's
 * documents made from seed 001 (HTML, GBK HTML, DOCX, DOC, PDF), and Word-exported HTML variants
 * of seed 001's tables whose header and body grids disagree (test/helpers/word-export.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '@gongkai/shared/node';
import type { Report } from '../../shared/src/index.ts';
import { compareReport, describeCell, listFixtures, runFixture, type ExpectedTables } from '../helpers/accuracy.ts';
import { DOCUMENTS, report001Html } from '../helpers/fixtures.ts';
import { html } from '../helpers/checks.ts';
import { seed001 } from './report-values.ts';
import { wordExportReport, type WordExportOptions } from '../helpers/word-export.ts';

const expected001 = seed001 as unknown as ExpectedTables;
const wrongCells = (r: Report, exp: ExpectedTables) => compareReport(r, exp).filter((c) => c.verdict === 'wrong').map(describeCell);

describe('every fixture: no cell holds a value that is not its printed value', () => {
  for (const f of listFixtures()) {
    (f.path ? it : it.skip)(f.name, async () => {
      const r = await runFixture(f);
      expect(r.error).toBeUndefined();
      expect(r.cells.filter((c) => c.verdict === 'wrong').map(describeCell)).toEqual([]);
    }, 180_000);
  }

  // The scanned PDF needs OCR (test/documents/ocr.test.ts); every other document is read here.
  for (const file of ['report001.html', 'report001-gbk.html', 'report001.docx', 'report001.doc', 'report001.pdf']) {
    it(`documents/${file}`, async () => {
      const parsed = await parseBytes(new Uint8Array(readFileSync(join(DOCUMENTS, file))), { name: file, ocr: false });
      if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}`);
      expect(wrongCells(parsed.report, expected001)).toEqual([]);
    }, 120_000);
  }
});

describe('Word-exported tables whose header and body grids disagree', () => {
  const t3 = seed001.table3 as Record<string, (number | null)[]>;
  const t4 = seed001.table4 as number[];
  const parse = (o: WordExportOptions) => html(wordExportReport(report001Html(), t3, t4, o));
  const verdicts = (r: Report) => compareReport(r, expected001).filter((c) => c.table !== 'table2');

  it('the variant is what Word writes: MsoNormalTable, width= and colspan on <td>, MsoNormal paragraphs', () => {
    const src = wordExportReport(report001Html(), t3, t4, {});
    expect(src).toContain('<table class=MsoNormalTable');
    expect(src).toMatch(/<td width=40 style='width:30\.00pt;/); // 自然人 value: one grid column
    expect(src).toMatch(/<td width=54 colspan=2 style=/); // 商业企业 value: two grid columns
    expect(src).toMatch(/<td width=44 colspan=2 rowspan=2 style=[^>]*>\s*<p class=MsoNormal align=center[^>]*><span[^>]*>自然人/);
    expect(src).toContain("<span lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\",serif;color:black'>28<o:p></o:p></span>");
  });

  it.each([
    ['width= attributes', { widths: 'attr' }],
    ['style widths in pt only', { widths: 'style' }],
    ['no widths at all (placed by the count of cells)', { widths: 'none' }],
  ] as const)('with %s every cell of tables 3 and 4 is exact', (_name, o) => {
    const r = parse(o);
    const v = verdicts(r);
    expect(v.filter((c) => c.verdict !== 'exact').map(describeCell)).toEqual([]);
    expect(r.table3!.rows.find((x) => x.key === 'newReceived')!.cells.map((c) => c.value)).toEqual([28, null, null, 1, null, null, 29]);
    expect(r.table4!.cells.map((c) => c.value)).toEqual(t4);
  });

  it('a merged blank cell over 法律服务机构 and 其他 is placed by widths: blank in both, nothing shifted', () => {
    const r = parse({ widths: 'attr', mergeBlank: ['newReceived', 'total'] });
    expect(verdicts(r).filter((c) => c.verdict !== 'exact').map(describeCell)).toEqual([]);
    expect(r.table3!.rows.find((x) => x.key === 'total')!.cells.map((c) => c.value)).toEqual([27, null, null, 1, null, null, 28]);
  });

  it('with no widths, a row of six cells under a mismatched header is doubtful — never shifted', () => {
    const r = parse({ widths: 'none', mergeBlank: ['newReceived'] });
    const v = verdicts(r);
    expect(v.filter((c) => c.verdict === 'wrong').map(describeCell)).toEqual([]);
    const row = r.table3!.rows.find((x) => x.key === 'newReceived')!;
    expect(row.cells.every((c) => c.doubt)).toBe(true);
    // Every other row still has seven cells and is exact.
    expect(v.filter((c) => c.row !== 'newReceived' && c.verdict !== 'exact').map(describeCell)).toEqual([]);
  });

  it('matching grids (the handbook page) and the mismatched export read the same', () => {
    const a = html(report001Html());
    const b = parse({});
    expect(b.table3!.rows.map((x) => [x.key, x.cells.map((c) => c.value)])).toEqual(a.table3!.rows.map((x) => [x.key, x.cells.map((c) => c.value)]));
  });
});
