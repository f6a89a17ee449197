/**
 * Browser mode: Chromium (Debian's /usr/bin/chromium) driven by Playwright, for pages whose content
 * only exists after JavaScript runs (TRS createPageHTML pagers, Hanweb data-proxy lists). One browser
 * per crawl, launched on first use; host overrides go in as --host-resolver-rules.
 */
import type { Browser, BrowserContext } from 'playwright';
import { FetchError } from './errors.js';
import { USER_AGENT } from './http.js';

export const CHROMIUM_PATH = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export interface Rendered { url: string; status: number; html: string; elapsedMs: number }

export class BrowserRenderer {
  private browser: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
  constructor(private readonly opts: { timeoutMs: number; resolve?: Map<string, string>; userAgent?: string; insecure?: boolean;
    /** Whether a loaded page still builds content by XHR (then wait for the network to go idle). */
    waitForXhr?: (html: string) => boolean }) {}

  private start() {
    this.browser ??= (async () => {
      const { chromium } = await import('playwright');
      const rules = [...(this.opts.resolve ?? new Map())].map(([h, a]) => `MAP ${h.replace(/:\d+$/, '')} ${a}`).join(',');
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH, headless: true,
        args: rules ? [...ARGS, `--host-resolver-rules=${rules}`] : ARGS,
      });
      const context = await browser.newContext({ userAgent: this.opts.userAgent ?? USER_AGENT, javaScriptEnabled: true, ignoreHTTPSErrors: !!this.opts.insecure });
      // Images, fonts and media are never needed to read a list or an article.
      await context.route(/\.(png|jpe?g|gif|webp|svg|woff2?|ttf|mp4)(\?|$)/i, (r) => r.abort());
      return { browser, context };
    })();
    return this.browser;
  }

  async render(url: string): Promise<Rendered> {
    const started = Date.now();
    let context: BrowserContext;
    try {
      ({ context } = await this.start());
    } catch (err) {
      this.browser = null;
      throw new FetchError('browser', url, `Could not start Chromium at ${CHROMIUM_PATH}: ${(err as Error).message.split('\n')[0]}`, { retryable: false, cause: err });
    }
    const page = await context.newPage();
    try {
      const res = await page.goto(url, { timeout: this.opts.timeoutMs, waitUntil: 'load' });
      const status = res?.status() ?? 0;
      if (status >= 400) throw new FetchError('http-status', url, `${url} answered HTTP ${status}`, { status });
      // Let XHR-built lists arrive (only where the page asks for them: networkidle costs 500 ms).
      let html = await page.content();
      if (this.opts.waitForXhr?.(html) ?? true) {
        await page.waitForLoadState('networkidle', { timeout: Math.min(5000, this.opts.timeoutMs) }).catch(() => undefined);
        html = await page.content();
      }
      return { url: page.url(), status, html, elapsedMs: Date.now() - started };
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
