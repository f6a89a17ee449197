/**
 * A faithful report on the 2021 template (国办公开办函〔2021〕30号), as an HTML article of the kind
 * portals publish: title, CMS metadata line, the six sections with realistic prose, and tables 2–4
 * laid out exactly as the template prints them (merged header cells, 三、本年度办理结果 spanning the
 * outcome rows, （六）其他处理 split into 1./2./3.), parameterised by the numbers.
 *
 * Defaults describe one consistent report (all arithmetic holds; the prose restates the tables), so
 * a test changes one number and sees exactly one check react.
 */

import type { Table3RowKey } from '../../shared/src/index.ts';

/** Table 3 rows of the 2021 template (the 2019 template's single （六）其他处理 row excluded). */
export type T3Key = Exclude<Table3RowKey, 'other'>;

/** A printed cell: a number, or text exactly as printed ('' = blank, '/', '无', '380元' …). */
export type Printed = number | string;
/** Seven columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
export type T3Row = [Printed, Printed, Printed, Printed, Printed, Printed, Printed];

export interface Report2021Options {
  /** Reporting year printed in the title and the statistical period. */
  year: number;
  agency: string;
  /** "发布日期：…" metadata line under the title; null for none. */
  publishedAt: string | null;
  /** Date under the signature at the end (年月日 as printed); null for none. */
  signedAt: string | null;
  /** 统计期限 sentence years (defaults to `year`). */
  periodYear: number;
  table2: {
    规章: [Printed, Printed, Printed];
    行政规范性文件: [Printed, Printed, Printed];
    行政许可: Printed;
    行政处罚: Printed;
    行政强制: Printed;
    /** 本年收费金额（单位：万元）as printed. */
    行政事业性收费: Printed;
  };
  table3: Partial<Record<T3Key, T3Row>>;
  /** 15 values: 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5 (维持, 纠正, 其他, 尚未审结, 总计). */
  table4: Printed[];
  /** Prose overrides; by default the prose restates the tables' figures. */
  prose: Partial<{
    /** Paragraph on 主动公开 in section 一 (mentions 行政规范性文件 issued). */
    proactive: string;
    /** Paragraph on 依申请公开 in section 一. */
    applications: string;
    /** Section 四 narrative sentence under table 4. */
    review: string;
    /** Section 五 text (paragraphs separated by \n). */
    problems: string;
    /** Section 六 text (paragraphs separated by \n). */
    other: string;
  }>;
  /** Sections to leave out (1..6), e.g. [6]. */
  omitSections: number[];
  /** Tables to leave out. */
  omitTables: (2 | 3 | 4)[];
}

const Z: T3Row = [0, 0, 0, 0, 0, 0, 0];

/** Consistent defaults: 34 new + 1 carried over = 34 handled + 1 carried forward. */
export const DEFAULT_T3: Record<T3Key, T3Row> = {
  newReceived: [31, 2, 0, 1, 0, 0, 34],
  carriedOver: [1, 0, 0, 0, 0, 0, 1],
  granted: [18, 1, 0, 0, 0, 0, 19],
  partiallyGranted: [3, 0, 0, 0, 0, 0, 3],
  'denied.stateSecret': Z,
  'denied.lawForbidden': Z,
  'denied.threeSecurities': Z,
  'denied.thirdParty': [1, 0, 0, 0, 0, 0, 1],
  'denied.internalAffairs': Z,
  'denied.process': Z,
  'denied.enforcementFile': Z,
  'denied.queryMatter': Z,
  'unable.notHeld': [6, 1, 0, 1, 0, 0, 8],
  'unable.needsCreation': Z,
  'unable.unclear': Z,
  'notProcessed.complaint': Z,
  'notProcessed.duplicate': [2, 0, 0, 0, 0, 0, 2],
  'notProcessed.publication': Z,
  'notProcessed.massRepeated': Z,
  'notProcessed.confirmOrReissue': Z,
  'other.noCorrection': [1, 0, 0, 0, 0, 0, 1],
  'other.unpaidFee': Z,
  'other.other': Z,
  total: [31, 2, 0, 1, 0, 0, 34],
  carriedForward: [1, 0, 0, 0, 0, 0, 1],
};

export const DEFAULT_T4: Printed[] = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

export function defaults2021(): Report2021Options {
  return {
    year: 2021,
    agency: '嘉兴市生态环境局',
    publishedAt: '2022-01-20',
    signedAt: '2022年1月20日',
    periodYear: 2021,
    table2: { 规章: [0, 0, 0], 行政规范性文件: [3, 1, 12], 行政许可: 612, 行政处罚: 87, 行政强制: 9, 行政事业性收费: 0 },
    table3: {},
    table4: DEFAULT_T4.slice(),
    prose: {},
    omitSections: [],
    omitTables: [],
  };
}

const esc = (s: Printed) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const td = (v: Printed, attrs = '') => `<td align="center"${attrs}>${v === '' ? '&nbsp;' : esc(v)}</td>`;
const n = (v: Printed) => (typeof v === 'number' ? v : Number(String(v).replace(/[^\d.-]/g, '')) || 0);

function table2Html(t: Report2021Options['table2']): string {
  const head = (item: string) => `<tr><td colspan="4" style="background:#ddd" align="center">${item}</td></tr>`;
  const one = (label: string, v: Printed) => `<tr><td>${label}</td><td colspan="3" align="center">${v === '' ? '&nbsp;' : esc(v)}</td></tr>`;
  const cols1 = (name: string) => `<tr><td>信息内容</td><td colspan="3" align="center">${name}</td></tr>`;
  return [
    '<table border="1" cellspacing="0" cellpadding="4" width="100%" style="border-collapse:collapse">',
    head('第二十条第（一）项'),
    '<tr><td>信息内容</td><td align="center">本年制发件数</td><td align="center">本年废止件数</td><td align="center">现行有效件数</td></tr>',
    `<tr><td>规章</td>${t.规章.map((v) => td(v)).join('')}</tr>`,
    `<tr><td>行政规范性文件</td>${t.行政规范性文件.map((v) => td(v)).join('')}</tr>`,
    head('第二十条第（五）项'),
    cols1('本年处理决定数量'),
    one('行政许可', t.行政许可),
    head('第二十条第（六）项'),
    cols1('本年处理决定数量'),
    one('行政处罚', t.行政处罚),
    one('行政强制', t.行政强制),
    head('第二十条第（八）项'),
    cols1('本年收费金额（单位：万元）'),
    one('行政事业性收费', t.行政事业性收费),
    '</table>',
  ].join('\n');
}

function table3Html(rows: Record<T3Key, T3Row>): string {
  const vals = (k: T3Key) => rows[k].map((v) => td(v)).join('');
  const r = (labelCells: string, k: T3Key) => `<tr>${labelCells}${vals(k)}</tr>`;
  const leaf = (label: string) => `<td>${label}</td>`;
  return [
    '<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-collapse:collapse">',
    '<tr><td rowspan="3" colspan="3" align="center">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7" align="center">申请人情况</td></tr>',
    '<tr><td rowspan="2" align="center">自然人</td><td colspan="5" align="center">法人或其他组织</td><td rowspan="2" align="center">总计</td></tr>',
    '<tr><td align="center">商业企业</td><td align="center">科研机构</td><td align="center">社会公益组织</td><td align="center">法律服务机构</td><td align="center">其他</td></tr>',
    r('<td colspan="3">一、本年新收政府信息公开申请数量</td>', 'newReceived'),
    r('<td colspan="3">二、上年结转政府信息公开申请数量</td>', 'carriedOver'),
    r('<td rowspan="22" align="center">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>', 'granted'),
    r('<td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>', 'partiallyGranted'),
    r(`<td rowspan="8">（三）不予公开</td>${leaf('1.属于国家秘密')}`, 'denied.stateSecret'),
    r(leaf('2.其他法律行政法规禁止公开'), 'denied.lawForbidden'),
    r(leaf('3.危及“三安全一稳定”'), 'denied.threeSecurities'),
    r(leaf('4.保护第三方合法权益'), 'denied.thirdParty'),
    r(leaf('5.属于三类内部事务信息'), 'denied.internalAffairs'),
    r(leaf('6.属于四类过程性信息'), 'denied.process'),
    r(leaf('7.属于行政执法案卷'), 'denied.enforcementFile'),
    r(leaf('8.属于行政查询事项'), 'denied.queryMatter'),
    r(`<td rowspan="3">（四）无法提供</td>${leaf('1.本机关不掌握相关政府信息')}`, 'unable.notHeld'),
    r(leaf('2.没有现成信息需要另行制作'), 'unable.needsCreation'),
    r(leaf('3.补正后申请内容仍不明确'), 'unable.unclear'),
    r(`<td rowspan="5">（五）不予处理</td>${leaf('1.信访举报投诉类申请')}`, 'notProcessed.complaint'),
    r(leaf('2.重复申请'), 'notProcessed.duplicate'),
    r(leaf('3.要求提供公开出版物'), 'notProcessed.publication'),
    r(leaf('4.无正当理由大量反复申请'), 'notProcessed.massRepeated'),
    r(leaf('5.要求行政机关确认或重新出具已获取信息'), 'notProcessed.confirmOrReissue'),
    r(`<td rowspan="3">（六）其他处理</td>${leaf('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')}`, 'other.noCorrection'),
    r(leaf('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'), 'other.unpaidFee'),
    r(leaf('3.其他'), 'other.other'),
    r('<td colspan="2">（七）总计</td>', 'total'),
    r('<td colspan="3">四、结转下年度继续办理</td>', 'carriedForward'),
    '</table>',
  ].join('\n');
}

function table4Html(v: Printed[]): string {
  if (v.length !== 15) throw new Error('table 4 needs 15 values');
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    '<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-collapse:collapse">',
    '<tr><td colspan="5" align="center">行政复议</td><td colspan="10" align="center">行政诉讼</td></tr>',
    `<tr>${five.map((x) => `<td rowspan="2" align="center">${x}</td>`).join('')}<td colspan="5" align="center">未经复议直接起诉</td><td colspan="5" align="center">复议后起诉</td></tr>`,
    `<tr>${[...five, ...five].map((x) => `<td align="center">${x}</td>`).join('')}</tr>`,
    `<tr>${v.map((x) => td(x)).join('')}</tr>`,
    '</table>',
  ].join('\n');
}

const p = (t: string) => `<p style="text-indent:2em">${t}</p>`;

/** Build the HTML of a 2021-template report. */
export type Report2021Overrides = Partial<Omit<Report2021Options, 'table2'>> & { table2?: Partial<Report2021Options['table2']> };

export function report2021(over: Report2021Overrides = {}): string {
  const d = defaults2021();
  const o: Report2021Options = { ...d, ...over, table2: { ...d.table2, ...(over.table2 ?? {}) }, prose: { ...(over.prose ?? {}) } };
  if (over.periodYear === undefined) o.periodYear = o.year;
  const t3 = { ...DEFAULT_T3, ...o.table3 } as Record<T3Key, T3Row>;
  const total = (k: T3Key) => n(t3[k][6]);
  const sum = (...ks: T3Key[]) => ks.reduce((s, k) => s + total(k), 0);
  const y = o.year;
  const title = `${o.agency}${y}年度政府信息公开工作年度报告`;

  const proactive = o.prose.proactive ??
    `${y}年，我局通过门户网站主动公开政府信息1862条，其中政策文件46条、行政许可和行政处罚等执法信息${n(o.table2.行政许可) + n(o.table2.行政处罚)}条。全年制发行政规范性文件${n(o.table2.行政规范性文件[0])}件，均同步开展政策解读，并在“政策文件”栏目集中公开现行有效的行政规范性文件。`;
  const applications = o.prose.applications ??
    `${y}年，我局共收到政府信息公开申请${total('newReceived')}件，上年结转${total('carriedOver')}件。其中予以公开${total('granted')}件，部分公开${total('partiallyGranted')}件，不予公开${sum('denied.stateSecret', 'denied.lawForbidden', 'denied.threeSecurities', 'denied.thirdParty', 'denied.internalAffairs', 'denied.process', 'denied.enforcementFile', 'denied.queryMatter')}件，无法提供${sum('unable.notHeld', 'unable.needsCreation', 'unable.unclear')}件，不予处理${sum('notProcessed.complaint', 'notProcessed.duplicate', 'notProcessed.publication', 'notProcessed.massRepeated', 'notProcessed.confirmOrReissue')}件，其他处理${sum('other.noCorrection', 'other.unpaidFee', 'other.other')}件，结转下年度继续办理${total('carriedForward')}件。所有申请均在法定期限内答复。`;
  const v4 = o.table4.map(n);
  const review = o.prose.review ??
    (v4[4]! + v4[9]! + v4[14]! === 0
      ? `${y}年，我局未发生因政府信息公开引起的行政复议和行政诉讼。`
      : `${y}年，我局发生政府信息公开行政复议案件${v4[4]}件，行政诉讼案件${v4[9]! + v4[14]!}件。`);
  const problems = o.prose.problems ??
    [`（一）上年度问题整改情况。针对${y - 1}年度报告中提出的政策解读形式单一、部分栏目更新不及时等问题，我局制定整改清单，逐项落实，通过图文、视频等多种形式解读政策文件，并建立栏目更新月度通报制度，相关问题已整改到位。`,
      `（二）存在的主要问题。一是依申请公开答复文书的规范性仍需提高；二是基层生态环境分局政务公开工作人员业务能力参差不齐；三是对公众关注的重点领域信息解读回应还不够及时。`,
      `（三）改进措施。${y + 1}年，我局将进一步规范依申请公开办理流程，统一答复文书格式；加强对各分局政务公开工作人员的业务培训；围绕污染防治攻坚、环评审批等重点领域，及时发布权威信息、回应社会关切。`].join('\n');
  const other = o.prose.other ??
    [`（一）收取信息处理费情况。按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，本年度我局未收取信息处理费。`,
      `（二）落实上级年度政务公开工作要点情况。我局按照《${y}年浙江省政务公开工作要点》要求，逐项分解任务，各项工作均按时完成。`].join('\n');

  const sec = (k: number, heading: string, body: string[]) => (o.omitSections.includes(k) ? [] : [`<p><b>${heading}</b></p>`, ...body]);
  const body: string[] = [
    p(`根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，编制本报告。本报告中所列数据的统计期限自${o.periodYear}年1月1日起至${o.periodYear}年12月31日止。本报告电子版可在“${o.agency}”门户网站查阅或下载。如对本报告有疑问，请与${o.agency}办公室联系。`),
    ...sec(1, '一、总体情况', [
      p(`${y}年，${o.agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院关于全面推进政务公开的决策部署，以公开促落实、强监管、优服务，政府信息公开工作质量进一步提升。`),
      p('（一）主动公开情况。'), p(proactive),
      p('（二）依申请公开情况。'), p(applications),
      p('（三）政府信息管理情况。'),
      p('严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则；动态调整主动公开基本目录，及时清理过时信息。'),
      p('（四）平台建设情况。'),
      p('依托市政府网站集约化平台，优化门户网站“政府信息公开”专栏设置，规范设置政府信息公开指南、政府信息公开制度、法定主动公开内容和政府信息公开工作年度报告等栏目。'),
      p('（五）监督保障情况。'),
      p('将政务公开工作纳入年度目标责任制考核，组织开展政务公开业务培训2次，主动接受社会评议和监督，本年度未发生因政务公开工作不到位被追责的情形。'),
    ]),
    ...sec(2, '二、主动公开政府信息情况', o.omitTables.includes(2) ? [] : [table2Html(o.table2)]),
    ...sec(3, '三、收到和处理政府信息公开申请情况', o.omitTables.includes(3) ? [] : [table3Html(t3)]),
    ...sec(4, '四、政府信息公开行政复议、行政诉讼情况', o.omitTables.includes(4) ? [p(review)] : [table4Html(o.table4), p(review)]),
    ...sec(5, '五、存在的主要问题及改进情况', problems.split('\n').map(p)),
    ...sec(6, '六、其他需要报告的事项', other.split('\n').map(p)),
  ];
  if (o.signedAt) body.push(`<p align="right">${o.agency}</p>`, `<p align="right">${o.signedAt}</p>`);

  return [
    '<!DOCTYPE html>',
    '<html><head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    `<title>${title}</title>`,
    '</head><body>',
    `<h2 align="center">${title}</h2>`,
    o.publishedAt ? `<div class="info">发布日期：${o.publishedAt}　　来源：${o.agency}　　浏览次数：316</div>` : '',
    '<div class="TRS_Editor">',
    ...body,
    '</div>',
    '</body></html>',
  ].join('\n');
}
