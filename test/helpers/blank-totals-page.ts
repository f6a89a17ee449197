/**
 * A report that leaves the 总计 column blank in the outcome rows （一）…（六） — only 一、二、（七）
 * and 四 carry totals — while every stated number agrees (issue 9, "blank is not zero in a total").
 *
 * Content: the 2019 report of 上海市人民政府办公厅 (published 2020-01-31 on www.shanghai.gov.cn), as
 * stored in the page data of a public repository (search index file id 18090078150; the repository
 * and commit could not be determined from the index). The original page itself is committed as
 * test/fixtures/real/shanghai-szfb-2019/report.html (provenance in its source.json) and is tested as it
 * is in test/core/real-page-cases.test.ts and by the accuracy harness. This helper regenerates the same
 * values so tests can vary them: table values, the 依申请公开 paragraph and the headings are
 * transcribed unchanged; the markup is regenerated in the same shape
 * (`<td nowrap style="width:38px;"><p align="center">258</p></td>`), and the long narrative of section 一
 * is shortened to its first sentence.
 *
 * Its prose really disagrees with its table in one place: 予以公开及部分公开258件, while
 * （一）+（二） = (258+12+1+1) + 3 = 275.
 */
import { TABLE3_ROWS } from '../../shared/src/index.ts';

type V = number | '';
/** Table 3 as printed: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]; rows not listed are blank. */
export const SHANGHAI_2019_T3: Record<string, V[]> = {
  newReceived: [821, 35, '', '', 2, 1, 859],
  carriedOver: [18, '', '', '', '', '', 18],
  granted: [258, 12, '', '', 1, 1, ''],
  partiallyGranted: [3, '', '', '', '', '', ''],
  'denied.stateSecret': [14, '', '', '', '', '', ''],
  'denied.internalAffairs': [5, '', '', '', '', '', ''],
  'denied.process': [3, 1, '', '', '', '', ''],
  'denied.queryMatter': [10, 2, '', '', '', '', ''],
  'unable.notHeld': [252, 12, '', '', 1, '', ''],
  'unable.needsCreation': [44, 3, '', '', '', '', ''],
  'unable.unclear': [25, '', '', '', '', '', ''],
  'notProcessed.complaint': [148, 1, '', '', '', '', ''],
  'notProcessed.duplicate': [5, 4, '', '', '', '', ''],
  total: [767, 35, '', '', 2, 1, 805],
  carriedForward: [72, '', '', '', '', '', 72],
};
export const SHANGHAI_2019_T4: V[] = [5, '', '', 2, 7, 8, '', '', 1, 9, '', '', '', '', ''];
/** The rows whose 总计 the report leaves blank although their applicant columns state numbers. */
export const SHANGHAI_2019_BLANK_TOTALS = Object.entries(SHANGHAI_2019_T3).filter(([, v]) => v[6] === '' && v.some((x) => x !== '')).map(([k]) => k);

const W = [38, 47, 47, 66, 57, 38, 62];
const cell = (v: V | string, w: number, extra = '') => `<td${extra} nowrap="nowrap" style="width:${w}px;"><p align="center">${v === '' ? '&nbsp;' : v}</p></td>`;
const label = (t: string, w: number, extra = '') => `<td${extra} nowrap="nowrap" style="width:${w}px;"><p>${t}</p></td>`;

function table3(t3: Record<string, V[]>): string {
  const head = `<tr><td colspan="3" nowrap="nowrap" rowspan="3" style="width:217px;"><p align="center">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></td>${cell('申请人情况', 355, ' colspan="7"')}</tr>`
    + `<tr>${cell('自然人', 38, ' rowspan="2"')}${cell('法人或其他组织', 255, ' colspan="5"')}${cell('总计', 62, ' rowspan="2"')}</tr>`
    + `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t, i) => cell(t, W[i + 1]!)).join('')}</tr>`;
  const groups: Record<string, number> = { '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5 };
  const rows = TABLE3_ROWS.filter((d) => d.templates.includes('2019')).map((d) => {
    const v = t3[d.key] ?? ['', '', '', '', '', '', ''];
    const parts = d.label.split(' ');
    let lab: string;
    if (['newReceived', 'carriedOver', 'carriedForward'].includes(d.key)) lab = label(d.label, 217, ' colspan="3"');
    else if (d.key === 'granted') lab = `${cell(parts[0]!, 23, ' rowspan="20"')}${label(parts[1]!, 194, ' colspan="2"')}`;
    else if (parts.length === 2) lab = `${label(parts[0]!, 57, ` rowspan="${groups[parts[0]!]}"`)}${label(parts[1]!, 137)}`;
    else if (/^（/.test(d.label)) lab = label(d.label, 194, ' colspan="2"');
    else lab = label(d.label, 137);
    return `<tr>${lab}${v.map((x, i) => cell(x, W[i]!)).join('')}</tr>`;
  });
  return `<table align="center" border="1" cellspacing="1"><tbody>${head}${rows.join('')}</tbody></table>`;
}

function table4(t4: V[]): string {
  const leaf = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return `<table align="center" border="1" cellspacing="1"><tbody><tr><td colspan="5"><p>行政复议</p></td><td colspan="10"><p>行政诉讼</p></td></tr>`
    + `<tr>${leaf.map((t) => `<td rowspan="2"><p>${t}</p></td>`).join('')}<td colspan="5"><p>未经复议直接起诉</p></td><td colspan="5"><p>复议后起诉</p></td></tr>`
    + `<tr>${[...leaf, ...leaf].map((t) => `<td><p>${t}</p></td>`).join('')}</tr>`
    + `<tr>${t4.map((v) => (v === '' ? '<td>&nbsp;</td>' : `<td><p>${v}</p></td>`)).join('')}</tr></tbody></table>`;
}

const TABLE2 = `<table align="center" border="1" cellspacing="1"><tbody>
<tr><td colspan="4"><p align="center">第二十条第（一）项</p></td></tr>
<tr><td><p align="center">信息内容</p></td><td><p align="center">本年新<br />制作数量</p></td><td><p align="center">本年新<br />公开数量</p></td><td><p align="center">对外公开总数量</p></td></tr>
<tr><td><p>规章</p></td><td><p align="center">13</p></td><td><p align="center">13</p></td><td><p align="center">524</p></td></tr>
<tr><td><p>规范性文件</p></td><td><p align="center">60</p></td><td><p align="center">60</p></td><td><p align="center">368</p></td></tr>
<tr><td colspan="4"><p align="center">第二十条第（五）项</p></td></tr>
<tr><td><p align="center">信息内容</p></td><td><p align="center">上一年项目数量</p></td><td><p align="center">本年增/减</p></td><td><p align="center">处理决定数量</p></td></tr>
<tr><td><p>行政许可</p></td><td><p align="center">0</p></td><td><p align="center">0</p></td><td><p align="center">0</p></td></tr>
<tr><td><p>其他对外管理服务事项</p></td><td><p align="center">0</p></td><td><p align="center">0</p></td><td><p align="center">0</p></td></tr>
<tr><td colspan="4"><p align="center">第二十条第（六）项</p></td></tr>
<tr><td><p align="center">信息内容</p></td><td><p align="center">上一年项目数量</p></td><td><p align="center">本年增/减</p></td><td><p align="center">处理决定数量</p></td></tr>
<tr><td><p>行政处罚</p></td><td><p align="center">0</p></td><td><p align="center">0</p></td><td><p align="center">0</p></td></tr>
<tr><td><p>行政强制</p></td><td><p align="center">0</p></td><td><p align="center">0</p></td><td><p align="center">0</p></td></tr>
<tr><td colspan="4"><p align="center">第二十条第（八）项</p></td></tr>
<tr><td><p align="center">信息内容</p></td><td><p align="center">上一年项目数量</p></td><td colspan="2"><p align="center">本年增/减</p></td></tr>
<tr><td><p>行政事业性收费</p></td><td><p align="center">0</p></td><td colspan="2"><p align="center">0</p></td></tr>
<tr><td colspan="4"><p align="center">第二十条第（九）项</p></td></tr>
<tr><td><p align="center">信息内容</p></td><td><p align="center">采购项目数量</p></td><td colspan="2"><p align="center">采购总金额</p></td></tr>
<tr><td><p>政府集中采购</p></td><td><p align="center">6</p></td><td colspan="2"><p align="center">251000元</p></td></tr>
</tbody></table>`;

/** The page, with table 3's values overridable (to make a stated number disagree, or fill the totals). */
export function blankTotalsPage(t3: Record<string, V[]> = SHANGHAI_2019_T3, t4: V[] = SHANGHAI_2019_T4): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2019年上海市人民政府办公厅政府信息公开工作年度报告</title></head><body>
<p style='text-align: center;font-weight: bold;'>2019年上海市人民政府办公厅政府信息公开工作年度报告</p><p style='text-align: center'>发布日期：2020-01-31</p>
<p>本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议和提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况及其他需要报告的事项。本年度报告中所列数据统计期限从2019年1月1日到12月31日止。</p>
<p>一、总体情况</p>
<p>2019年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导，全面落实《条例》要求，不断提高政府工作透明度。</p>
<p>（二）依申请公开方面</p>
<p>市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%；不予处理158件，占19.6%；其他处理0件。信息公开类行政复议7件，诉讼9件，均获维持，继续保持了省级政府零败诉的记录，维护了市政府依法行政、公开透明的良好形象。</p>
<p>二、主动公开政府信息情况</p>${TABLE2}
<p>三、收到和处理政府信息公开申请情况</p>${table3(t3)}
<p><br />四、政府信息公开行政复议、行政诉讼情况</p>${table4(t4)}
<p>五、政府信息公开工作存在的主要问题及改进情况</p><p>（一）主要问题</p><p>一是新《条例》实施后，专业领域的理论学习仍需加强，提升对《条例》新内容的准确把握。</p><p>（二）改进措施</p><p>一是深入做好《条例》的贯彻落实。</p>
<p>六、其他需要报告的事项</p><p>无。</p>
</body></html>`;
}
