/**
 * Browser mode: Chromium (Debian's /usr/bin/chromium) driven by Playwright, for pages whose content
 * only exists after JavaScript runs (TRS createPageHTML pagers, Hanweb data-proxy lists). One browser
 * per crawl, launched on first use.
 *
 * Containment: Chromium itself sends nothing — it resolves no host name at all (--host-resolver-rules
 * maps every name to NOTFOUND), so a request that escaped interception would fail, not leave. Every
 * request of a page (the document, scripts, XHR) is intercepted; one outside the portal's scope is
 * aborted and remembered (the page's `off-portal` fault if it was the page itself); the others are
 * carried by the crawler's own client (request.ts: the --resolve map and the private-address refusal of
 * HTTP mode), which follows redirects itself, judging every hop (Chromium would follow a redirect
 * without asking the interceptor), and hands the final answer back to the page.
 * A rendered page that is still a WAF challenge is a `blocked` error, not the page. With `walk`, the
 * page's script pager is then driven (pager-walk.ts) through the same interception.
 */
import type { Browser, BrowserContext, Route } from 'playwright';
import { FetchError } from './errors.js';
import { USER_AGENT } from './http.js';
import { header, requestOnce, resolveNames, type RawResponse } from './request.js';
import { wafBlock } from './waf.js';
import { walkPager, type Walked } from './pager-walk.js';

export const CHROMIUM_PATH = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export interface Rendered {
  url: string; status: number; html: string; elapsedMs: number;
  /** With `walk`: the later pages the page's own script pager showed (pager-walk.ts). */
  walked?: Walked;
}

/** What a rendered page may request: the crawl's scope for the page's portal. */
export interface RenderGuard {
  /** The off-portal error for `url`, or null when it may be requested. */
  refusal(url: string, what: string): FetchError | null;
  /** Whether `hostname` may be at a private/loopback/link-local address. */
  privateOk(hostname: string): boolean;
}

const SKIPPED = /\.(png|jpe?g|gif|webp|svg|ico|woff2?|ttf|mp4)(\?|$)/i;
/** Response headers Chromium must not see again: the body it gets is already decoded and whole. */
const HOP_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

export class BrowserRenderer {
  private browser: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
  constructor(private readonly opts: { timeoutMs: number; resolve?: Map<string, string>; userAgent?: string; insecure?: boolean; maxBytes?: number;
    /** Whether a loaded page still builds content by XHR (then wait for the network to go idle). */
    waitForXhr?: (html: string) => boolean }) {}

  private start() {
    this.browser ??= (async () => {
      const { chromium } = await import('playwright');
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...ARGS, '--host-resolver-rules=MAP * ~NOTFOUND'] });
      const context = await browser.newContext({ userAgent: this.opts.userAgent ?? USER_AGENT, javaScriptEnabled: true, ignoreHTTPSErrors: !!this.opts.insecure });
      return { browser, context };
    })();
    return this.browser;
  }

  /** Carries one intercepted request through the crawler's client, or refuses it. */
  private async carry(route: Route, context: BrowserContext, pageUrl: string, guard: RenderGuard | undefined, refused: FetchError[], landed: { url: string }): Promise<void> {
    const req = route.request();
    const target = req.url();
    // Images, fonts and media are never needed to read a list or an article.
    if (SKIPPED.test(target) || !/^https?:/i.test(target)) return void (await route.abort().catch(() => undefined));
    const main = req.isNavigationRequest() && req.frame() === req.frame().page().mainFrame();
    const what = main ? 'page' : `${req.resourceType()} of ${pageUrl}`;
    const refusal = guard?.refusal(target, what);
    if (refusal) {
      refused.push(refusal);
      return void (await route.abort('blockedbyclient').catch(() => undefined));
    }
    const headers: Record<string, string> = { ...req.headers(), 'accept-encoding': 'gzip, deflate, br' };
    const cookies = await context.cookies(target);
    if (cookies.length) headers.cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const privateOk = guard ? (h: string) => guard.privateOk(h) : (h: string) => h === new URL(pageUrl).hostname || resolveNames(this.opts.resolve, h);
    const limits = { maxBytes: this.opts.maxBytes ?? 20 * 1024 * 1024, resolve: this.opts.resolve, insecure: this.opts.insecure };
    const deadline = Date.now() + this.opts.timeoutMs;
    let res: RawResponse;
    let at = target;
    try {
      let sent = { method: req.method(), headers, body: req.postDataBuffer() };
      for (let hop = 0; ; hop++) {
        res = await requestOnce(at, limits, sent, deadline, privateOk);
        const loc = res.status >= 300 && res.status < 400 ? header(res, 'location') : null;
        if (!loc) break;
        if (hop >= 5) throw new FetchError('redirect-loop', target, `More than 5 redirects from ${target}`);
        const next = new URL(loc, at).href;
        const off = guard?.refusal(next, `redirect from ${at}`);
        if (off) throw off;
        at = next;
        // 301/302/303 turn a POST into a GET, as browsers do.
        if (res.status !== 307 && res.status !== 308) sent = { method: 'GET', headers, body: null };
      }
    } catch (err) {
      if (err instanceof FetchError && err.kind === 'off-portal') refused.push(err);
      const code = err instanceof FetchError && err.kind === 'off-portal' ? 'blockedbyclient' : err instanceof FetchError && err.kind === 'timeout' ? 'timedout' : 'failed';
      return void (await route.abort(code).catch(() => undefined));
    }
    if (main) landed.url = at;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !HOP_HEADERS.has(k)) out[k] = Array.isArray(v) ? v.join('\n') : String(v);
    await route.fulfill({ status: res.status, headers: out, body: res.body }).catch(() => undefined);
  }

  /**
   * Renders `url`; with `walk` > 0 also drives the page's script pager for up to `walk` further pages
   * (each request still carried and scope-checked here).
   */
  async render(url: string, guard?: RenderGuard, walk = 0): Promise<Rendered> {
    const started = Date.now();
    let context: BrowserContext;
    try {
      ({ context } = await this.start());
    } catch (err) {
      this.browser = null;
      throw new FetchError('browser', url, `Could not start Chromium at ${CHROMIUM_PATH}: ${(err as Error).message.split('\n')[0]}`, { retryable: false, cause: err });
    }
    const page = await context.newPage();
    const refused: FetchError[] = [];
    const landed = { url };
    // One request of the page at a time (scripts, XHR): a render holds one lease, so it counts as one
    // request in flight on its host (--per-host), as an HTTP fetch does.
    let queue: Promise<void> = Promise.resolve();
    await page.route('**/*', (route) => (queue = queue.then(() => this.carry(route, context, url, guard, refused, landed)).catch(() => undefined)));
    // XHR answers that failed: the reason a driven pager did not move.
    const xhrFailed: string[] = [];
    const isXhr = (t: string) => t === 'xhr' || t === 'fetch';
    page.on('response', (r) => { if (r.status() >= 400 && isXhr(r.request().resourceType())) xhrFailed.push(`http-${r.status()} at ${r.url()}`); });
    page.on('requestfailed', (r) => {
      if (!isXhr(r.resourceType())) return;
      const off = refused.find((e) => e.url === r.url());
      xhrFailed.push(`${off ? 'off-portal' : (r.failure()?.errorText ?? 'failed')} at ${r.url()}`);
    });
    try {
      const res = await page.goto(url, { timeout: this.opts.timeoutMs, waitUntil: 'load' }).catch((err: Error) => {
        // The page itself (or a redirect hop of it) was refused: that is the fault, not "browser failed".
        const own = refused.find((e) => /\(page\)|redirect/.test(e.message)) ?? (/ERR_BLOCKED_BY_CLIENT/.test(err.message) ? refused[0] : undefined);
        throw own ?? err;
      });
      const status = res?.status() ?? 0;
      const first = await page.content();
      const waf = wafBlock(status, 'text/html', first);
      if (waf && status !== 200) throw new FetchError('blocked', url, `${url}: a web application firewall answered instead of the page (${waf})`, { status });
      if (status >= 400) throw new FetchError('http-status', url, `${url} answered HTTP ${status}`, { status });
      // Let XHR-built lists arrive (only where the page asks for them: networkidle costs 500 ms).
      let html = await page.content();
      if (this.opts.waitForXhr?.(html) ?? true) {
        await page.waitForLoadState('networkidle', { timeout: Math.min(5000, this.opts.timeoutMs) }).catch(() => undefined);
        html = await page.content();
      }
      // A challenge that did not clear itself in the browser either.
      const still = wafBlock(status, 'text/html', html);
      if (still) throw new FetchError('blocked', url, `${url}: a web application firewall answered instead of the page (${still})`, { status });
      const walked = walk > 0 ? await walkPager(page, walk, Math.min(10_000, this.opts.timeoutMs), started + 10 * this.opts.timeoutMs, () => xhrFailed) : undefined;
      // Redirects were followed outside the page: the address it landed on is the final hop's.
      return { url: landed.url, status, html, elapsedMs: Date.now() - started, ...(walked ? { walked } : {}) };
    } catch (err) {
      if (err instanceof FetchError) throw err;
      const msg = (err as Error).message.split('\n')[0] ?? '';
      if (/Timeout/i.test(msg)) throw new FetchError('timeout', url, `Browser timed out after ${this.opts.timeoutMs} ms on ${url}`);
      if (/ERR_TOO_MANY_REDIRECTS/.test(msg)) throw new FetchError('redirect-loop', url, `Redirect loop at ${url}`);
      if (/ERR_NAME_NOT_RESOLVED/.test(msg)) throw new FetchError('dns', url, `Host not found: ${new URL(url).hostname}`, { retryable: false });
      throw new FetchError('browser', url, `Browser failed on ${url}: ${msg}`, { retryable: true, cause: err });
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (!this.browser) return;
    const b = await this.browser.catch(() => null);
    this.browser = null;
    await b?.browser.close().catch(() => undefined);
  }
}
