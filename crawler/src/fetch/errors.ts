/**
 * Typed fetch failures. Each carries a `kind` the run summary groups by and whether a retry can help
 * (5xx, 429, timeouts, dropped connections and WAF blocks can; 404, robots, redirect loops, size limits,
 * off-portal URLs and over-long waits cannot).
 */
export type FetchErrorKind =
  | 'http-status'     // 4xx/5xx answer
  | 'timeout'         // no complete answer within the time limit
  | 'redirect-loop'   // a redirect came back to a URL already visited, or too many redirects
  | 'too-large'       // over the size limit (declared or streamed)
  | 'robots'          // robots.txt forbids the path
  | 'network'         // connection refused/reset
  | 'dns'             // the host name does not resolve
  | 'tls'             // the TLS certificate is not accepted (self-signed mirror without --insecure)
  | 'bad-url'         // not an http(s) URL
  | 'needs-browser'   // the page builds its content with JavaScript and browser mode is off
  | 'browser'         // the browser failed to render the page
  | 'off-portal'      // outside the crawl's scope (another site, a private address): never requested
  | 'throttled'       // the host asks for a wait over the cap (Crawl-delay, Retry-After): deferred
  | 'blocked';        // a web application firewall answered (412/403 challenge page)

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 524]);

export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly retryable: boolean;
  readonly status: number | null;
  readonly url: string;
  /** The server's Retry-After, in ms (429/503). */
  readonly retryAfterMs: number | null;
  constructor(kind: FetchErrorKind, url: string, message: string, opts: { status?: number; retryable?: boolean; retryAfterMs?: number | null; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.url = url;
    this.status = opts.status ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
    this.retryable = opts.retryable ?? (kind === 'timeout' || kind === 'network' || kind === 'blocked' || (kind === 'http-status' && RETRYABLE_STATUS.has(opts.status ?? 0)));
  }
  /** The label used in run summaries: "http-404", "http-500", "timeout" … */
  get label(): string {
    return this.kind === 'http-status' ? `http-${this.status}` : this.kind;
  }
}

/** A URL the user gave that cannot be crawled (wrong scheme, unparseable). */
export class BadUrlError extends FetchError {
  constructor(url: string, why: string) {
    super('bad-url', url, `Not a crawlable URL: ${url} (${why})`, { retryable: false });
  }
}

export function checkUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new BadUrlError(raw, 'cannot be parsed; give a full URL such as http://www.example.gov.cn/');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new BadUrlError(raw, `scheme ${u.protocol} is not http or https`);
  return u;
}
