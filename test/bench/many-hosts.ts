/**
 * Many small agency portals on one node:http server on 127.0.0.1, routed by Host header, for the
 * multi-worker bench: each host has a home page, the 政府信息公开 section, a few dated columns of a few
 * list pages (`?page=N`) and a 年报 column with generated reports — the demo portal's templates
 * (fixtures/portal/pages.ts) at a larger number of hosts. Every answer is held `delayMs` (a slow
 * government server), so a polite crawl is bound by the per-host limit, not by CPU. The server counts
 * requests in flight per host (the most at once is `peakPerHost`) and requests served.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { articleMain, homeMain, layout, listMain, sectionMain, type ListItem } from '../fixtures/portal/pages.js';
import { reportBody, reportTitle, ZERO7 } from '../fixtures/portal/report-html.js';
import { send, type Res } from '../fixtures/portal/send.js';
import type { SiteDef } from '../fixtures/portal/sites.js';

export interface ManyHostsOptions {
  hosts: number;
  /** Every answer waits this long, ms. */
  delayMs: number;
  /** Dated columns per host, list pages per column, reports per host. */
  columns?: number;
  pagesPerColumn?: number;
  reports?: number;
}

export interface ManyHosts {
  homes: string[];
  /** `host=127.0.0.1:port` for the crawler's --resolve. */
  resolve: string[];
  /** Pages each crawl should fetch: every route plus robots.txt, per host. */
  pages: number;
  /** Requests served, and the most in flight at once by host. */
  served(): number;
  /** robots.txt requests served. */
  robots(): number;
  /** Summed time requests were open, ms: over a crawl's wall time, the mean number in flight. */
  openMs(): number;
  /** performance.now() of the first request and of the last answer since reset(). */
  span(): { first: number; last: number };
  peakPerHost: Map<string, number>;
  /** Forgets the counts (between crawls). */
  reset(): void;
  close(): Promise<void>;
}

const PAGE_SIZE = 10;
const COLUMN_NAMES = ['通知公告', '政策文件', '工作动态', '人事信息', '财政信息', '规划信息'];
const html = (body: string): Res => ({ status: 200, type: 'text/html; charset=utf-8', body });

function siteRoutes(i: number, o: Required<ManyHostsOptions>): { host: string; routes: Map<string, () => Res> } {
  const host = `www.county${String(i).padStart(3, '0')}.example.gov.cn`;
  const name = `示例县${i}人民政府`;
  const site: SiteDef = { key: `c${i}`, host, name, cms: 'query', encoding: 'utf-8', pageSize: PAGE_SIZE, homeNewestDaysAgo: 1, links: [], robots: '', columns: [], reports: [] };
  const r = new Map<string, () => Res>();
  const page = (title: string, main: string, column?: string) => () => html(layout(site, `${title} - ${name}`, main, { column }));
  r.set('/robots.txt', () => ({ status: 200, type: 'text/plain', body: 'User-agent: *\nAllow: /\n' }));
  const date = (k: number) => new Date(Date.UTC(2025, 5, 28) - k * 3 * 86_400_000).toISOString().slice(0, 10);
  const news: ListItem[] = [0, 1, 2].map((k) => ({ title: `${name}召开工作会议（${k + 1}）`, date: date(k), href: `/art/2025/6/${20 + k}/art_${k}.html` }));
  r.set('/', page(name, homeMain(site, news)));
  r.set('/zwgk/', page('政务公开', sectionMain('政务公开', [{ name: '政府信息公开', href: '/zwgk/zfxxgk/' }])));
  const list = (slug: string, column: string, items: ListItem[]) => {
    const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
    for (let k = 0; k < pages; k++) {
      const main = listMain(site, column, items.slice(k * PAGE_SIZE, (k + 1) * PAGE_SIZE), k, pages);
      r.set(k === 0 ? `/zwgk/zfxxgk/${slug}/` : `/zwgk/zfxxgk/${slug}/?page=${k + 1}`, page(column, main, column));
    }
    return { name: column, href: `/zwgk/zfxxgk/${slug}/` };
  };
  const columns = COLUMN_NAMES.slice(0, o.columns).map((column, c) => list(`col${c}`, column,
    Array.from({ length: o.pagesPerColumn * PAGE_SIZE }, (_, k) => ({ title: `关于${column}的信息（第${k + 1}号）`, date: date(k + c), href: `/art/${c}/${k}.html` }))));
  const reports = Array.from({ length: o.reports }, (_, k) => {
    const spec = { agency: name, year: 2024 - k, kind: 'government' as const, carriedOver: ZERO7, normsInForce: 10, publishedAt: `${2025 - k}-03-20` };
    const href = `/zwgk/zfxxgk/nb/${7000 + k}.html`;
    const title = reportTitle(spec);
    r.set(href, page(title, articleMain(site, { title, date: spec.publishedAt, id: 7000 + k, column: '政府信息公开年报', body: reportBody(spec).html }), '政府信息公开年报'));
    return { title, date: spec.publishedAt, href };
  });
  const guide = list('zn', '政府信息公开指南', [{ title: `${name}政府信息公开指南`, date: '2024-01-05', href: '/zwgk/zfxxgk/zn/1.html' }]);
  r.set('/zwgk/zfxxgk/', page('政府信息公开', sectionMain('政府信息公开', [guide, ...columns, list('nb', '政府信息公开年报', reports)])));
  return { host, routes: r };
}

export async function startManyHosts(options: ManyHostsOptions): Promise<ManyHosts> {
  const o: Required<ManyHostsOptions> = { columns: 3, pagesPerColumn: 2, reports: 2, ...options };
  const sites = new Map(Array.from({ length: o.hosts }, (_, i) => siteRoutes(i + 1, o)).map((s) => [s.host, s.routes]));
  const active = new Map<string, number>();
  const peakPerHost = new Map<string, number>();
  let served = 0, robots = 0, openMs = 0, first = Infinity, last = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const n = (active.get(host) ?? 0) + 1;
    active.set(host, n);
    peakPerHost.set(host, Math.max(n, peakPerHost.get(host) ?? 0));
    const t0 = performance.now();
    first = Math.min(first, t0);
    res.on('close', () => { active.set(host, (active.get(host) ?? 1) - 1); last = performance.now(); openMs += last - t0; });
    served++;
    if (req.url === '/robots.txt') robots++;
    const route = sites.get(host)?.get(req.url ?? '/');
    send(res, req, { ...(route ? route() : { status: 404, type: 'text/html; charset=utf-8', body: '<h1>404</h1>' }), delayMs: o.delayMs });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const hosts = [...sites.keys()];
  return {
    homes: hosts.map((h) => `http://${h}/`),
    resolve: hosts.map((h) => `${h}=127.0.0.1:${port}`),
    pages: [...sites.values()].reduce((a, r) => a + r.size, 0),
    served: () => served,
    robots: () => robots,
    openMs: () => openMs,
    span: () => ({ first, last }),
    peakPerHost,
    reset() { served = 0; robots = 0; openMs = 0; first = Infinity; last = 0; peakPerHost.clear(); },
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
