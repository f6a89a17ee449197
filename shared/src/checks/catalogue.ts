/**
 * The catalogue of checks: stable ids (part of the JSON contract), severity, category for the
 * score, and what each one means. README's check table is generated from this list.
 */
import type { Severity } from './types.js';

export type Category = 'structure' | 'template' | 'arithmetic' | 'prose' | 'timeliness' | 'history';

export interface CheckInfo {
  id: string;
  category: Category;
  severity: Severity;
  zh: string;
  en: string;
  /**
   * What the check runs on: absent or 'report' — one report, by checkReport; 'crawl' — a crawl of an
   * agency's annual-report column (the crawler's analysis), so checkReport never reports it.
   */
  scope?: 'report' | 'crawl';
}

export const CHECKS: readonly CheckInfo[] = [
  { id: 'structure.not-template', category: 'structure', severity: 'info', zh: '2019年以前的报告，无统一格式', en: 'Report predates the 2019 template (free-form)' },
  { id: 'structure.sections', category: 'structure', severity: 'warning', zh: '缺少六个标准章节中的一个或多个', en: 'One or more of the six standard sections is missing' },
  { id: 'structure.headings', category: 'structure', severity: 'info', zh: '章节标题或编号与格式不一致', en: 'Section headings or numbering differ from the template' },
  { id: 'structure.table2.missing', category: 'structure', severity: 'error', zh: '缺少表二（主动公开政府信息情况）', en: 'Table 2 (proactive disclosure) is missing' },
  { id: 'structure.table2.nonstandard', category: 'structure', severity: 'warning', zh: '表二未按标准表格列示（仅有文字或图示）', en: 'Table 2 is not in the standard layout (figures given only as prose/infographic)' },
  { id: 'structure.table3.missing', category: 'structure', severity: 'error', zh: '缺少表三（收到和处理政府信息公开申请情况）', en: 'Table 3 (applications received and handled) is missing' },
  { id: 'structure.table4.missing', category: 'structure', severity: 'error', zh: '缺少表四（行政复议、行政诉讼情况）', en: 'Table 4 (administrative review and litigation) is missing' },
  { id: 'structure.table2.rows', category: 'structure', severity: 'warning', zh: '表二缺少标准行', en: 'Table 2 lacks standard rows' },
  { id: 'structure.table3.rows', category: 'structure', severity: 'warning', zh: '表三缺少标准行或有多余行', en: 'Table 3 lacks standard rows or has extra rows' },
  { id: 'structure.totals-blank', category: 'structure', severity: 'warning', zh: '表三或表四有总计单元格未填写而其各部分填有数字（按未填处理，不视为0）', en: 'Table 3 or 4 leaves totals blank while their parts state numbers (treated as not stated, not as 0)' },
  { id: 'structure.unreadable-cells', category: 'structure', severity: 'warning', zh: '有单元格无法可靠读取或定位', en: 'Some cells could not be read or placed reliably' },
  { id: 'structure.year', category: 'structure', severity: 'warning', zh: '标题年度与统计期限不一致', en: 'Title year and statistical period disagree' },
  { id: 'structure.fee-statement', category: 'structure', severity: 'warning', zh: '第六部分未说明信息处理费收取情况（2021年版格式要求）', en: 'Section 六 does not state information-processing fees (required by the 2021 template)' },
  { id: 'structure.improvement-statement', category: 'structure', severity: 'info', zh: '第五部分未说明上年问题的改进情况（2021年版格式要求）', en: "Section 五 does not say how last year's problems were addressed (2021 template)" },
  { id: 'template.mismatch', category: 'template', severity: 'error', zh: '表格格式与报告年度应使用的格式不符', en: "Tables use a different template than the report year requires" },
  { id: 'table3.identity', category: 'arithmetic', severity: 'error', zh: '表三勾稽关系不成立：一+二 ≠ （七）总计+四', en: 'Table 3 identity fails: 一+二 ≠ （七）total + 四' },
  { id: 'table3.outcome-sum', category: 'arithmetic', severity: 'error', zh: '表三（七）总计不等于各办理结果之和', en: 'Table 3 （七）total is not the sum of the outcome rows' },
  { id: 'table3.row-sum', category: 'arithmetic', severity: 'error', zh: '表三总计列不等于各申请人列之和', en: 'Table 3 total column is not the sum of the applicant columns' },
  { id: 'table4.sum', category: 'arithmetic', severity: 'error', zh: '表四总计不等于维持、纠正、其他、尚未审结之和', en: 'Table 4 total is not the sum of upheld, corrected, other and pending' },
  { id: 'values.invalid', category: 'arithmetic', severity: 'error', zh: '数量为负数、小数或无法识别', en: 'A count is negative, fractional or unreadable' },
  { id: 'table2.fee-unit', category: 'arithmetic', severity: 'warning', zh: '收费金额单位或数量级可疑（应为万元）', en: 'Fee amount has a suspicious unit or magnitude (template unit is 万元)' },
  { id: 'table2.stock', category: 'arithmetic', severity: 'warning', zh: '本年制发件数大于现行有效件数与本年废止件数之和', en: 'Issued this year exceeds currently valid plus repealed' },
  { id: 'prose.received', category: 'prose', severity: 'warning', zh: '正文所述收到申请数与表三不符', en: 'Applications received in the text differ from table 3' },
  { id: 'prose.carried-over', category: 'prose', severity: 'warning', zh: '正文所述上年结转数与表三不符', en: 'Carried-over applications in the text differ from table 3' },
  { id: 'prose.carried-forward', category: 'prose', severity: 'warning', zh: '正文所述结转下年度数与表三不符', en: 'Applications carried forward in the text differ from table 3' },
  { id: 'prose.outcomes', category: 'prose', severity: 'warning', zh: '正文所述办理结果数与表三不符', en: 'Outcome counts in the text differ from table 3' },
  { id: 'prose.table4', category: 'prose', severity: 'warning', zh: '正文所述行政复议、诉讼数与表四不符', en: 'Review/litigation counts in the text differ from table 4' },
  { id: 'prose.table2', category: 'prose', severity: 'warning', zh: '正文所述主动公开数字与表二不符', en: 'Proactive-disclosure figures in the text differ from table 2' },
  { id: 'timeliness.deadline', category: 'timeliness', severity: 'warning', zh: '发布日期晚于条例第四十九条规定的期限', en: 'Published after the Article 49 deadline' },
  { id: 'crawl.report-missing', category: 'timeliness', severity: 'warning', scope: 'crawl', zh: '年报栏目中缺少已过第四十九条期限的年度报告（爬虫检查）', en: 'A report whose Article 49 deadline has passed is not in the annual-report column (crawler check)' },
  { id: 'history.carry-over', category: 'history', severity: 'error', zh: '本年“上年结转”不等于上年“结转下年度继续办理”', en: "This year's carried-over differs from last year's carried-forward" },
  { id: 'history.table2-stock', category: 'history', severity: 'warning', zh: '表二存量数与上年报告衔接不上', en: "Table 2 stock figures do not follow from last year's report" },
  { id: 'history.copy-paste', category: 'history', severity: 'warning', zh: '第五、六部分与上年报告高度雷同', en: "Sections 五/六 are nearly identical to last year's" },
  { id: 'history.missing-year', category: 'history', severity: 'info', zh: '该机关某年度报告缺失', en: 'A year is missing from this agency’s reports' },
];

/** The catalogue entry of `id`; throws for an id the catalogue does not have. */
export function checkInfo(id: string): CheckInfo {
  const c = CHECKS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown check id ${id}`);
  return c;
}
