/**
 * What a portals file sets for each portal, by home host: the region and level of its agencies
 * (`region=330400`, `level=county`: export, serve) and its update-limit overrides
 * (`limit.工作动态=10`, `limit.dynamic=10`: watch, serve). One reading for every command.
 */
import type { RegionLevel } from '@gongkai/shared/node';
import { overrideProblem, type PortalRegion } from '../export/regions.js';
import type { LimitOverrides } from '../watch/limits.js';
import { UsageError } from './command.js';
import type { PortalLine } from './options.js';

export interface PortalSettings {
  /** Region/level overrides by host (each region code checked against the division table). */
  regions: Map<string, PortalRegion>;
  /** Update-limit overrides by host. */
  limits: Map<string, LimitOverrides>;
}

/** The settings of a portals file's lines; a line that is not a URL or names an unknown division code is a usage error. */
export function portalSettings(lines: readonly PortalLine[]): PortalSettings {
  const regions = new Map<string, PortalRegion>();
  const limits = new Map<string, LimitOverrides>();
  for (const l of lines) {
    if (!l.region && !l.level && !l.limits) continue;
    let host: string;
    try {
      host = new URL(l.url).host.toLowerCase();
    } catch {
      throw new UsageError(`--portals: not a URL: ${l.url}`);
    }
    if (l.limits) limits.set(host, l.limits);
    if (!l.region && !l.level) continue;
    const o: PortalRegion = { ...(l.region ? { region: l.region } : {}), ...(l.level ? { level: l.level as RegionLevel } : {}) };
    const problem = overrideProblem(o);
    if (problem) throw new UsageError(`--portals: ${l.url}: ${problem}`);
    regions.set(host, o);
  }
  return { regions, limits };
}
