/**
 * Per-host politeness: at most `concurrency` requests in flight per host and at least `delayMs`
 * between the starts of two requests to the same host (raised to the host's robots Crawl-delay).
 */
export class HostGate {
  private readonly hosts = new Map<string, { active: number; nextAt: number; delayMs: number }>();
  constructor(private readonly concurrency: number, private readonly delayMs: number) {}

  private state(host: string) {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { active: 0, nextAt: 0, delayMs: this.delayMs }));
    return s;
  }

  setDelay(host: string, ms: number): void {
    const s = this.state(host);
    s.delayMs = Math.max(this.delayMs, ms);
  }

  /** Milliseconds until `host` may start a request (0 = now), or Infinity while it is at its concurrency. */
  waitFor(host: string, now = Date.now()): number {
    const s = this.state(host);
    if (s.active >= this.concurrency) return Infinity;
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
}

/** Exponential backoff with full jitter: base·2^attempt, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs = 60_000): number {
  const exp = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}
