/** The dashboard's tables as export tables (crawler/src/export/sheet.ts), so every one downloads as CSV by the export's own rules. */
import { tableOf, type Table } from '../export/sheet.js';
import type { PortalListRow, Queries } from './queries.js';

type PortalPage = NonNullable<Awaited<ReturnType<Queries['portal']>>>;
type ReportRows = Awaited<ReturnType<Queries['reports']>>['rows'];
type ReportDetail = NonNullable<Awaited<ReturnType<Queries['report']>>>;

export const portalsTable = (rows: PortalListRow[]): Table => tableOf<PortalListRow>('portals', [
  { key: 'portal', zh: '网站', type: 'text', get: (r) => r.host },
  { key: 'name', zh: '名称', type: 'text', get: (r) => r.name },
  { key: 'verdict', zh: '结论', type: 'text', get: (r) => r.verdict },
  { key: 'failed_rules', zh: '未通过规则', type: 'text', get: (r) => r.failedRules.join(' ') },
  { key: 'judged_on', zh: '检查日期', type: 'date', get: (r) => r.judgedOn },
  { key: 'run', zh: '批次', type: 'int', get: (r) => r.run },
  { key: 'region', zh: '行政区划代码', type: 'text', get: (r) => r.region },
  { key: 'region_name', zh: '行政区划', type: 'text', get: (r) => r.regionName },
  { key: 'level', zh: '层级', type: 'text', get: (r) => r.level },
  { key: 'alerts', zh: '当前告警', type: 'int', get: (r) => r.alerts },
  { key: 'trend', zh: '历次结论', type: 'text', get: (r) => r.trend.map((t) => t.verdict).join(' ') },
  { key: 'url', zh: '网址', type: 'url', get: (r) => r.homeUrl },
], rows);

export function columnsTable(p: PortalPage): Table {
  const rows = p.columns.flatMap((c) => c.runs.map((r) => ({ c, r })));
  return tableOf<(typeof rows)[number]>('columns', [
    { key: 'run', zh: '批次', type: 'int', get: (x) => x.r.run },
    { key: 'judged_on', zh: '检查日期', type: 'date', get: (x) => x.r.judgedOn },
    { key: 'column', zh: '栏目', type: 'text', get: (x) => x.c.name },
    { key: 'category', zh: '类别', type: 'text', get: (x) => x.c.category },
    { key: 'status', zh: '状态', type: 'text', get: (x) => x.r.status },
    { key: 'items', zh: '条目数', type: 'int', get: (x) => x.r.items },
    { key: 'newest', zh: '最新日期', type: 'date', get: (x) => x.r.newest },
    { key: 'age_days', zh: '距检查日天数', type: 'int', get: (x) => x.r.ageDays },
    { key: 'limit_days', zh: '更新期限（天）', type: 'int', get: (x) => x.c.limitDays },
    { key: 'url', zh: '网址', type: 'url', get: (x) => x.c.url },
  ], rows);
}

export const reportsTable = (rows: ReportRows): Table => tableOf<ReportRows[number]>('reports', [
  { key: 'agency', zh: '机关', type: 'text', get: (r) => r.agency },
  { key: 'year', zh: '年度', type: 'int', get: (r) => r.year },
  { key: 'published_at', zh: '发布日期', type: 'date', get: (r) => r.publishedAt },
  { key: 'score', zh: '得分', type: 'num', get: (r) => r.score },
  { key: 'errors', zh: '错误', type: 'int', get: (r) => r.errors },
  { key: 'warnings', zh: '警告', type: 'int', get: (r) => r.warnings },
  { key: 'infos', zh: '提示', type: 'int', get: (r) => r.infos },
  { key: 'kind', zh: '格式', type: 'text', get: (r) => r.kind },
  { key: 'portal', zh: '网站', type: 'text', get: (r) => r.host },
  { key: 'run', zh: '批次', type: 'int', get: (r) => r.run },
  { key: 'url', zh: '网址', type: 'url', get: (r) => r.url },
], rows);

export const findingsTable = (d: ReportDetail): Table => tableOf<ReportDetail['findings'][number]>('findings', [
  { key: 'n', zh: '序号', type: 'int', get: (f) => f.n },
  { key: 'check', zh: '检查项', type: 'text', get: (f) => f.checkId },
  { key: 'severity', zh: '级别', type: 'text', get: (f) => f.severity },
  { key: 'message_zh', zh: '说明', type: 'text', get: (f) => f.zh },
  { key: 'message_en', zh: '说明（英文）', type: 'text', get: (f) => f.en },
  { key: 'evidence', zh: '证据', type: 'text', get: (f) => (f.evidence === null ? null : JSON.stringify(f.evidence)) },
], d.findings);
