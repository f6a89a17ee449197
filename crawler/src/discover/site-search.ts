/**
 * A portal's own site search, as its pages name it, and what its result pages say. Only a search the
 * page itself names is used — a GET form (`<form action="/was5/web/search"><input name="searchword">`),
 * or a script or link that builds the URL of a known engine (`'/jrobotfront/search.action?webid=3&q=' +
 * …`) — never a guessed endpoint. Known engines: TRS WAS5 (`/was5/web/search`, `searchword`), Hanweb
 * jrobot (`/jrobotfront/search.action` or `/jrobot/search.do`, `q`), TRS 海云 IGS (`/igs/front/search.html`,
 * `searchWord`); any other GET form with a search field is family `form`. A POST-only form is not used.
 */
import type { CheerioAPI } from 'cheerio';
import { findDate, titleFacts } from './urls.js';

export interface SiteSearch {
  family: 'trs-was5' | 'hanweb-jrobot' | 'igs' | 'form';
  /** The search URL without the query field (absolute). */
  action: string;
  /** Fixed parameters the page sends with every query (hidden inputs, the script's literal ones). */
  params: [string, string][];
  /** The parameter that carries the query. */
  field: string;
  /** What on the page names it (the form's action, the script's literal). */
  evidence: string;
}

const ENGINES: { family: SiteSearch['family']; path: RegExp; field: string }[] = [
  { family: 'trs-was5', path: /\/was5\/web\/search\b/i, field: 'searchword' },
  { family: 'hanweb-jrobot', path: /\/jrobot(?:front)?\/search\.(?:action|do)\b/i, field: 'q' },
  { family: 'igs', path: /\/igs\/front\/search\.(?:html|jhtml)\b/i, field: 'searchWord' },
];
/** Names search fields go by, in the order they are preferred. */
const FIELDS = ['searchword', 'searchWord', 'q', 'keyword', 'keywords', 'query', 'wd', 'kw', 'qt', 'text'];
const SEARCHY = /search|sousuo|jrobot|was5|igs|query/i;
/** The literal URL of a known engine in a script or attribute (up to the closing quote). */
const LITERAL = /((?:https?:)?\/\/[\w.-]+(?::\d+)?)?(\/(?:was5\/web\/search|jrobot(?:front)?\/search\.(?:action|do)|igs\/front\/search\.(?:html|jhtml))(?:\?[^"'<>\s\\]*)?)/gi;

const familyOf = (url: string): (typeof ENGINES)[number] | undefined => ENGINES.find((e) => e.path.test(new URL(url).pathname));

function absolute(raw: string, base: string): URL | null {
  try {
    const u = new URL(raw, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Every site search the page names, forms first; one per action URL. */
export function siteSearches($: CheerioAPI, base: string): SiteSearch[] {
  const out: SiteSearch[] = [];
  const add = (s: SiteSearch) => { if (!out.some((o) => o.action === s.action)) out.push(s); };
  $('form').each((_, el) => {
    const f = $(el);
    if ((f.attr('method') ?? 'get').toLowerCase() !== 'get') return;
    const u = absolute(f.attr('action') || base, base);
    if (!u) return;
    const inputs = f.find('input[name], select[name]').toArray().map((i) => ({ name: $(i).attr('name')!, type: ($(i).attr('type') ?? 'text').toLowerCase(), value: $(i).attr('value') ?? '' }));
    const texts = inputs.filter((i) => i.type === 'text' || i.type === 'search');
    const engine = familyOf(u.href);
    const field = (engine && texts.find((i) => i.name === engine.field))
      ?? FIELDS.map((n) => texts.find((i) => i.name === n)).find(Boolean)
      ?? (SEARCHY.test(u.pathname + (f.attr('id') ?? '') + (f.attr('name') ?? '')) ? texts[0] : undefined);
    if (!field) return;
    const params: [string, string][] = [...u.searchParams].filter(([k]) => k !== field.name);
    for (const i of inputs) if (i.type === 'hidden' && i.name !== field.name) params.push([i.name, i.value]);
    u.search = '';
    u.hash = '';
    add({ family: engine?.family ?? 'form', action: u.href, params, field: field.name, evidence: `<form action="${f.attr('action') ?? ''}"> field ${field.name}` });
  });
  // Scripts, links and click handlers that build a known engine's URL ('/was5/web/search?channelid=1&searchword=' + v);
  // form actions are the forms' (a POST-only form is not used).
  const sources = [...$('script').toArray().map((el) => $(el).text()), ...$('a[href], [onclick]').toArray().map((el) => `'${$(el).attr('href') ?? ''}' ${$(el).attr('onclick') ?? ''}`)];
  for (const m of sources.join('\n').matchAll(LITERAL)) {
    const u = absolute((m[1] ?? '') + m[2]!.replace(/&amp;/g, '&'), base);
    const engine = u && familyOf(u.href);
    if (!u || !engine) continue;
    const params: [string, string][] = [...u.searchParams].filter(([k, v]) => k !== engine.field && v !== '');
    u.search = '';
    u.hash = '';
    add({ family: engine.family, action: u.href, params, field: engine.field, evidence: `script: ${m[0].slice(0, 120)}` });
  }
  return out;
}

/** The result page URL of `query` on this search. */
export function searchUrl(s: SiteSearch, query: string): string {
  const u = new URL(s.action);
  for (const [k, v] of s.params) u.searchParams.append(k, v);
  u.searchParams.set(s.field, query);
  return u.href;
}

/** The query for an agency's report of a year: agency name + year + 政府信息公开工作年度报告. */
export const reportQuery = (agency: string, year: number): string => `${agency}${year}年政府信息公开工作年度报告`;

/** A report's title (not a notice about reports: 关于做好…年度报告编制工作的通知). */
const REPORT_TITLE = /(政府信息公开|政务公开|信息公开)(工作)?(年度报告|年报)/;
const NOT_A_REPORT = /^(关于|转发|印发)|通知|编制工作|工作要点|解读|答记者问/;

export interface SearchHit { url: string; title: string; date: string | null }

/**
 * The result links that look like `agency`'s report of `year`: a report title naming that year and
 * no other agency (a title without an agency is accepted); the date printed in the result's block.
 */
export function searchHits($: CheerioAPI, base: string, want: { agency: string; year: number }): SearchHit[] {
  const out: SearchHit[] = [];
  $('a[href]').each((_, el) => {
    const a = $(el);
    const title = (a.attr('title') || a.text()).replace(/\s+/g, '').trim();
    if (!REPORT_TITLE.test(title) || NOT_A_REPORT.test(title)) return;
    const facts = titleFacts(title);
    if (facts.year !== want.year) return;
    if (facts.agency && facts.agency !== want.agency && !facts.agency.includes(want.agency) && !want.agency.includes(facts.agency)) return;
    const u = absolute(a.attr('href')!, base);
    if (!u || /^javascript:/i.test(a.attr('href')!)) return;
    u.hash = '';
    if (out.some((o) => o.url === u.href)) return;
    // The result's own block (the nearest ancestor with more text than the link) prints its date.
    const block = a.parents().toArray().find((p) => $(p).text().replace(/\s+/g, '').length > title.length + 4);
    const date = block ? findDate($(block).text().replace(title, '')) : null;
    out.push({ url: u.href, title, date });
  });
  return out;
}
