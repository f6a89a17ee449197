/**
 * The fixed vocabulary of the national templates (国办公开办函〔2019〕60号 and 〔2021〕30号).
 * Keys here are part of the public JSON contract: never rename one.
 */

/** Which national layout a report follows. */
export type Template = '2019' | '2021' | 'pre-2019' | 'unknown';

/** The seven columns of table 3, in order. */
export const TABLE3_COLUMNS = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'publicInterest', label: '社会公益组织' },
  { key: 'legalService', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
] as const;

export type Table3RowKey =
  | 'newReceived' | 'carriedOver' | 'granted' | 'partiallyGranted'
  | 'denied.stateSecret' | 'denied.lawForbidden' | 'denied.threeSecurities' | 'denied.thirdParty'
  | 'denied.internalAffairs' | 'denied.process' | 'denied.enforcementFile' | 'denied.queryMatter'
  | 'unable.notHeld' | 'unable.needsCreation' | 'unable.unclear'
  | 'notProcessed.complaint' | 'notProcessed.duplicate' | 'notProcessed.publication'
  | 'notProcessed.massRepeated' | 'notProcessed.confirmOrReissue'
  | 'other' | 'other.noCorrection' | 'other.unpaidFee' | 'other.other'
  | 'total' | 'carriedForward';

export interface Table3RowDef {
  key: Table3RowKey;
  /** The label as printed in the template. */
  label: string;
  /** Distinctive text of the leaf label (no numbering), with known variants. */
  leaf: readonly string[];
  /** Which templates have the row. */
  templates: readonly ('2019' | '2021')[];
  /** The outcome group of row 三, if any: leaves of a group add up to （七）总计. */
  outcome: boolean;
}

const both = ['2019', '2021'] as const;
export const TABLE3_ROWS: readonly Table3RowDef[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', leaf: ['本年新收政府信息公开申请数量', '本年新收'], templates: both, outcome: false },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', leaf: ['上年结转政府信息公开申请数量', '上年结转'], templates: both, outcome: false },
  { key: 'granted', label: '三、本年度办理结果 （一）予以公开', leaf: ['予以公开'], templates: both, outcome: true },
  { key: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', leaf: ['部分公开'], templates: both, outcome: true },
  { key: 'denied.stateSecret', label: '（三）不予公开 1.属于国家秘密', leaf: ['属于国家秘密'], templates: both, outcome: true },
  { key: 'denied.lawForbidden', label: '2.其他法律行政法规禁止公开', leaf: ['其他法律行政法规禁止公开'], templates: both, outcome: true },
  { key: 'denied.threeSecurities', label: '3.危及"三安全一稳定"', leaf: ['危及三安全一稳定'], templates: both, outcome: true },
  { key: 'denied.thirdParty', label: '4.保护第三方合法权益', leaf: ['保护第三方合法权益'], templates: both, outcome: true },
  { key: 'denied.internalAffairs', label: '5.属于三类内部事务信息', leaf: ['属于三类内部事务信息'], templates: both, outcome: true },
  { key: 'denied.process', label: '6.属于四类过程性信息', leaf: ['属于四类过程性信息'], templates: both, outcome: true },
  { key: 'denied.enforcementFile', label: '7.属于行政执法案卷', leaf: ['属于行政执法案卷'], templates: both, outcome: true },
  { key: 'denied.queryMatter', label: '8.属于行政查询事项', leaf: ['属于行政查询事项'], templates: both, outcome: true },
  { key: 'unable.notHeld', label: '（四）无法提供 1.本机关不掌握相关政府信息', leaf: ['本机关不掌握相关政府信息'], templates: both, outcome: true },
  { key: 'unable.needsCreation', label: '2.没有现成信息需要另行制作', leaf: ['没有现成信息需要另行制作'], templates: both, outcome: true },
  { key: 'unable.unclear', label: '3.补正后申请内容仍不明确', leaf: ['补正后申请内容仍不明确'], templates: both, outcome: true },
  { key: 'notProcessed.complaint', label: '（五）不予处理 1.信访举报投诉类申请', leaf: ['信访举报投诉类申请'], templates: both, outcome: true },
  { key: 'notProcessed.duplicate', label: '2.重复申请', leaf: ['重复申请'], templates: both, outcome: true },
  { key: 'notProcessed.publication', label: '3.要求提供公开出版物', leaf: ['要求提供公开出版物'], templates: both, outcome: true },
  { key: 'notProcessed.massRepeated', label: '4.无正当理由大量反复申请', leaf: ['无正当理由大量反复申请'], templates: both, outcome: true },
  { key: 'notProcessed.confirmOrReissue', label: '5.要求行政机关确认或重新出具已获取信息', leaf: ['要求行政机关确认或重新出具已获取信息'], templates: both, outcome: true },
  { key: 'other', label: '（六）其他处理', leaf: ['其他处理'], templates: ['2019'], outcome: true },
  { key: 'other.noCorrection', label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', leaf: ['申请人无正当理由逾期不补正', '逾期不补正'], templates: ['2021'], outcome: true },
  { key: 'other.unpaidFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', leaf: ['申请人逾期未按收费通知要求缴纳费用', '逾期未按收费通知要求缴纳费用'], templates: ['2021'], outcome: true },
  { key: 'other.other', label: '3.其他', leaf: ['其他'], templates: ['2021'], outcome: true },
  { key: 'total', label: '（七）总计', leaf: ['总计'], templates: both, outcome: false },
  { key: 'carriedForward', label: '四、结转下年度继续办理', leaf: ['结转下年度继续办理', '结转下年度'], templates: both, outcome: false },
];

/** Table 4: three groups of five. */
export const TABLE4_GROUPS = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼·未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '行政诉讼·复议后起诉' },
] as const;
export const TABLE4_COLUMNS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

/** What a table-2 column holds: a count, a signed change, or money. */
export type Table2ColumnKind = 'count' | 'delta' | 'money';
export interface Table2ColumnDef { label: string; kind: Table2ColumnKind; aliases?: readonly string[] }
export interface Table2RowDef { label: string; aliases?: readonly string[] }
export interface Table2BlockDef {
  /** e.g. 第二十条第（一）项 */
  item: string;
  rows: readonly Table2RowDef[];
  columns: readonly Table2ColumnDef[];
}

export const TABLE2_BLOCKS: Record<'2019' | '2021', readonly Table2BlockDef[]> = {
  '2019': [
    { item: '第二十条第（一）项', rows: [{ label: '规章' }, { label: '规范性文件', aliases: ['行政规范性文件'] }],
      columns: [{ label: '本年新制作数量', kind: 'count' }, { label: '本年新公开数量', kind: 'count' }, { label: '对外公开总数量', kind: 'count' }] },
    { item: '第二十条第（五）项', rows: [{ label: '行政许可' }, { label: '其他对外管理服务事项' }],
      columns: [{ label: '上一年项目数量', kind: 'count' }, { label: '本年增/减', kind: 'delta' }, { label: '处理决定数量', kind: 'count' }] },
    { item: '第二十条第（六）项', rows: [{ label: '行政处罚' }, { label: '行政强制' }],
      columns: [{ label: '上一年项目数量', kind: 'count' }, { label: '本年增/减', kind: 'delta' }, { label: '处理决定数量', kind: 'count' }] },
    { item: '第二十条第（八）项', rows: [{ label: '行政事业性收费' }],
      columns: [{ label: '上一年项目数量', kind: 'count' }, { label: '本年增/减', kind: 'delta' }] },
    { item: '第二十条第（九）项', rows: [{ label: '政府集中采购' }],
      columns: [{ label: '采购项目数量', kind: 'count' }, { label: '采购总金额', kind: 'money' }] },
  ],
  '2021': [
    { item: '第二十条第（一）项', rows: [{ label: '规章' }, { label: '行政规范性文件', aliases: ['规范性文件'] }],
      columns: [{ label: '本年制发件数', kind: 'count' }, { label: '本年废止件数', kind: 'count' }, { label: '现行有效件数', kind: 'count' }] },
    { item: '第二十条第（五）项', rows: [{ label: '行政许可' }],
      columns: [{ label: '本年处理决定数量', kind: 'count' }] },
    { item: '第二十条第（六）项', rows: [{ label: '行政处罚' }, { label: '行政强制' }],
      columns: [{ label: '本年处理决定数量', kind: 'count' }] },
    { item: '第二十条第（八）项', rows: [{ label: '行政事业性收费' }],
      columns: [{ label: '本年收费金额（单位：万元）', kind: 'money', aliases: ['本年收费金额'] }] },
  ],
};

/** The six standard section headings (Article 50), with wording seen in real reports. */
export const SECTIONS = [
  { n: 1, heading: '总体情况', keywords: ['总体情况', '基本概况', '概述', '总体概况', '基本情况'] },
  { n: 2, heading: '主动公开政府信息情况', keywords: ['主动公开政府信息情况', '主动公开政府信息', '主动公开情况'] },
  { n: 3, heading: '收到和处理政府信息公开申请情况', keywords: ['收到和处理政府信息公开申请', '政府信息公开申请情况', '依申请公开情况'] },
  { n: 4, heading: '政府信息公开行政复议、行政诉讼情况', keywords: ['行政复议、行政诉讼', '行政复议行政诉讼', '行政复议和行政诉讼'] },
  { n: 5, heading: '存在的主要问题及改进情况', keywords: ['存在的主要问题', '主要问题及改进', '问题及改进', '下一步措施', '改进情况', '存在问题'] },
  { n: 6, heading: '其他需要报告的事项', keywords: ['其他需要报告的事项', '其他需要报告', '其他事项'] },
] as const;
export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;
