/** Each portal's region and level for the dashboard's filters, by @gongkai/shared's rule (from the portal's name), memoised. */
import { loadDivisions, regionOfAgency, type DivisionIndex } from '@gongkai/shared/node';

export function portalRegions(): (name: string | null, host: string) => { code: string | null; name: string | null; level: string | null } {
  let index: DivisionIndex | null = null;
  const memo = new Map<string, { code: string | null; name: string | null; level: string | null }>();
  return (name) => {
    const k = name ?? '';
    let r = memo.get(k);
    if (!r) {
      const a = regionOfAgency((index ??= loadDivisions()), name);
      r = { code: a.code, name: a.name, level: a.level };
      memo.set(k, r);
    }
    return r;
  };
}
