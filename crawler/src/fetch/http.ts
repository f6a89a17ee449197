/**
 * The HTTP client: node:http(s) with an honest User-Agent, a total time limit, a size limit (declared
 * and streamed), manual redirects with loop detection, gzip/deflate/br, conditional requests
 * (If-None-Match / If-Modified-Since) and a host map (`--resolve host=127.0.0.1:port`) so that a
 * portal's real host names can be served by a local mirror.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { FetchError, checkUrl } from './errors.js';

export const USER_AGENT = 'GongkaiLens/0.1 (+https://github.com/gongkai-lens/gongkai-lens; research crawler for government information disclosure annual reports)';

export interface HttpOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent?: string;
  /** host → "address:port" overrides (like curl --resolve). */
  resolve?: Map<string, string>;
  maxRedirects?: number;
  /** Accept self-signed or otherwise unverifiable TLS certificates (mirrors). */
  insecure?: boolean;
}

export interface Conditional { etag?: string | null; lastModified?: string | null }

export interface HttpResult {
  url: string;
  status: number;
  notModified: boolean;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Buffer;
  redirects: string[];
  elapsedMs: number;
}

export async function httpGet(rawUrl: string, opts: HttpOptions, cond: Conditional = {}): Promise<HttpResult> {
  const started = Date.now();
  const deadline = started + opts.timeoutMs;
  const seen = new Set<string>();
  const redirects: string[] = [];
  let url = checkUrl(rawUrl).href;
  for (let hop = 0; ; hop++) {
    seen.add(url);
    const res = await once(url, opts, deadline, hop === 0 ? cond : {});
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const loc = res.location;
      if (!loc) throw new FetchError('http-status', url, `HTTP ${res.status} without a Location header`, { status: res.status, retryable: false });
      const next = new URL(loc, url).href;
      redirects.push(next);
      if (seen.has(next)) throw new FetchError('redirect-loop', rawUrl, `Redirect loop: ${[rawUrl, ...redirects].join(' → ')}`);
      if (hop >= (opts.maxRedirects ?? 5)) throw new FetchError('redirect-loop', rawUrl, `More than ${opts.maxRedirects ?? 5} redirects from ${rawUrl}`);
      url = checkUrl(next).href;
      continue;
    }
    if (res.status >= 400) {
      throw new FetchError('http-status', url, `${url} answered HTTP ${res.status}`, { status: res.status, retryAfterMs: retryAfterMs(res.retryAfter) });
    }
    return { ...res, url, redirects, notModified: res.status === 304, elapsedMs: Date.now() - started };
  }
}

interface Once { status: number; location: string | null; contentType: string | null; etag: string | null; lastModified: string | null; retryAfter: string | null; body: Buffer }

/** Retry-After as seconds or an HTTP date, in ms from now (capped at an hour). */
export function retryAfterMs(v: string | null, now = Date.now()): number | null {
  if (!v) return null;
  const ms = /^\d+$/.test(v.trim()) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 3_600_000) : null;
}

function once(url: string, opts: HttpOptions, deadline: number, cond: Conditional): Promise<Once> {
  const u = new URL(url);
  const mapped = opts.resolve?.get(u.host) ?? opts.resolve?.get(u.hostname);
  const [addr, port] = mapped ? [mapped.replace(/:\d+$/, ''), Number(mapped.match(/:(\d+)$/)?.[1] ?? u.port ?? 80)] : [u.hostname, Number(u.port || (u.protocol === 'https:' ? 443 : 80))];
  const headers: Record<string, string> = {
    host: u.host,
    'user-agent': opts.userAgent ?? USER_AGENT,
    accept: 'text/html,application/xhtml+xml,application/pdf,application/msword,*/*;q=0.8',
    'accept-language': 'zh-CN,zh;q=0.9',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (cond.etag) headers['if-none-match'] = cond.etag;
  if (cond.lastModified) headers['if-modified-since'] = cond.lastModified;
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise<Once>((resolve, reject) => {
    const left = deadline - Date.now();
    if (left <= 0) return reject(new FetchError('timeout', url, `Timed out fetching ${url}`));
    let settled = false;
    const fail = (e: FetchError) => { if (!settled) { settled = true; clearTimeout(timer); req.destroy(); reject(e); } };
    const req = lib.request({ host: addr, port, path: u.pathname + u.search, method: 'GET', headers, servername: u.hostname, agent: false,
      rejectUnauthorized: !opts.insecure }, (res) => {
      const status = res.statusCode ?? 0;
      const h = (k: string) => { const v = res.headers[k]; return Array.isArray(v) ? v[0] ?? null : v ?? null; };
      const declared = Number(h('content-length') ?? 0);
      if (status === 200 && declared > opts.maxBytes) {
        return fail(new FetchError('too-large', url, `${url} declares ${declared} bytes, over the ${opts.maxBytes} byte limit`));
      }
      let stream: NodeJS.ReadableStream = res;
      const enc = (h('content-encoding') ?? '').toLowerCase();
      if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(zlib.createGunzip());
      else if (enc === 'deflate') stream = res.pipe(zlib.createInflate());
      else if (enc === 'br') stream = res.pipe(zlib.createBrotliDecompress());
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (c: Buffer) => {
        total += c.length;
        if (total > opts.maxBytes) return fail(new FetchError('too-large', url, `${url} is over the ${opts.maxBytes} byte limit`));
        chunks.push(c);
      });
      stream.on('error', (e: Error) => fail(new FetchError('network', url, `Reading ${url}: ${e.message}`, { cause: e })));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, location: h('location'), contentType: h('content-type'), etag: h('etag'), lastModified: h('last-modified'), retryAfter: h('retry-after'), body: Buffer.concat(chunks) });
      });
    });
    const timer = setTimeout(() => fail(new FetchError('timeout', url, `Timed out after ${opts.timeoutMs} ms fetching ${url}`)), left);
    req.on('error', (e: NodeJS.ErrnoException) => {
      const dns = e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN';
      const tls = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(e.code ?? '');
      if (tls) return fail(new FetchError('tls', url, `TLS certificate of ${u.host} not accepted (${e.code}); use --insecure for a mirror you trust`, { cause: e, retryable: false }));
      fail(new FetchError(dns ? 'dns' : 'network', url, dns ? `Host not found: ${u.hostname}` : `Connection to ${u.host} failed: ${e.code ?? e.message}`, { cause: e, retryable: !dns }));
    });
    req.end();
  });
}
