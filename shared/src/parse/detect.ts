/**
 * A cheap test the extension runs on every page before doing anything: does this look like an
 * annual report? Reads the title and a bounded slice of text only.
 */
const TITLE = /(政府信息公开|政务公开|信息公开).{0,12}(年度报告|年报)|年度.{0,6}政府信息公开.{0,6}报告/;
const LABELS = ['本年新收政府信息公开申请数量', '收到和处理政府信息公开申请情况', '主动公开政府信息情况', '行政复议、行政诉讼情况', '第二十条第（一）项'];

export function isLikelyReportPage(title: string, textSample: string): boolean {
  const t = title.replace(/\s+/g, '');
  const s = textSample.slice(0, 200_000).replace(/\s+/g, '');
  const labels = LABELS.filter((l) => s.includes(l)).length;
  return (TITLE.test(t) && labels >= 1) || labels >= 2 || (TITLE.test(s.slice(0, 400)) && labels >= 1);
}
