/**
 * Word 97 tables as word-extractor prints them (cells and row ends both as tabs): rows recovered
 * when blank cells are spaces (as in report001.doc) and when they are truly empty (common in Word).
 */
import { describe, expect, it } from 'vitest';
import { docFromBody } from '../../shared/src/extract/doc.ts';
import type { Grid } from '../../shared/src/index.ts';

const HEAD = '三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系）\t申请人情况\t\n\t自然人\t法人或其他组织\t总计\t\n' +
  '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t';
const ROWS: [string, string[]][] = [
  ['一、本年新收政府信息公开申请数量', ['28', '', '', '1', '', '', '29']],
  ['二、上年结转政府信息公开申请数量', ['0', '', '', '0', '', '', '']],
  ['三、本年度办理结果\t（一）予以公开', ['22', '', '', '0', '', '', '22']],
  ['\t（二）部分公开', ['', '', '', '', '', '', '']],
  ['\t（三）不予公开\t1.属于国家秘密', ['', '', '', '', '', '', '']],
  ['\t\t2.其他法律行政法规禁止公开', ['0', '', '', '1', '', '', '1']],
  ['\t（七）总计', ['27', '', '', '1', '', '', '28']],
  ['四、结转下年度继续办理', ['1', '', '', '0', '', '', '1']],
];

function body(blank: string): string {
  return HEAD + ROWS.map(([l, v]) => `\t${l}\t${v.map((x) => x || blank).join('\t')}\t`).join('') + '\t四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题\n';
}

function values(g: Grid, leaf: string): string[] {
  const row = g.rows.find((r) => r.some((c) => !c.copy && c.text.endsWith(leaf)));
  if (!row) throw new Error(`no row ${leaf}`);
  return row.slice(-7).map((c) => c.text);
}

describe.each([['spaces', ' '], ['empty cells', '']])('blank cells as %s', (_, blank) => {
  it('recovers every row with its 7 values', () => {
    const doc = docFromBody(body(blank));
    expect(doc.grids).toHaveLength(1);
    const g = doc.grids[0]!;
    for (const [label, vals] of ROWS) expect(values(g, label.split('\t').pop()!)).toEqual(vals);
    const lines = doc.text.split('\n');
    expect(lines).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(lines).toContain('五、存在的主要问题');
    expect(lines[0]).toBe('三、收到和处理政府信息公开申请情况');
  });

  it('reads leading empty cells under a label as a vertical merge', () => {
    const g = docFromBody(body(blank)).grids[0]!;
    const row = g.rows.find((r) => r.some((c) => c.text === '2.其他法律行政法规禁止公开'))!;
    expect(row[0]!.text).toBe('三、本年度办理结果');
    expect(row[0]!.copy).toBe(true);
    expect(row[1]!.text).toBe('（三）不予公开');
  });
});
