/// <reference types="chrome" />
/**
 * Interface strings in Chinese (default) and English, and the wording of results for a citizen:
 * cross-year outcomes as statements ("上年结转衔接：不一致"). Findings are shown in the checks' own
 * words (Chinese messages are Chinese at the source, doubt reasons included); ids go to a details toggle.
 */
import type { CheckOutcome, Finding } from '@gongkai/shared/browser';

export type Lang = 'zh' | 'en';

const STRINGS = {
  title: { zh: '公开镜', en: 'Gongkai Lens' },
  errors: { zh: '错误', en: 'Errors' },
  warnings: { zh: '警告', en: 'Warnings' },
  infos: { zh: '提示', en: 'Notes' },
  score: { zh: '评分', en: 'Score' },
  template: { zh: '模板', en: 'Template' },
  agency: { zh: '机关', en: 'Agency' },
  year: { zh: '年度', en: 'Year' },
  published: { zh: '发布', en: 'Published' },
  findings: { zh: '发现的问题', en: 'Findings' },
  noFindings: { zh: '未发现问题', en: 'No problems found' },
  notReport: { zh: '无法解析为年度报告', en: 'Not readable as an annual report' },
  imageReport: { zh: '本页报告正文似以图片发布：扩展不做文字识别，以上结果只反映页面文字；可用命令行（OCR）检查。', en: 'The report seems to be published as images: the extension does no OCR, so the result above reflects the page text only; the CLI (OCR) can check it.' },
  history: { zh: '历年报告', en: 'Earlier years' },
  noHistory: { zh: '尚无该机关往年记录', en: 'No earlier years of this agency yet' },
  fetchEarlier: { zh: '获取往年报告', en: 'Fetch earlier years' },
  otherSites: { zh: '其他网站上或导入文件中有同名机关的报告。它们默认不用于本网站的跨年度比对；确认来源可信后可以加入（只用于本网站）：', en: 'Other sites or imported files have reports under this agency name. They are not used in this site\'s cross-year checks unless you confirm the source (for this site only):' },
  importedCopy: { zh: '导入的报告（文件中写明来自 {site}）', en: 'imported reports (the file says they are from {site})' },
  source: { zh: '来源', en: 'Source' },
  originPage: { zh: '页面读取', en: 'read on the page' },
  originFetched: { zh: '同站获取', en: 'fetched from the site' },
  originImport: { zh: '导入', en: 'imported' },
  borrowedCopy: { zh: '{year}年采用 {site} 上的报告（您已确认）', en: '{year}: the report on {site} is used (you confirmed it)' },
  borrowedImport: { zh: '{year}年采用导入的报告（文件写明来自 {site}，您已确认）', en: '{year}: the imported report is used (the file says it is from {site}; you confirmed it)' },
  trustSite: { zh: '用于比对', en: 'Use in checks' },
  untrustSite: { zh: '不再用于比对', en: 'Stop using' },
  authoritative: { zh: '以此处结论为准：网页无法改动本窗口，页面上的面板可能被网页遮挡或仿冒。', en: 'This window is authoritative: the page cannot change it, but it can hide or imitate the panel on the page.' },
  unusedYears: { zh: '另有 {n} 份同年度的已存报告未用于比对（每年只用一份：本网站页面读取的优先，其次您确认的其他网站，再次导入的；同类中取最近检查的）', en: '{n} other stored copies of these years were not used (one per year: read on this site first, then a site you linked, then an import; the latest checked of those)' },
  fetching: { zh: '正在获取…', en: 'Fetching…' },
  fetched: { zh: '已获取', en: 'Fetched' },
  crossYear: { zh: '跨年度核对', en: 'Cross-year checks' },
  received: { zh: '新收申请', en: 'Applications received' },
  granted: { zh: '予以公开', en: 'Granted' },
  carriedOver: { zh: '上年结转', en: 'Carried over' },
  grantRate: { zh: '公开率', en: 'Grant rate' },
  reviews: { zh: '行政复议', en: 'Reviews' },
  litigation: { zh: '行政诉讼', en: 'Litigation' },
  close: { zh: '收起', en: 'Collapse' },
  open: { zh: '展开', en: 'Expand' },
  language: { zh: 'English', en: '中文' },
  column: { zh: '栏目检查', en: 'Column check' },
  reportsListed: { zh: '栏目中的年度报告', en: 'Annual reports in this column' },
  missingYears: { zh: '缺少年度', en: 'Missing years' },
  items: { zh: '本页条目', en: 'Items on this page' },
  pagesOf: { zh: '共 {n} 页', en: '{n} pages' },
  newest: { zh: '最新条目', en: 'Newest item' },
  fresh: { zh: '更新及时', en: 'Up to date' },
  stale: { zh: '未按时更新', en: 'Not updated in time' },
  empty: { zh: '空白栏目', en: 'Empty column' },
  'no-threshold': { zh: '无国家更新时限', en: 'No national update limit' },
  unknown: { zh: '无法判断（无带日期的条目）', en: 'Cannot tell (no dated items)' },
  daysAgo: { zh: '天前', en: 'days ago' },
  limit: { zh: '时限', en: 'Limit' },
  days: { zh: '天', en: 'days' },
  attachment: { zh: '附件', en: 'Attachment' },
  notChecked: { zh: '未检查', en: 'not checked' },
  checking: { zh: '检查中…', en: 'checking…' },
  siteOn: { zh: '在此网站启用', en: 'On for this site' },
  siteOff: { zh: '已在此网站关闭', en: 'Off for this site' },
  grant: { zh: '允许检查此网站', en: 'Allow on this site' },
  allowedSites: { zh: '已允许的网站', en: 'Sites the extension may read' },
  offSites: { zh: '已关闭的网站', en: 'Sites switched off' },
  revoke: { zh: '撤销', en: 'Revoke' },
  checkNow: { zh: '检查此页', en: 'Check this page' },
  noVerdict: { zh: '此页不是年度报告', en: 'No report on this page' },
  stateNoPage: { zh: '此页无需检查', en: 'Nothing to check here' },
  stateOff: { zh: '未启用此网站', en: 'Not enabled on this site' },
  stateChecking: { zh: '正在检查', en: 'Checking' },
  stateNotChecked: { zh: '尚未检查此页', en: 'This page has not been checked' },
  stateNotReport: { zh: '不是年报', en: 'Not an annual report' },
  stateVerdict: { zh: '检查结果', en: 'Result' },
  offNoPermission: { zh: '尚未允许本扩展读取此网站，所以此页没有检查。点“允许检查此网站”一次即可；“检查此页”只查这一页。', en: 'The extension may not read this site yet, so this page was not checked. Click "Allow on this site" once, or "Check this page" for this page only.' },
  offSwitched: { zh: '你已在此网站关闭本扩展，网站的任何页面都不会检查。打开下方开关即可恢复。', en: 'You switched the extension off for this site: no page of it is checked. Switch it on below to resume.' },
  checkingDetail: { zh: '页面加载完成、正文出现后即检查，结果会显示在这里。', en: 'The check runs once the page and its text have loaded; the result will show here.' },
  notCheckedDetail: { zh: '此页在允许之前已经打开：点“检查此页”或刷新页面。', en: 'This page was open before the site was allowed: click "Check this page" or reload it.' },
  switchNeedsPermission: { zh: '需先允许检查此网站', en: 'Allow the site first' },
  importH: { zh: '导入爬虫导出文件 (JSON)', en: 'Import a crawler export (JSON)' },
  exportH: { zh: '导出我的历史记录', en: 'Export my history' },
  clear: { zh: '清除全部历史', en: 'Delete all history' },
  clearConfirm: { zh: '删除本扩展保存的全部报告记录？', en: 'Delete every report this extension has stored?' },
  imported: { zh: '已导入', en: 'Imported' },
  rejected: { zh: '已拒绝', en: 'Rejected' },
  options: { zh: '设置与历史', en: 'Options and history' },
  evidence: { zh: '证据', en: 'Evidence' },
  delta: { zh: '同比', en: 'YoY' },
  pass: { zh: '通过', en: 'pass' },
  fail: { zh: '不符', en: 'fail' },
  'cannot-run': { zh: '无法核对', en: 'cannot run' },
  'not-applicable': { zh: '不适用', en: 'n/a' },
  details: { zh: '详情', en: 'Details' },
  checkId: { zh: '检查项', en: 'Check' },
  notPlaced: { zh: '未能在页面上定位', en: 'Not found on the page' },
  notPlacedNote: { zh: '以下问题的单元格或句子在页面上找不到（可能被隐藏或页面已改动），请对照报告原文：', en: 'The cells or sentences of these findings could not be found on the page (hidden, or the page changed); compare with the report itself:' },
  tooBig: { zh: '页面过大，未检查', en: 'Page too large, not checked' },
  tooBigNote: { zh: '此页的表格过大，为免页面卡顿已停止检查；可用命令行检查。', en: 'The tables on this page are too large; the check stopped so the page stays responsive. The CLI can check it.' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

export const LANG_KEY = 'lang';

export async function loadLang(): Promise<Lang> {
  const got = await chrome.storage.local.get(LANG_KEY);
  return got[LANG_KEY] === 'en' ? 'en' : 'zh';
}

export async function saveLang(lang: Lang): Promise<void> {
  await chrome.storage.local.set({ [LANG_KEY]: lang });
}

/** A cross-year check as a statement: what was compared (label) and how it came out (value), with a detail. */
export interface Statement { label: string; value: string; detail: string | null }

const STATEMENT_LABEL: Record<string, { zh: string; en: string }> = {
  'history.carry-over': { zh: '上年结转衔接', en: 'Carry-over from last year' },
  'history.table2-stock': { zh: '表二存量衔接', en: 'Table 2 stock from last year' },
  'history.copy-paste': { zh: '与上年报告的文字', en: 'Text against last year' },
  'history.missing-year': { zh: '往年报告', en: 'Earlier reports' },
};

const PASS_VALUE: Record<string, { zh: string; en: string }> = {
  'history.carry-over': { zh: '一致', en: 'consistent' },
  'history.table2-stock': { zh: '一致', en: 'consistent' },
  'history.copy-paste': { zh: '未见雷同', en: 'not copied' },
  'history.missing-year': { zh: '齐全', en: 'complete' },
};

const yearsIn = (s: string) => [...new Set(s.match(/(?:19|20)\d\d/g) ?? [])];

/** The value of a failed cross-year check, from its findings' own evidence. */
function failValue(id: string, fs: readonly Finding[], lang: Lang): { value: string; detail: string | null } {
  const zh = lang === 'zh';
  if (id === 'history.missing-year') {
    const ys = fs[0] ? yearsIn(fs[0].message.en) : [];
    return { value: ys.length ? (zh ? `缺 ${ys.map((y) => `${y}年`).join('、')}` : `missing ${ys.join(', ')}`) : (zh ? '有缺失' : 'incomplete'), detail: null };
  }
  if (id === 'history.copy-paste') {
    const sim = fs[0]?.evidence.left;
    const pct = typeof sim === 'number' ? Math.round(sim * 100) : null;
    const year = fs[0]?.evidence.otherYear;
    return { value: zh ? '雷同' : 'copied', detail: pct !== null && year ? (zh ? `与${year}年报告相似度 ${pct}%` : `${pct}% similar to ${year}`) : null };
  }
  // Carry-over and table 2 stock: this year's figure against the one last year's report implies
  // (the 总计 column's when it is among them).
  const f = fs.find((x) => x.evidence.cells[0]?.col === 6) ?? fs[0];
  const unit = id === 'history.carry-over' ? (zh ? '列' : 'columns') : (zh ? '项' : 'rows');
  const where = fs.length > 1 ? (zh ? `，共 ${fs.length} ${unit}不一致` : `; ${fs.length} ${unit} differ`) : '';
  const l = f?.evidence.left; const r = f?.evidence.right; const y = f?.evidence.otherYear;
  const detail = typeof l === 'number' && typeof r === 'number' && y
    ? (id === 'history.carry-over'
      ? (zh ? `本年上年结转 ${l}，${y}年结转下年度 ${r}${where}` : `carried over ${l}, ${y} carried forward ${r}${where}`)
      : (zh ? `本年 ${l}，按${y}年报告应为 ${r}${where}` : `${l} reported, ${r} expected from ${y}${where}`))
    : null;
  return { value: zh ? '不一致' : 'inconsistent', detail };
}

/**
 * A cross-year outcome as a citizen reads it: "上年结转衔接：不一致（本年上年结转 0，2019年结转下年度 2）",
 * "往年报告：缺 2022年"; a check that could not run says why ("无法核对：没有2019年度报告").
 */
export function crossYearStatement(o: CheckOutcome, findings: readonly Finding[], lang: Lang): Statement {
  const label = (STATEMENT_LABEL[o.id] ?? { zh: '跨年度核对', en: 'Cross-year check' })[lang];
  if (o.status === 'pass') return { label, value: (PASS_VALUE[o.id] ?? { zh: '一致', en: 'consistent' })[lang], detail: null };
  if (o.status === 'fail') return { label, ...failValue(o.id, findings.filter((f) => f.id === o.id), lang) };
  return { label, value: t(lang, o.status), detail: o.reason?.[lang] ?? null };
}
