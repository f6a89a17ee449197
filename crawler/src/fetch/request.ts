/**
 * One HTTP exchange, no redirect followed: node:http(s) with a total deadline, a size limit (declared
 * and streamed), gzip/deflate/br decoding and the `--resolve` host map. Every socket is opened only to
 * an address the crawl may reach: an IP literal is judged before connecting, a host name by the
 * socket's own DNS lookup (address.ts), so the address checked is the address connected to.
 * Used by the GET client (http.ts) and by the browser, whose requests it carries (browser.ts).
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import zlib from 'node:zlib';
import { FetchError } from './errors.js';
import { guardedLookup, isPrivateAddress, PrivateAddressError } from './address.js';

export interface RequestLimits {
  maxBytes: number;
  /** host → "address:port" overrides (like curl --resolve). */
  resolve?: Map<string, string>;
  /** Accept self-signed or otherwise unverifiable TLS certificates (mirrors). */
  insecure?: boolean;
}

export interface RawRequest { method?: string; headers: Record<string, string>; body?: Buffer | null }
export interface RawResponse { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

const unbracket = (h: string) => h.replace(/^\[|\]$/g, '');

/** The first value of a response header, or null. */
export const header = (res: RawResponse, k: string): string | null => {
  const v = res.headers[k];
  return Array.isArray(v) ? v[0] ?? null : v ?? null;
};

/** Whether a `--resolve` map names `hostname` (with or without a port). */
export const resolveNames = (resolve: Map<string, string> | undefined, hostname: string): boolean =>
  !!resolve && [...resolve.keys()].some((k) => unbracket(k.replace(/:\d+$/, '')) === hostname);

export function requestOnce(url: string, opts: RequestLimits, req: RawRequest, deadline: number, privateOk: (hostname: string) => boolean): Promise<RawResponse> {
  const u = new URL(url);
  const mapped = opts.resolve?.get(u.host) ?? opts.resolve?.get(u.hostname);
  const addr = unbracket(mapped ? mapped.replace(/:\d+$/, '') : u.hostname);
  const port = mapped ? Number(mapped.match(/:(\d+)$/)?.[1] ?? 80) : Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  // An IP literal is connected to without a lookup: judge it here; host names are judged by the lookup.
  if (isIP(addr) && isPrivateAddress(addr) && !privateOk(unbracket(u.hostname))) {
    const refused = new PrivateAddressError(unbracket(u.hostname), addr, `${u.hostname}=${isIP(addr) === 6 ? `[${addr}]` : addr}:${port}`);
    return Promise.reject(new FetchError('off-portal', url, refused.message, { cause: refused, retryable: false }));
  }
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise<RawResponse>((resolve, reject) => {
    const left = deadline - Date.now();
    if (left <= 0) return reject(new FetchError('timeout', url, `Timed out fetching ${url}`));
    let settled = false;
    const fail = (e: FetchError) => { if (!settled) { settled = true; clearTimeout(timer); r.destroy(); reject(e); } };
    const r = lib.request({
      host: addr, port, path: u.pathname + u.search, method: req.method ?? 'GET', headers: { ...req.headers, host: u.host },
      servername: isIP(unbracket(u.hostname)) ? undefined : u.hostname, agent: false, lookup: guardedLookup(privateOk), rejectUnauthorized: !opts.insecure,
    }, (res) => {
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers['content-length'] ?? 0);
      if (status === 200 && declared > opts.maxBytes) {
        return fail(new FetchError('too-large', url, `${url} declares ${declared} bytes, over the ${opts.maxBytes} byte limit`));
      }
      let stream: NodeJS.ReadableStream = res;
      const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
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
        resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    const timer = setTimeout(() => fail(new FetchError('timeout', url, `Timed out after ${Math.max(0, left)} ms fetching ${url}`)), left);
    r.on('error', (e: NodeJS.ErrnoException) => {
      if (e instanceof PrivateAddressError || e.code === 'EPRIVATEADDR') return fail(new FetchError('off-portal', url, e.message, { cause: e, retryable: false }));
      const dns = e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN';
      const tls = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(e.code ?? '');
      if (tls) return fail(new FetchError('tls', url, `TLS certificate of ${u.host} not accepted (${e.code}); use --insecure for a mirror you trust`, { cause: e, retryable: false }));
      fail(new FetchError(dns ? 'dns' : 'network', url, dns ? `Host not found: ${u.hostname}` : `Connection to ${u.host} failed: ${e.code ?? e.message}`, { cause: e, retryable: !dns }));
    });
    r.end(req.body ?? undefined);
  });
}
