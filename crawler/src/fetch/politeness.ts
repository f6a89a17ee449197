/**
 * Per-host politeness: at most `concurrency` requests in flight per host and at least `delayMs`
 * between the starts of two requests to the same host (raised to the host's robots Crawl-delay).
 * No wait is ever longer than MAX_WAIT_MS: a host that asks for more (Crawl-delay: 3600,
 * Retry-After: 3600) is deferred — its remaining URLs get a `throttled` fault and the run completes.
 * A host whose firewall answered (`blocked`) is stepped down: one request at a time, a longer gap.
 */
import type { FetchError } from './errors.js';

/** The longest wait the crawl accepts from a host (Crawl-delay, Retry-After, step-down gap). */
export const MAX_WAIT_MS = 60_000;

interface HostState { active: number; nextAt: number; delayMs: number; concurrency: number; deferred: string | null; steppedAt: number }

export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  constructor(private readonly concurrency: number, private readonly delayMs: number) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { active: 0, nextAt: 0, delayMs: this.delayMs, concurrency: this.concurrency, deferred: null, steppedAt: -1 }));
    return s;
  }

  /** Raise the host's gap to `ms` (never below the crawl's delay); over MAX_WAIT_MS the host is deferred. */
  setDelay(host: string, ms: number, why = `asks for ${Math.round(ms / 1000)} s between requests`): void {
    const s = this.state(host);
    if (ms > MAX_WAIT_MS) return this.defer(host, `${host} ${why}, over the ${MAX_WAIT_MS / 1000} s cap: not crawled further in this run`);
    s.delayMs = Math.max(this.delayMs, s.delayMs, ms);
  }

  /** Stop requesting `host` in this run; `reason` becomes the `throttled` fault of its remaining URLs. */
  defer(host: string, reason: string): void {
    this.state(host).deferred ??= reason;
  }

  /** Why `host` is deferred, or null. */
  deferred(host: string): string | null {
    return this.hosts.get(host)?.deferred ?? null;
  }

  /**
   * After a firewall answer: one request at a time and twice the gap (at least 1 s, at most MAX_WAIT_MS).
   * Answers to requests started before the last step-down count once: the slower pace was not tried yet.
   */
  stepDown(host: string, startedAt = Date.now(), now = Date.now()): boolean {
    const s = this.state(host);
    if (startedAt < s.steppedAt) return false;
    s.steppedAt = now;
    s.concurrency = 1;
    s.delayMs = Math.min(MAX_WAIT_MS, Math.max(1000, 2 * s.delayMs));
    s.nextAt = Math.max(s.nextAt, now + s.delayMs);
    return true;
  }

  /** The host's current gap between requests, ms. */
  delayOf(host: string): number {
    return this.state(host).delayMs;
  }

  /** The most requests the host may have in flight now (1 once stepped down). */
  concurrencyOf(host: string): number {
    return this.state(host).concurrency;
  }

  /** Milliseconds until `host` may start a request (0 = now), or Infinity while it is at its concurrency. */
  waitFor(host: string, now = Date.now()): number {
    const s = this.state(host);
    if (s.deferred) return 0; // its tasks are answered at once, without a request
    if (s.active >= s.concurrency) return Infinity;
    return Math.max(0, s.nextAt - now);
  }

  acquire(host: string, now = Date.now()): void {
    const s = this.state(host);
    s.active++;
    s.nextAt = now + s.delayMs;
  }

  release(host: string): void {
    this.state(host).active--;
  }

  /**
   * What a failed fetch tells about its host: a firewall block steps it down; 429/503 raise its gap to
   * the Retry-After (or twice the base gap), and a Retry-After over the cap defers it. Returns the
   * `throttled` reason when the host is now deferred, and whether it was stepped down just now (then
   * many workers share the slower pace through the store). `startedAt`: when the failed request started.
   */
  react(host: string, e: FetchError, startedAt = Date.now()): { throttled: string | null; steppedDown: boolean } {
    const steppedDown = e.kind === 'blocked' && this.stepDown(host, startedAt);
    if (e.kind === 'blocked' || e.status === 429 || e.status === 503) {
      const ra = e.retryAfterMs ?? 0;
      if (ra > MAX_WAIT_MS) this.setDelay(host, ra, `answered HTTP ${e.status} with Retry-After ${Math.round(ra / 1000)} s`);
      else if (e.kind === 'blocked' && ra > 0) this.setDelay(host, ra);
      else if (e.kind !== 'blocked') this.setDelay(host, Math.max(ra, 2 * Math.max(this.delayMs, 250)));
    }
    return { throttled: this.deferred(host), steppedDown };
  }
}

/** Exponential backoff with full jitter: base·2^attempt, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs = 60_000): number {
  const exp = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}
