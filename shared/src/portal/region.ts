/**
 * Where an agency is and what tier it is: its administrative division (GB/T 2260 code and name, a
 * 9-digit statistical code for a township) and its level (province / city / county / township
 * government, or a department of one). Read from the agency's own name — the division names it
 * contains, longest first, each within the one before (浙江省嘉兴市南湖区) — and, where a name fits
 * several divisions (鼓楼区 is in 南京, 福州, 徐州 and 开封), settled by other names of the same
 * portal (its home page title, its other agencies). When nothing settles it the region stays empty
 * with a note saying why: a region is never guessed.
 *
 * The rule takes the division table as an argument; `loadDivisions()` (@gongkai/shared/node) reads
 * the bundled one.
 */

/** A division's tier in the table: 2-digit province, 4-digit prefecture, 6-digit county, 9-digit township. */
export type DivisionKind = 'province' | 'city' | 'county' | 'township';
/** An agency's level: a government of one of the four tiers, or a department (any tier; the region says which). */
export type RegionLevel = DivisionKind | 'department';
export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'county', 'township', 'department'];

export interface Division {
  /** GB/T 2260 six-digit code (330400); for a township its nine-digit statistical code (330127100). */
  code: string;
  name: string;
  kind: DivisionKind;
  /** The code of the division it is in (null for a province). */
  parent: string | null;
}

export interface DivisionIndex {
  byCode: Map<string, Division>;
  byName: Map<string, Division[]>;
  /** Longest indexed name, in characters (bounds the name scan). */
  maxLen: number;
}

/** Placeholder names of the table that are not divisions anyone names (市辖区, 县, 省直辖县级行政区划). */
const PLACEHOLDER = /^(市辖区|县|.*直辖县级行政区划)$/;

/** Indexes a division table by code and by name (a township's 街道办事处 is also found as 街道). */
export function divisionIndex(divisions: Iterable<Division>): DivisionIndex {
  const byCode = new Map<string, Division>(), byName = new Map<string, Division[]>();
  let maxLen = 0;
  const add = (name: string, d: Division) => {
    const list = byName.get(name);
    if (list) list.push(d); else byName.set(name, [d]);
    maxLen = Math.max(maxLen, name.length);
  };
  for (const d of divisions) {
    byCode.set(d.code, d);
    if (PLACEHOLDER.test(d.name) || d.name.length < 2) continue;
    add(d.name, d);
    const short = d.name.replace(/办事处$/, '');
    if (short !== d.name && short.length >= 2) add(short, d);
  }
  return { byCode, byName, maxLen };
}

export interface AgencyRegion {
  /** The division's code, or null when the name does not tell it (see `note`). */
  code: string | null;
  name: string | null;
  /** The government tier, `department`, or null when the name is a government of an unknown division. */
  level: RegionLevel | null;
  /** Why the region is empty or how it was settled (null when the name alone says it). */
  note: string | null;
}

/** Names of the same portal that can settle an ambiguous division name: the portal's title, its other agencies. */
export interface RegionContext { names?: (string | null | undefined)[] }

/** `a` is `b` or contains it. */
export function within(index: DivisionIndex, b: string, a: string): boolean {
  for (let c: string | null = b; c; c = index.byCode.get(c)?.parent ?? null) if (c === a) return true;
  return false;
}

interface Token { text: string; end: number; cands: Division[] }

/** Division names in the text, left to right, the longest at each place (嘉兴市南湖区 → 嘉兴市, 南湖区). */
function tokens(index: DivisionIndex, text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < text.length;) {
    let hit: Token | null = null;
    for (let len = Math.min(index.maxLen, text.length - i); len >= 2; len--) {
      const cands = index.byName.get(text.slice(i, i + len));
      if (cands) { hit = { text: text.slice(i, i + len), end: i + len, cands }; break; }
    }
    if (hit) { out.push(hit); i = hit.end; } else i++;
  }
  return out;
}

interface Chain { deepest: Division | null; used: Token[] }

/** The readings of a name that use the most of its division names, each within the one before. */
function readings(index: DivisionIndex, toks: Token[]): Chain[] {
  let chains: Chain[] = [{ deepest: null, used: [] }];
  for (const t of toks) {
    const next: Chain[] = [];
    for (const ch of chains) {
      const fit = ch.deepest ? t.cands.filter((c) => within(index, c.code, ch.deepest!.code) || within(index, ch.deepest!.code, c.code)) : t.cands;
      if (!fit.length) { next.push(ch); continue; }
      for (const c of fit) {
        const deeper = ch.deepest && within(index, ch.deepest.code, c.code) ? ch.deepest : c;
        next.push({ deepest: deeper, used: [...ch.used, t] });
      }
    }
    chains = next;
  }
  const most = Math.max(...chains.map((c) => c.used.length));
  const best = chains.filter((c) => c.used.length === most && c.deepest);
  const seen = new Set<string>();
  return best.filter((c) => !seen.has(c.deepest!.code) && seen.add(c.deepest!.code));
}

/** What follows a division's name when the agency is that division's government. */
const GOVERNMENT = /^(人民政府|政府|人民政府办事处|街道办事处|办事处|街道)?$/;

function levelOf(agency: string, d: Division, lastToken: Token | undefined): RegionLevel {
  const rest = lastToken ? agency.slice(lastToken.end) : agency;
  return GOVERNMENT.test(rest.replace(/[（(].*[)）]$/, '')) ? d.kind : 'department';
}

const describe = (index: DivisionIndex, d: Division): string => {
  const names: string[] = [];
  for (let c: Division | undefined = d; c; c = c.parent ? index.byCode.get(c.parent) : undefined) if (!PLACEHOLDER.test(c.name)) names.unshift(c.name);
  return `${d.code} ${names.join('')}`;
};

/** The divisions a name reads as on its own (several when ambiguous, none when it names none). */
function candidates(index: DivisionIndex, name: string): { chains: Chain[]; toks: Token[] } {
  const toks = tokens(index, name.replace(/\s+/g, ''));
  return { chains: toks.length ? readings(index, toks) : [], toks };
}

/**
 * The region and level of an agency from its name, with the portal's other names to settle a
 * division name that fits several places. Never guesses: an unsettled name gives `code: null` and a
 * note listing the candidates.
 */
export function regionOfAgency(index: DivisionIndex, agency: string | null | undefined, ctx: RegionContext = {}): AgencyRegion {
  const name = (agency ?? '').replace(/\s+/g, '');
  if (!name) return { code: null, name: null, level: null, note: 'no agency name' };
  // Without a division the tier of a government is unknown; anything else is a department.
  const govLevel = /(人民政府|政府|办事处)$/.test(name) ? null : 'department';
  const { chains, toks } = candidates(index, name);
  if (!chains.length) return { code: null, name: null, level: govLevel, note: 'no division name in the agency name' };
  let chosen = chains.length === 1 ? chains[0]! : null;
  let note: string | null = null;
  if (!chosen) {
    // Evidence from the portal: each other name that reads as exactly one division.
    const known: { name: string; d: Division }[] = [];
    for (const other of ctx.names ?? []) {
      if (!other || other.replace(/\s+/g, '') === name) continue;
      const c = candidates(index, other).chains;
      if (c.length === 1) known.push({ name: other, d: c[0]!.deepest! });
    }
    const fits = chains.filter((ch) => known.some((k) => within(index, ch.deepest!.code, k.d.code) || within(index, k.d.code, ch.deepest!.code)));
    const list = chains.slice(0, 6).map((c) => describe(index, c.deepest!)).join('; ') + (chains.length > 6 ? `; … ${chains.length} in all` : '');
    const what = chains[0]!.used.map((t) => t.text).join('');
    if (fits.length !== 1) {
      return { code: null, name: null, level: govLevel, note: `${what} fits ${chains.length} divisions (${list}); ${fits.length ? 'the portal\'s other names fit several' : 'no other name of the portal settles it'}` };
    }
    chosen = fits[0]!;
    const by = known.find((k) => within(index, chosen!.deepest!.code, k.d.code) || within(index, k.d.code, chosen!.deepest!.code))!;
    note = `${what} fits ${chains.length} divisions; settled by the portal's ${by.name}`;
  }
  const d = chosen.deepest!;
  const dropped = toks.filter((t) => !chosen!.used.includes(t)).map((t) => t.text);
  if (dropped.length) note = [note, `ignored ${dropped.join('、')} (not within ${d.name})`].filter(Boolean).join('; ');
  return { code: d.code, name: d.name, level: levelOf(name, d, chosen.used.at(-1)), note };
}
