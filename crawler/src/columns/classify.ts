/**
 * Column categories for the national check-list (国办秘函〔2019〕19号): dynamic/news columns must be
 * updated within 2 weeks, notice/policy columns within 6 months; static columns (指南, 制度, 机构职能 …)
 * need no regular update; the annual-report column is updated once a year.
 */
export type ColumnCategory = 'reports' | 'static' | 'dynamic' | 'notice-policy' | 'other';

export function classifyColumn(name: string, url = ''): ColumnCategory {
  if (/年报|年度报告/.test(name) || /zfxxgknb/i.test(url)) return 'reports';
  if (/指南|制度|机构|职能|领导|概况|目录|法定主动公开内容/.test(name)) return 'static';
  if (/动态|要闻|新闻|工作信息|政务信息|图片/.test(name)) return 'dynamic';
  if (/通知|公告|公示|政策|文件|规范性|解读/.test(name)) return 'notice-policy';
  return 'other';
}
