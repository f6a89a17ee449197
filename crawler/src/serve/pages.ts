/**
 * The dashboard's pages: small HTML shells in Chinese with English; the client script (client.ts)
 * fills them from the JSON API and draws the charts with ECharts (served from node_modules, no CDN).
 */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type PageName = 'portals' | 'portal' | 'reports' | 'report';

const TITLES: Record<PageName, string> = {
  portals: '网站 Portals', portal: '网站详情 Portal', reports: '年度报告 Annual reports', report: '报告详情 Report',
};

const CSS = `body{font-family:"Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#8c1c13;color:#fff;padding:10px 20px;display:flex;gap:24px;align-items:center}header a{color:#fff;text-decoration:none}
header b{font-size:18px}main{padding:16px 20px}table{border-collapse:collapse;background:#fff;width:100%;font-size:14px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eee}
.PASS{color:#1b7f3b;font-weight:bold}.FAIL{color:#b3261e;font-weight:bold}.FAULT{color:#8a6d00;font-weight:bold}
.filters{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0}.filters input,.filters select{padding:4px}
.chart{height:220px;background:#fff;margin:6px 0 16px}.trend span{display:inline-block;width:10px;height:14px;margin-right:1px}
.trend .PASS{background:#1b7f3b}.trend .FAIL{background:#b3261e}.trend .FAULT{background:#d9b200}small{color:#666}
pre{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:6px;margin:0;font-size:12px}.pager{margin:8px 0}`;

export function page(name: PageName): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(TITLES[name])} · 公开镜 Gongkai Lens</title><style>${CSS}</style></head>
<body data-page="${name}">
<header><b>公开镜 Gongkai Lens</b><a href="/">网站 Portals</a><a href="/reports">年度报告 Reports</a></header>
<main id="app"><p>加载中… Loading…</p></main>
<script src="/assets/echarts.min.js"></script><script src="/assets/app.js"></script></body></html>`;
}
