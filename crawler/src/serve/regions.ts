/**
 * Each portal's region and level for the dashboard's filters: the export's resolver (export/regions.ts,
 * @gongkai/shared's rule on the portal's name), with the portals file's `region=`/`level=` overrides by host.
 */
import { regionResolver, type PortalRegion } from '../export/regions.js';
import type { DashboardRegionOf } from './queries.js';

export function portalRegions(overrides: Map<string, PortalRegion> = new Map()): DashboardRegionOf {
  const of = regionResolver([], [], overrides);
  return (name, host) => of(name, host) ?? { code: null, name: null, level: null };
}
