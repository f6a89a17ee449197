/**
 * robots.txt (RFC 9309): the group for our product token or `*`, Allow/Disallow with `*` and `$`,
 * longest match wins, Allow wins a tie; Crawl-delay honoured as the host's minimum delay.
 * A missing file (4xx) allows everything; an unreachable one (5xx, timeout) disallows everything
 * for this run, as the RFC asks. robots.txt is fetched inside the portal's scope like any page: a
 * robots.txt that redirects off the portal is not followed, and the host is not crawled (`off-portal`,
 * with the target — the rules may live there; `--allow-host` it to follow). A Crawl-delay over the
 * cap defers the host (politeness.ts).
 */
import { FetchError } from './errors.js';
import { PrivateAddressError } from './address.js';
export interface Robots {
  allowed(pathAndQuery: string): boolean;
  crawlDelayMs: number | null;
  /** How the file was obtained: 'ok', 'missing', 'unreachable', 'off-portal' (redirected off the portal). */
  status: 'ok' | 'missing' | 'unreachable' | 'off-portal';
  /** The fault of every URL of the host when nothing may be fetched ('unreachable', 'off-portal'). */
  fault?: { kind: string; message: string };
}

interface Rule { allow: boolean; pattern: string; re: RegExp }

const toRegExp = (p: string): RegExp =>
  new RegExp('^' + p.replace(/[.+?^{}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\\\$$|\$$/, '$'));

export function parseRobots(text: string, token = 'gongkailens', status: Robots['status'] = 'ok'): Robots {
  const groups: { agents: string[]; rules: Rule[]; delay: number | null }[] = [];
  let cur: (typeof groups)[number] | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = line.match(/^([A-Za-z-]+)\s*:\s*(.*)$/);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const val = m[2]!.trim();
    if (key === 'user-agent') {
      if (!cur || !lastWasAgent) groups.push((cur = { agents: [], rules: [], delay: null }));
      cur.agents.push(val.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!cur) continue;
    if ((key === 'allow' || key === 'disallow') && val !== '') cur.rules.push({ allow: key === 'allow', pattern: val, re: toRegExp(val) });
    if (key === 'crawl-delay' && Number.isFinite(Number(val))) cur.delay = Number(val) * 1000;
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delay = chosen.map((g) => g.delay).find((d) => d !== null) ?? null;
  return {
    status,
    crawlDelayMs: delay,
    allowed(path: string) {
      let best: Rule | null = null;
      for (const r of rules) {
        if (!r.re.test(path)) continue;
        if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
      }
      return best ? best.allow : true;
    },
  };
}

export const ALLOW_ALL: Robots = { status: 'missing', crawlDelayMs: null, allowed: () => true };
export const DISALLOW_ALL: Robots = { status: 'unreachable', crawlDelayMs: null, allowed: () => false };

/** robots.txt failures that mean the host is down or walled off, not that it refuses crawlers (a 5xx answer does: RFC 9309). */
const HOST_DOWN = new Set<FetchError['kind']>(['network', 'timeout', 'tls', 'blocked']);

/** Fetches each origin's robots.txt once per crawl and remembers what it says. */
export class RobotsCache {
  private readonly cache = new Map<string, Promise<Robots>>();
  /**
   * `fetchText` gets the robots.txt URL (it throws FetchError, off-portal for a redirect out of scope);
   * `onDelay` hears each host's Crawl-delay.
   */
  constructor(private readonly fetchText: (url: string) => Promise<string>, private readonly onDelay: (host: string, ms: number) => void) {}

  /** The robots rules for the origin of `url`. */
  for(url: string): Promise<Robots> {
    const u = new URL(url);
    const key = `${u.protocol}//${u.host}`;
    let r = this.cache.get(key);
    if (!r) {
      r = this.fetchText(`${key}/robots.txt`).then(
        (text) => parseRobots(text),
        (err: unknown) => {
          // The host cannot be reached (refused, reset, timed out, bad certificate) or a firewall answered:
          // that is the page's fault, not robots; forget the attempt so a retry asks for robots.txt again.
          if (err instanceof FetchError && HOST_DOWN.has(err.kind)) {
            if (this.cache.get(key) === r) this.cache.delete(key);
            throw new FetchError(err.kind, url, `robots.txt of ${u.host} could not be fetched: ${err.message}`, { status: err.status ?? undefined, retryAfterMs: err.retryAfterMs, cause: err });
          }
          return robotsOnError(err, u.host);
        },
      ).then((rb) => { if (rb.crawlDelayMs) this.onDelay(u.host, rb.crawlDelayMs); return rb; });
      this.cache.set(key, r);
    }
    return r;
  }
}

/** RFC 9309 §2.3.1: a 4xx (or a host that does not exist) allows everything; anything else disallows. */
function robotsOnError(err: unknown, host: string): Robots {
  const e = err instanceof FetchError ? err : null;
  // A private address (the host's own, or a redirect hop's) is no step off the portal: say which it is.
  if (e?.kind === 'off-portal' && e.cause instanceof PrivateAddressError) return { ...DISALLOW_ALL, status: 'off-portal', fault: { kind: 'off-portal', message: `robots.txt of ${host} is at a private address, not requested; not crawling the host: ${e.message}` } };
  if (e?.kind === 'off-portal') return { ...DISALLOW_ALL, status: 'off-portal', fault: { kind: 'off-portal', message: `robots.txt of ${host} leads off the portal, not followed; not crawling the host: ${e.message}` } };
  if ((e?.kind === 'http-status' && (e.status ?? 0) < 500) || e?.kind === 'dns' || e?.kind === 'bad-url') return ALLOW_ALL;
  return { ...DISALLOW_ALL, fault: { kind: 'robots', message: `robots.txt of ${host} could not be read: not crawling the host (${e?.message ?? String(err)})` } };
}
