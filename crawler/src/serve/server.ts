/**
 * `gongkai serve`: the dashboard over a store, on node:http. Bound to 127.0.0.1 unless told otherwise;
 * with a token every request must carry it (`Authorization: Bearer …`, or `?token=` once, which sets
 * an HttpOnly cookie). Pages (pages.ts), the JSON API and CSV (api.ts), the client script and ECharts
 * from node_modules (no CDN).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Store } from '../store/types.js';
import { api } from './api.js';
import { CLIENT_JS } from './client.js';
import { page, type PageName } from './pages.js';
import { Queries, type QueryOptions } from './queries.js';

export interface ServeOptions extends QueryOptions { store: Store; host?: string; port?: number; token?: string | null }
export interface Dashboard { url: string; port: number; server: Server; close(): Promise<void> }

const PAGES: Record<string, PageName> = { '/': 'portals', '/portal': 'portal', '/reports': 'reports', '/report': 'report' };

let echartsJs: Buffer | null = null;
/** ECharts' browser build, from the installed package. */
function echarts(): Buffer {
  return (echartsJs ??= readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js')));
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function authorised(req: IncomingMessage, url: URL, token: string): { ok: boolean; setCookie: boolean } {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const cookie = /(?:^|;\s*)gongkai_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const query = url.searchParams.get('token');
  if (bearer && same(bearer, token)) return { ok: true, setCookie: false };
  if (cookie && same(decodeURIComponent(cookie), token)) return { ok: true, setCookie: false };
  if (query && same(query, token)) return { ok: true, setCookie: true };
  return { ok: false, setCookie: false };
}

export async function startDashboard(o: ServeOptions): Promise<Dashboard> {
  const q = new Queries(o.store, { regionOf: o.regionOf, limits: o.limits });
  const token = o.token ?? null;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://dashboard');
    const headers: Record<string, string> = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (token) {
      const a = authorised(req, url, token);
      if (!a.ok) {
        res.writeHead(401, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('需要令牌 token required: open the dashboard with ?token=… or send Authorization: Bearer …\n');
      }
      if (a.setCookie) headers['set-cookie'] = `gongkai_token=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' });
      return void res.end();
    }
    const send = (status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...headers, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (url.pathname === '/assets/echarts.min.js') return send(200, 'text/javascript; charset=utf-8', echarts(), { 'cache-control': 'max-age=86400' });
    if (url.pathname === '/assets/app.js') return send(200, 'text/javascript; charset=utf-8', CLIENT_JS);
    const name = PAGES[url.pathname];
    if (name) return send(200, 'text/html; charset=utf-8', page(name));
    const a = await api(q, url.pathname, url.searchParams);
    if (a) return send(a.status, a.type, a.body, a.filename ? { 'content-disposition': `attachment; filename="${a.filename.replace(/[^\w.-]/g, '_')}"` } : {});
    send(404, 'text/plain; charset=utf-8', 'not found\n');
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: err.message }));
    });
  });
  await new Promise<void>((ok, fail) => { server.once('error', fail); server.listen(o.port ?? 8080, o.host ?? '127.0.0.1', () => { server.off('error', fail); ok(); }); });
  const port = (server.address() as { port: number }).port;
  const shown = (o.host ?? '127.0.0.1').includes(':') ? `[${o.host}]` : o.host ?? '127.0.0.1';
  return {
    url: `http://${shown}:${port}/`, port, server,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
