/**
 * One crawl configuration: every setting the crawl loop, the routes and the site-search planner read,
 * with its default in one place. `crawl()` resolves its options through `crawlConfig`; the CLI's option
 * table (cli/options.ts) takes its defaults from `CRAWL_DEFAULTS`, so the help text prints what the
 * crawler does. Kept free of heavy imports: the CLI loads it at start-up.
 */

export type BrowserMode = 'auto' | 'always' | 'never';

/** The defaults of every crawl setting. */
export const CRAWL_DEFAULTS = {
  /** Requests in flight overall. */
  concurrency: 8,
  /** Requests in flight per host. */
  perHost: 2,
  /** Minimum gap between request starts on one host, ms (robots Crawl-delay raises it). */
  delayMs: 500,
  /** Total time limit per request, ms. */
  timeoutMs: 15_000,
  /** A page rendered in Chromium gets at least this long, ms. */
  browserMinTimeoutMs: 30_000,
  /** Size limit per response, bytes. */
  maxBytes: 20 * 1024 * 1024,
  /** Size limit of a robots.txt, bytes. */
  robotsMaxBytes: 512 * 1024,
  /** Retries of retryable faults (5xx, 429, timeouts, dropped connections). */
  retries: 3,
  /** Base of the exponential backoff, ms. */
  backoffBaseMs: 1000,
  browser: 'auto' as BrowserMode,
  /** List pages (and XHR list answers) per column. */
  maxPagesPerColumn: 500,
  /** 404/410 answers in a row on a column's later list pages after which its other later pages are not requested (0: no limit). */
  maxGonePagesInRow: 3,
  ocr: false,
  /** Columns only (`gongkai columns`): no report tasks, no site search. */
  columnsOnly: false,
  /** Tasks looked at per scheduling round. */
  batch: 64,
  /** A section candidate deeper than this (hops from the seed) is not followed further. */
  maxSectionDepth: 3,
  /** Site-search queries per portal for years missing from its 年报 column (0: never search). */
  maxSearchesPerPortal: 6,
};

export type CrawlDefaults = typeof CRAWL_DEFAULTS;

/** The resolved settings of one crawl: the defaults with the caller's values over them. */
export interface CrawlConfig extends CrawlDefaults {
  resolve?: Map<string, string>;
  userAgent?: string;
  insecure?: boolean;
}

/** The settings a route needs to decide what a page means. */
export type RouteConfig = Pick<CrawlConfig, 'browser' | 'maxPagesPerColumn' | 'ocr' | 'columnsOnly' | 'maxSectionDepth'>;

/** `given` over the defaults; an `undefined` value keeps the default. */
export function crawlConfig(given: Partial<CrawlConfig>): CrawlConfig {
  const out: CrawlConfig = { ...CRAWL_DEFAULTS };
  for (const [k, v] of Object.entries(given)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}
