/**
 * Seed 001's tables 3 and 4 (the hand-verified values of expected.json) written the way Word's
 * "Save as Web Page" and the portals' Word-paste editors publish them: `class=MsoNormalTable`,
 * `<td width=… colspan=… style='width:…pt;…'>`, `<p class=MsoNormal><span lang=EN-US>28<o:p></o:p></span></p>`.
 *
 * The grid mismatch Word produces when column edges differ slightly between rows: the header's
 * 自然人 cell spans two grid columns (its right edge lies 4 px right of the body's), the body's
 * 自然人 value cell spans one and the 商业企业 value cell spans two. Same for table 4's first
 * 结果维持. A reader sees every value under its heading; the grid's slot numbers do not line up.
 */
import { TABLE3_ROWS } from '../../shared/src/index.ts';
import { replaceOnce } from './fixtures.ts';

export interface WordExportOptions {
  /** How cell widths are stated: Word's `width=` attribute plus style (default), style only (pt), or not at all. */
  widths?: 'attr' | 'style' | 'none';
  /** Header and body grids differ as described above (default true). */
  mismatch?: boolean;
  /** Rows whose blank 法律服务机构 and 其他 cells are one merged cell (colspan=2). */
  mergeBlank?: string[];
}

type Values = Record<string, (number | string | null)[]>;

// Grid column widths in px: three label columns, then 自然人 (40 + a 4 px sliver), 商业企业 … 总计.
const LABEL = [30, 80, 117];
const VALUE = [40, 4, 50, 50, 57, 57, 44, 50];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function td(o: WordExportOptions, w: number, body: string, attrs: { colspan?: number; rowspan?: number; center?: boolean } = {}): string {
  const wa = o.widths === 'none' ? '' : o.widths === 'style' ? '' : ` width=${w}`;
  const ws = o.widths === 'none' ? '' : `width:${(w * 0.75).toFixed(2)}pt;`;
  const span = `${attrs.colspan && attrs.colspan > 1 ? ` colspan=${attrs.colspan}` : ''}${attrs.rowspan && attrs.rowspan > 1 ? ` rowspan=${attrs.rowspan}` : ''}`;
  const p = attrs.center ? `<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'>` : `<p class=MsoNormal style='mso-pagination:widow-orphan'>`;
  return `\n  <td${wa}${span} style='${ws}border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt;height:15.75pt'>\n  ${p}${body}</p>\n  </td>`;
}

const zh = (t: string) => `<span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体;color:black;mso-font-kerning:0pt'>${esc(t)}<span lang=EN-US><o:p></o:p></span></span>`;
const num = (v: number | string | null) => (v === null
  ? `<span lang=EN-US style='font-size:10.5pt;font-family:"Times New Roman",serif'><o:p>&nbsp;</o:p></span>`
  : `<span lang=EN-US style='font-size:10.5pt;font-family:"Times New Roman",serif;color:black'>${esc(String(v))}<o:p></o:p></span>`);
const tr = (i: number, cells: string) => `\n <tr style='mso-yfti-irow:${i};height:15.75pt'>${cells}\n </tr>`;
const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);

/** The seven value cells of a body row. */
function valueCells(o: WordExportOptions, v: (number | string | null)[], merge: boolean): string {
  const mm = o.mismatch !== false;
  const cells: string[] = [];
  cells.push(mm ? td(o, VALUE[0]!, num(v[0]!), { center: true }) : td(o, VALUE[0]! + VALUE[1]!, num(v[0]!), { center: true }));
  cells.push(mm ? td(o, VALUE[1]! + VALUE[2]!, num(v[1]!), { colspan: 2, center: true }) : td(o, VALUE[2]!, num(v[1]!), { center: true }));
  for (let c = 2; c < 4; c++) cells.push(td(o, VALUE[c + 1]!, num(v[c]!), { center: true }));
  if (merge) {
    if (v[4] !== null || v[5] !== null) throw new Error('only blank cells can be merged');
    cells.push(td(o, VALUE[5]! + VALUE[6]!, num(null), { colspan: 2, center: true }));
  } else { cells.push(td(o, VALUE[5]!, num(v[4]!), { center: true })); cells.push(td(o, VALUE[6]!, num(v[5]!), { center: true })); }
  cells.push(td(o, VALUE[7]!, num(v[6]!), { center: true }));
  return cells.join('');
}

/** Table 3 (2019 layout) as a Word-exported table. */
export function wordTable3(values: Values, o: WordExportOptions = {}): string {
  const mm = o.mismatch !== false;
  const w = (a: number, b: number) => sum(VALUE.slice(a, b));
  const head = [
    tr(0, td(o, sum(LABEL), zh('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), { colspan: 3, rowspan: 3, center: true })
      + td(o, w(0, 8), zh('申请人情况'), { colspan: mm ? 8 : 7, center: true })),
    tr(1, td(o, w(0, 2), zh('自然人'), { colspan: mm ? 2 : 1, rowspan: 2, center: true }) + td(o, w(2, 7), zh('法人或其他组织'), { colspan: 5, center: true })
      + td(o, VALUE[7]!, zh('总计'), { rowspan: 2, center: true })),
    tr(2, ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t, i) => td(o, VALUE[i + 2]!, zh(t), { center: true })).join('')),
  ];
  const defs = TABLE3_ROWS.filter((d) => d.templates.includes('2019'));
  const groupSize: Record<string, number> = { '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5 };
  const body: string[] = [];
  defs.forEach((d, i) => {
    const v = values[d.key] ?? [null, null, null, null, null, null, null];
    const merge = o.mergeBlank?.includes(d.key) ?? false;
    const parts = d.label.split(' ');
    let label: string;
    if (['newReceived', 'carriedOver', 'carriedForward'].includes(d.key)) label = td(o, sum(LABEL), zh(d.label), { colspan: 3 });
    else if (parts.length === 2 && d.key === 'granted') {
      label = td(o, LABEL[0]!, zh(parts[0]!), { rowspan: 20, center: true }) + td(o, LABEL[1]! + LABEL[2]!, zh(parts[1]!), { colspan: 2 });
    } else if (parts.length === 2) label = td(o, LABEL[1]!, zh(parts[0]!), { rowspan: groupSize[parts[0]!] ?? 1 }) + td(o, LABEL[2]!, zh(parts[1]!));
    else if (/^（[一二三四五六七]）/.test(d.label)) label = td(o, LABEL[1]! + LABEL[2]!, zh(d.label), { colspan: 2 });
    else label = td(o, LABEL[2]!, zh(d.label));
    body.push(tr(i + 3, label + valueCells(o, v, merge)));
  });
  return `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=${sum(LABEL) + sum(VALUE)}
 style='width:${((sum(LABEL) + sum(VALUE)) * 0.75).toFixed(2)}pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>${head.join('')}${body.join('')}\n</table>`;
}

/** Table 4 as a Word-exported table; with `mismatch` the first 结果维持 header spans two grid columns. */
export function wordTable4(values: (number | string | null)[], o: WordExportOptions = {}): string {
  const mm = o.mismatch !== false;
  const leaf = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const W = 40;
  const row0 = td(o, 5 * W + 4, zh('行政复议'), { colspan: mm ? 6 : 5, center: true }) + td(o, 10 * W, zh('行政诉讼'), { colspan: 10, center: true });
  const row1 = leaf.map((t, i) => td(o, i === 0 && mm ? W + 4 : W, zh(t), { rowspan: 2, colspan: i === 0 && mm ? 2 : 1, center: true })).join('')
    + td(o, 5 * W, zh('未经复议直接起诉'), { colspan: 5, center: true }) + td(o, 5 * W, zh('复议后起诉'), { colspan: 5, center: true });
  const row2 = [...leaf, ...leaf].map((t) => td(o, W, zh(t), { center: true })).join('');
  const row3 = values.map((v, i) => (mm && i === 0 ? td(o, W - 2, num(v), { center: true })
    : mm && i === 1 ? td(o, W + 6, num(v), { colspan: 2, center: true }) : td(o, i === 1 ? W : W, num(v), { center: true }))).join('');
  return `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>${tr(0, row0)}${tr(1, row1)}${tr(2, row2)}${tr(3, row3)}\n</table>`;
}

/** report001.html with its tables 3 and 4 replaced by Word-exported ones carrying the same values. */
export function wordExportReport(html: string, t3: Values, t4: (number | string | null)[], o: WordExportOptions = {}): string {
  const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
  const table3 = tables.find((t) => t.includes('本年新收'));
  const table4 = tables.find((t) => t.includes('复议后起诉'));
  if (!table3 || !table4) throw new Error('report001.html: tables 3 and 4 not found');
  return replaceOnce(replaceOnce(html, table3, wordTable3(t3, o)), table4, wordTable4(t4, o));
}
