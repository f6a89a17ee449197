/**
 * robots.txt (RFC 9309): the group for our product token or `*`, Allow/Disallow with `*` and `$`,
 * longest match wins, Allow wins a tie; Crawl-delay honoured as the host's minimum delay.
 * A missing file (4xx) allows everything; an unreachable one (5xx, timeout) disallows everything
 * for this run, as the RFC asks.
 */
export interface Robots {
  allowed(pathAndQuery: string): boolean;
  crawlDelayMs: number | null;
  /** How the file was obtained: 'ok', 'missing', 'unreachable'. */
  status: 'ok' | 'missing' | 'unreachable';
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
