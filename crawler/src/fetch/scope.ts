/**
 * A crawl's scope: the sites it may request. A portal's scope is its seed host's site plus the hosts
 * the user allows with `--allow-host`; everything else — a link, a redirect hop, an attachment, a
 * robots.txt redirect, a browser subrequest — is off the portal and is never requested.
 *
 * The rule (public-suffix aware, by tldts):
 * - the *agency domain* of a host is the host without its first label, unless the host is its own
 *   registrable domain (then the host itself): www.jx.gov.cn → jx.gov.cn, xxgk.jx.gov.cn → jx.gov.cn,
 *   jx.gov.cn → jx.gov.cn, www.nc.jx.gov.cn → nc.jx.gov.cn (a city under the province: another agency);
 * - a host is in a portal's scope when it is the seed host, a subdomain of the seed host, a host with
 *   the same agency domain as the seed host (a sibling: www ↔ xxgk ↔ the bare domain), or allowed by
 *   `--allow-host` (`host` exactly, `*.domain` for the domain and every subdomain);
 * - an IP-literal host matches only itself; ports and http/https are not part of the scope.
 *
 * Addresses are a second, independent check (address.ts): a host in scope still may not be reached at
 * a private, loopback or link-local address unless the user named it: a `--resolve` host, or the IP
 * literal of a seed (see `privateOk`). `--allow-host` never permits a private address.
 */
import { isIP } from 'node:net';
import { createRequire } from 'node:module';
import type { getDomain as GetDomain } from 'tldts';
import { FetchError } from './errors.js';
import { isPrivateAddress } from './address.js';

// The public-suffix list is loaded on first use (not at start-up of commands that never crawl).
let getDomainFn: typeof GetDomain | null = null;
const getDomain: typeof GetDomain = (...args) => (getDomainFn ??= (createRequire(import.meta.url)('tldts') as { getDomain: typeof GetDomain }).getDomain)(...args);

const bare = (host: string): string => host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');

/** The hostname of a URL or `host[:port]`, lower case, without IPv6 brackets. */
export function hostnameOf(urlOrHost: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(urlOrHost)) return bare(new URL(urlOrHost).hostname);
  const h = urlOrHost.startsWith('[') ? urlOrHost.slice(0, urlOrHost.indexOf(']') + 1) : urlOrHost.replace(/:\d+$/, '');
  return bare(h);
}

/** The agency domain of a host name (see the module comment); an IP literal is its own. */
export function agencyDomain(hostname: string): string {
  const h = bare(hostname);
  if (isIP(h)) return h;
  const registrable = getDomain(h, { allowPrivateDomains: false });
  if (!registrable || h === registrable) return h;
  return h.slice(h.indexOf('.') + 1);
}

const isSubdomain = (h: string, of: string) => h.endsWith(`.${of}`);

/** A parsed `--allow-host` value: `host` or `*.domain`. Throws a plain Error on nonsense. */
export function parseAllowHost(v: string): { host: string; subdomains: boolean } {
  const s = v.trim().toLowerCase();
  const subdomains = s.startsWith('*.');
  const host = bare(subdomains ? s.slice(2) : s);
  if (!host || !(isIP(host) || /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host))) throw new Error(`--allow-host wants a host name or *.domain, got '${v}'`);
  return { host, subdomains };
}

export interface ScopeOptions {
  /** `--allow-host` values. */
  allowHosts?: string[];
  /** `--resolve` host → address:port: the hosts the user routes to an address by hand. */
  resolve?: Map<string, string>;
}

/** Thrown (as a FetchError, never retried) for a URL outside the portal. */
export class OffPortalError extends FetchError {
  constructor(url: string, message: string) {
    super('off-portal', url, message, { retryable: false });
  }
}

export class Scope {
  private readonly allowed: { host: string; subdomains: boolean }[];
  private readonly named: Set<string>;

  constructor(seeds: string[], opts: ScopeOptions = {}) {
    this.allowed = (opts.allowHosts ?? []).map(parseAllowHost);
    // Hosts the user sent to an address on purpose: --resolve targets and IP-literal seeds. (--allow-host
    // widens the scope only: an allowed host at a private address is still refused.)
    this.named = new Set([...(opts.resolve?.keys() ?? [])].map(hostnameOf));
    for (const s of seeds) { const h = hostnameOf(s); if (isIP(h)) this.named.add(h); }
  }

  /** Whether `url` is inside the scope of the portal whose seed host is `portal` (host[:port]). */
  allows(url: string, portal: string): boolean {
    let h: string;
    try {
      h = hostnameOf(url);
    } catch {
      return false;
    }
    const seed = hostnameOf(portal);
    if (h === seed || isSubdomain(h, seed)) return true;
    if (!isIP(h) && !isIP(seed) && agencyDomain(h) === agencyDomain(seed)) return true;
    return this.allowed.some((a) => h === a.host || (a.subdomains && isSubdomain(h, a.host)));
  }

  /** The off-portal error for `url`, or null when it is in scope. `what` says how it was reached. */
  refusal(url: string, portal: string, what = 'link'): OffPortalError | null {
    if (this.allows(url, portal)) return null;
    return new OffPortalError(url, `${url} is off the portal ${hostnameOf(portal)} (${what}); not requested — ${this.howToAllow(url)}`);
  }

  /**
   * What would let the crawl request `url`: --allow-host puts its host in scope; a host at a private
   * address (an IP literal like 10.0.0.1) is reached only where --resolve names it as well.
   */
  private howToAllow(url: string): string {
    let h: string, port: string;
    try {
      const u = new URL(url);
      h = hostnameOf(url);
      port = u.port || (u.protocol === 'https:' ? '443' : '80');
    } catch {
      return 'not a URL the crawl can request';
    }
    if (!isIP(h) || !isPrivateAddress(h) || this.privateOk(h)) return `add --allow-host ${h} to crawl it`;
    const lit = isIP(h) === 6 ? `[${h}]` : h;
    return `${h} is a private, loopback, link-local or reserved address: add --allow-host ${h} and --resolve ${lit}=${lit}:${port} to crawl it`;
  }

  /** Throws the off-portal error for `url` when it is out of scope. */
  check(url: string, portal: string, what = 'link'): void {
    const e = this.refusal(url, portal, what);
    if (e) throw e;
  }

  /** Whether `hostname` may be reached at a private/loopback/link-local address (the user named it). */
  privateOk(hostname: string): boolean {
    return this.named.has(bare(hostname));
  }
}
