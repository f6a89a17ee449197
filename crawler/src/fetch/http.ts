/**
 * The HTTP client: GET with an honest User-Agent, a total time limit, a size limit, manual redirects
 * with loop detection, conditional requests (If-None-Match / If-Modified-Since) and a host map
 * (`--resolve host=127.0.0.1:port`) so that a portal's real host names can be served by a local
 * mirror. Containment: every redirect hop is put to the caller's guard (the crawl's scope) before it
 * is requested, and no socket is opened to a private, loopback or link-local address the user did not
 * name (request.ts). A WAF challenge answer is a typed `blocked` error, never a page (waf.ts).
 */
import { FetchError, checkUrl } from './errors.js';
import { header, requestOnce, resolveNames, type RequestLimits } from './request.js';
import { wafBlock } from './waf.js';

export const USER_AGENT = 'GongkaiLens/0.1 (+https://github.com/gongkai-lens/gongkai-lens; research crawler for government information disclosure annual reports)';

export interface HttpOptions extends RequestLimits {
  timeoutMs: number;
  userAgent?: string;
  maxRedirects?: number;
  /**
   * What may be requested. Default: any URL; private addresses only for --resolve hosts and the host
   * of the URL asked for (the caller named it).
   */
  guard?: UrlGuard;
}

/** The crawl's scope as the HTTP client sees it. */
export interface UrlGuard {
  /** Throws (an off-portal FetchError) when `url` may not be requested; `what` says how it was reached. */
  check(url: string, what: string): void;
  /** Whether `hostname` may be at a private/loopback/link-local address. */
  privateOk(hostname: string): boolean;
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

/** Which hosts may be at a private address under `opts` when `first` is the URL asked for. */
export const privateRule = (opts: Pick<HttpOptions, 'guard' | 'resolve'>, first: string): ((hostname: string) => boolean) => {
  const asked = new URL(first).hostname.replace(/^\[|\]$/g, '');
  return opts.guard ? (h) => opts.guard!.privateOk(h) : (h) => h === asked || resolveNames(opts.resolve, h);
};

export async function httpGet(rawUrl: string, opts: HttpOptions, cond: Conditional = {}): Promise<HttpResult> {
  const started = Date.now();
  const deadline = started + opts.timeoutMs;
  const seen = new Set<string>();
  const redirects: string[] = [];
  let url = checkUrl(rawUrl).href;
  const privateOk = privateRule(opts, url);
  for (let hop = 0; ; hop++) {
    seen.add(url);
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent ?? USER_AGENT,
      accept: 'text/html,application/xhtml+xml,application/pdf,application/msword,*/*;q=0.8',
      'accept-language': 'zh-CN,zh;q=0.9',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (hop === 0 && cond.etag) headers['if-none-match'] = cond.etag;
    if (hop === 0 && cond.lastModified) headers['if-modified-since'] = cond.lastModified;
    const res = await requestOnce(url, opts, { headers }, deadline, privateOk);
    const h = (k: string) => header(res, k);
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const loc = h('location');
      if (!loc) throw new FetchError('http-status', url, `HTTP ${res.status} without a Location header`, { status: res.status, retryable: false });
      const next = new URL(loc, url).href;
      redirects.push(next);
      if (seen.has(next)) throw new FetchError('redirect-loop', rawUrl, `Redirect loop: ${[rawUrl, ...redirects].join(' → ')}`);
      if (hop >= (opts.maxRedirects ?? 5)) throw new FetchError('redirect-loop', rawUrl, `More than ${opts.maxRedirects ?? 5} redirects from ${rawUrl}`);
      opts.guard?.check(checkUrl(next).href, `redirect from ${url}`);
      url = checkUrl(next).href;
      continue;
    }
    const retryAfter = retryAfterMs(h('retry-after'));
    // The server's own words, so a fault that quotes this error states what it sent (politeness.ts caps it).
    const said = retryAfter !== null ? ` (Retry-After: ${h('retry-after')!.trim().slice(0, 64)})` : '';
    const waf = res.status === 304 ? null : wafBlock(res.status, h('content-type'), res.body.toString('utf8', 0, 65_536));
    if (waf) throw new FetchError('blocked', url, `${url}: a web application firewall answered instead of the page (${waf})${said}`, { status: res.status, retryAfterMs: retryAfter });
    if (res.status >= 400) throw new FetchError('http-status', url, `${url} answered HTTP ${res.status}${said}`, { status: res.status, retryAfterMs: retryAfter });
    return {
      url, status: res.status, notModified: res.status === 304, contentType: h('content-type'), etag: h('etag'), lastModified: h('last-modified'),
      body: res.body, redirects, elapsedMs: Date.now() - started,
    };
  }
}

/**
 * Retry-After as seconds or an HTTP date, in ms from now — what the server asked for, uncapped (the
 * crawl's cap is applied, and stated, where the wait is decided: politeness.ts).
 */
export function retryAfterMs(v: string | null, now = Date.now()): number | null {
  if (!v) return null;
  const ms = /^\d+$/.test(v.trim()) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}
