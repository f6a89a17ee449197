/**
 * Records from a CMS list API's answer, the same records a list page gives (records.ts):
 * - Hanweb 大汉 JCMS `dataproxy.jsp`: `<datastore><totalrecord>N</totalrecord><recordset><record><![CDATA[<li>…</li>]]></record>…`
 *   (also inline in the column page as `<script type="text/xml"><datastore>…`);
 * - JSON: an HTML fragment in a string field (Hanweb JPaaS `build/unit`: `{"data":{"html":"<ul>…"}}`), or an
 *   array of objects with a title and a URL field (TRS 海云 `datas`/`list`, Epoint 新点 `infodata` …), a
 *   date field read as the printed date; the total from a `total`/`recordCount`/`count` field.
 * An answer that is neither is `null` (the caller says so; it is never an empty list).
 */
import { load } from 'cheerio';
import { findDate } from './urls.js';
import { listRecords, type ListRecord } from './records.js';

export interface ApiAnswer { records: ListRecord[]; total: number | null; evidence: string | null }

const CDATA = /<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/g;
const TITLE_KEY = /^(title|doctitle|infotitle|subject|name|bt)$/i;
const URL_KEY = /^(url|href|link|docpuburl|puburl|docurl|infourl|linkurl)$/i;
const DATE_KEY = /^(date|time|pubdate|publishdate|publishtime|docreltime|reltime|infodate|createtime|fbrq|pubtime)$/i;
const TOTAL_KEY = /^(total|totalrecord|totalcount|recordcount|count|totalnum)$/i;
const MAX_DEPTH = 8;

/** Records of a Hanweb `<datastore>` (answer or inline script), or null when the text holds none. */
export function datastoreRecords(text: string, base: string): ApiAnswer | null {
  if (!/<datastore[\s>]/i.test(text)) return null;
  const frags = [...text.matchAll(CDATA)].map((m) => m[1]!);
  const tr = text.match(/<totalrecord>\s*(\d{1,12})\s*<\/totalrecord>/i);
  const records = frags.length ? listRecords(load(`<ul>${frags.join('')}</ul>`), base) : [];
  return { records, total: tr ? Number(tr[1]) : null, evidence: tr ? tr[0] : null };
}

/** Records of a list API's answer (Hanweb XML or JSON), or null when it is neither. */
export function apiRecords(text: string, base: string): ApiAnswer | null {
  const body = text.replace(/^\uFEFF/, '').trim();
  const xml = datastoreRecords(body, base);
  if (xml) return xml;
  let json: unknown;
  try {
    // JSONP (callback({...})) is unwrapped.
    const m = body.match(/^[\w$.]+\(([\s\S]*)\)\s*;?$/);
    json = JSON.parse(m ? m[1]! : body);
  } catch {
    return null;
  }
  const total = findTotal(json, 0);
  const html = findHtml(json, 0);
  if (html !== null) return { records: listRecords(load(html), base), total: total?.n ?? null, evidence: total?.evidence ?? null };
  const rows = findRows(json, 0);
  if (!rows) return total ? { records: [], total: total.n, evidence: total.evidence } : null;
  const records: ListRecord[] = [];
  for (const r of rows) {
    const rec = rowRecord(r, base);
    if (rec && !records.some((x) => x.url === rec.url)) records.push(rec);
  }
  return { records, total: total?.n ?? null, evidence: total?.evidence ?? null };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const field = (o: Obj, re: RegExp): unknown => Object.entries(o).find(([k]) => re.test(k))?.[1];

function rowRecord(o: Obj, base: string): ListRecord | null {
  const title = field(o, TITLE_KEY), href = field(o, URL_KEY), date = field(o, DATE_KEY);
  if (typeof title !== 'string' || typeof href !== 'string' || !title.trim() || !href.trim()) return null;
  let url: string;
  try {
    url = new URL(href.trim(), base).href;
  } catch {
    return null;
  }
  const printed = typeof date === 'string' || typeof date === 'number' ? findDate(String(date)) : null;
  const clean = load(`<p>${title}</p>`)('p').text().replace(/\s+/g, ' ').trim(); // titles may carry <em> highlights
  return { url, title: clean, date: printed, dateSource: printed ? 'printed' : null };
}

/** The first array of objects having a title and a URL field, depth first. */
function findRows(v: unknown, depth: number): Obj[] | null {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(v)) {
    const objs = v.filter(isObj);
    if (objs.length && objs.some((o) => field(o, TITLE_KEY) !== undefined && field(o, URL_KEY) !== undefined)) return objs;
    for (const x of v) { const r = findRows(x, depth + 1); if (r) return r; }
    return null;
  }
  if (!isObj(v)) return null;
  for (const x of Object.values(v)) { const r = findRows(x, depth + 1); if (r) return r; }
  return null;
}

/** An HTML fragment holding links (`data.html`). */
function findHtml(v: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH || !isObj(v)) return null;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string' && /^(html|content|listhtml)$/i.test(k) && /<a\s/i.test(x)) return x;
    const r = findHtml(x, depth + 1);
    if (r !== null) return r;
  }
  return null;
}

function findTotal(v: unknown, depth: number): { n: number; evidence: string } | null {
  if (depth > MAX_DEPTH || !isObj(v)) return null;
  for (const [k, x] of Object.entries(v)) {
    const n = typeof x === 'number' ? x : typeof x === 'string' && /^\d{1,12}$/.test(x) ? Number(x) : NaN;
    if (TOTAL_KEY.test(k) && Number.isSafeInteger(n) && n >= 0) return { n, evidence: `"${k}": ${n}` };
  }
  for (const x of Object.values(v)) { const r = findTotal(x, depth + 1); if (r) return r; }
  return null;
}
