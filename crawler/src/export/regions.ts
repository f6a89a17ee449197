/**
 * The export's `regionOf`: each agency's region and level by @gongkai/shared's rule (from its name,
 * settled by its portal's other names), unless the portal's `--portals` line sets them.
 */
import { loadDivisions, regionOfAgency, type DivisionIndex, type RegionLevel } from '@gongkai/shared/node';
import type { StoredDoc } from '../store/types.js';
import type { RegionInfo, RegionOf } from './values.js';

/** What a `--portals` line sets for its portal's agencies: `region=<code>` and/or `level=<level>`. */
export interface PortalRegion { region?: string; level?: RegionLevel }

/**
 * A resolver for the documents of one run. `portals`: each host's portal name (the home page's
 * title), context for ambiguous names; `overrides`: by host.
 */
export function regionResolver(docs: Pick<StoredDoc, 'agency' | 'host'>[], portals: { host: string; name: string | null }[],
  overrides: Map<string, PortalRegion> = new Map(), index: DivisionIndex = loadDivisions()): RegionOf {
  const names = new Map<string, Set<string>>();
  const addName = (host: string, n: string | null) => {
    if (!n) return;
    const set = names.get(host) ?? new Set<string>();
    set.add(n);
    names.set(host, set);
  };
  for (const p of portals) addName(p.host, p.name);
  for (const d of docs) addName(d.host, d.agency);
  const memo = new Map<string, RegionInfo>();
  return (agency, host) => {
    const key = `${host}\u0000${agency ?? ''}`;
    let r = memo.get(key);
    if (!r) {
      r = { ...regionOfAgency(index, agency, { names: [...(names.get(host) ?? [])] }) };
      const o = overrides.get(host.toLowerCase());
      if (o?.region || o?.level) {
        const set = [o.region ? 'region' : '', o.level ? 'level' : ''].filter(Boolean).join(' and ');
        r = { code: o.region ?? r.code, name: o.region ? index.byCode.get(o.region)?.name ?? null : r.name, level: o.level ?? r.level,
          note: `${set} set in --portals${!o.region && r.note ? `; ${r.note}` : ''}` };
      }
      memo.set(key, r);
    }
    return r;
  };
}

/** What is wrong with an override (an unknown division code); null when sound. */
export function overrideProblem(o: PortalRegion, index: DivisionIndex = loadDivisions()): string | null {
  if (o.region && !index.byCode.has(o.region)) return `region=${o.region} is not a division code (GB/T 2260 six digits, or nine for a township)`;
  return null;
}
