/**
 * A column whose later pages come only from its CMS's XHR list API, and the requests that fetch them
 * directly over HTTP — only where the page's own script names the endpoint and its parameters (never a
 * guessed endpoint). Families:
 * - Hanweb 大汉 JCMS jpage: the first group of records inline (`<script type="text/xml"><datastore>`),
 *   `totalRecord`, `perPage`, `groupSize`, `proxyUrl` (…/dataproxy.jsp) and `ajaxParam: param_N` with
 *   `var param_N = {col:1, webid:…, columnid:…, unitid:…}`; each further group is
 *   `dataproxy.jsp?startrecord=a&endrecord=b&perpage=p&<param_N>` (the server reads the same
 *   parameters from the query as from the form the script posts).
 * - TRS WCM/海云 listModel. As a real page prints it (test/fixtures/real-portals/fujian-pingtan-trs-listmodel):
 *   `require(["list2.trsapi"], function (listModel) { listModel({ quickMode: "动静结合", maxStaticIndex: 1,
 *   listArgs: { channelid, classsql, sortfield }, pagebar: { prepage, recordCount } }) })` — the first
 *   `maxStaticIndex` pages static, the rest from the list API, whose endpoint is in the CMS script
 *   (`list2.trsapi`), not in the page: no request is planned (`endpoint` null, `reason` says so) and the
 *   crawl lets the page's own script load the later pages in the browser (crawl/routes/column.ts).
 *   Public scrapers of Fujian TRS sites POST the listArgs with `page`/`prepage` to `/fjdzapp/search`;
 *   that is one province's deployment, so it is never assumed. Only a configuration that names its
 *   endpoint (`url: '…', params: {…}`) is called directly: `url?<params>&curpage=N&prepage=P` (no real
 *   page of that variant has been seen; docs/crawler.md).
 * - Hanweb JPaaS `unitbuild.js` (集约化 platforms), Epoint 新点 (`EpointWebBuilder/rest/…`, or its
 *   WebBuilder script `webBuilderCommon.js` alone, as the real 湖北 page has it:
 *   test/fixtures/real-portals/hubei-ggzy-epoint-article), Kaipu 开普 `/kpcms/`… (not the 开普云
 *   找错 widget `pucha.kaipuyun.cn/exposure/jiucuo.js`, which sites of every CMS carry): recognised; their paging parameters live in the CMS's script files, not in the page,
 *   so they are not called directly (`reason` says why; the column is judged `incomplete` when it states
 *   more than the crawl reached).
 * Counts are capped before anything is built (a page may claim 10 000 000 records).
 */
import { datastoreRecords } from './api-records.js';
import type { ListRecord } from './records.js';

export type ListApiFamily = 'hanweb-jpage' | 'trs-listmodel' | 'jpaas-unit' | 'epoint' | 'kaipu';

export interface ListApiPlan {
  family: ListApiFamily;
  /** The endpoint the page names, absolute (null when it names none). */
  endpoint: string | null;
  /** GET URLs of the later pages/groups, at most the cap. */
  requests: string[];
  /** Records the page carries inline for the API (Hanweb's first group), else empty. */
  first: ListRecord[];
  /** The total the configuration states, with the text that states it. */
  total: { records: number; evidence: string } | null;
  /** Why later pages cannot be called directly, when they cannot. */
  reason: string | null;
  capped: boolean;
}

const NAMES: Record<ListApiFamily, string> = {
  'hanweb-jpage': 'Hanweb jpage', 'trs-listmodel': 'TRS listModel', 'jpaas-unit': 'Hanweb JPaaS unitbuild', epoint: 'Epoint', kaipu: 'Kaipu',
};

const int = (s: string | undefined): number | null => {
  const n = Number(s);
  return s !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : null;
};

/** `key: 12` or `key: '12'` in a script. */
const num = (html: string, key: string): { n: number; text: string } | null => {
  const m = html.match(new RegExp(`\\b${key}["']?\\s*[:=]\\s*["']?(\\d{1,15})`));
  const n = m ? int(m[1]) : null;
  return m && n !== null ? { n, text: m[0] } : null;
};
const str = (html: string, key: string): string | null => html.match(new RegExp(`\\b${key}["']?\\s*[:=]\\s*["']([^"']+)["']`))?.[1] ?? null;

/** A JavaScript object literal of scalars (`{col:1, webid:'3', path:'/'}`) as query parameters. */
export function literalParams(body: string): URLSearchParams | null {
  const out = new URLSearchParams();
  const re = /["']?([A-Za-z_$][\w$]*)["']?\s*:\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?|true|false|null))\s*(?:,|$)/g;
  const inner = body.trim().replace(/^\{|\}$/g, '').trim();
  if (!inner) return out;
  let seen = 0;
  for (const m of inner.matchAll(re)) { out.set(m[1]!, m[2] ?? m[3] ?? m[4]!); seen++; }
  return seen ? out : null;
}

const abs = (u: string, base: string): string | null => { try { return new URL(u, base).href; } catch { return null; } };

/** The list API a column page uses, with the requests for its later pages (see the module comment). */
export function listApi(html: string, base: string, maxPages: number): ListApiPlan | null {
  const limit = Math.max(0, maxPages - 1);
  if (/dataproxy\.jsp|\.jpage\(|<datastore[\s>]/i.test(html)) return hanweb(html, base, limit);
  if (/\bListModel\b|\blistModel\b[\s\S]{0,400}\bpagebar\b/.test(html)) return trs(html, base, limit);
  const plain = (family: ListApiFamily, endpoint: string | null): ListApiPlan => ({
    family, endpoint, requests: [], first: [], total: null, capped: false,
    reason: `later pages come only from the ${NAMES[family]} XHR list API, whose paging parameters the page does not name`,
  });
  const unit = html.match(/<script[^>]*unitbuild\.js[^>]*>/i);
  if (unit) return plain('jpaas-unit', abs(unit[0].match(/\burl=["']([^"']+)["']/i)?.[1] ?? '', base));
  const ep = html.match(/["']([^"'\s]*EpointWebBuilder\/rest\/[^"'\s]+)["']/i);
  if (ep || /EpointWebBuilder|<script[^>]*\/(?:webBuilderCommon|webbuilder[\w.-]*)\.js/i.test(html)) return plain('epoint', ep ? abs(ep[1]!, base) : null);
  // 开普云's 政府网站找错 widget (pucha.kaipuyun.cn/exposure/jiucuo.js) sits on sites of every CMS: not a Kaipu site.
  if (/\/kpcms\/|kaipuyun/i.test(html.replace(/<script[^>]*pucha\.kaipuyun\.cn[^>]*>/gi, ''))) return plain('kaipu', null);
  return null;
}

function hanweb(html: string, base: string, limit: number): ListApiPlan {
  const inline = datastoreRecords(html, base);
  const first = inline?.records ?? [];
  const total = num(html, 'totalRecord');
  const per = num(html, 'perPage')?.n ?? num(html, 'perpage')?.n ?? 15;
  const group = num(html, 'groupSize')?.n ?? 3;
  const proxy = str(html, 'proxyUrl') ?? html.match(/["']([^"'\s]*\/dataproxy\.jsp)[?"']/)?.[1] ?? null;
  const endpoint = proxy ? abs(proxy, base) : null;
  const paramName = html.match(/\bajaxParam\s*:\s*([A-Za-z_$][\w$]*)/)?.[1];
  const literal = paramName ? html.match(new RegExp(`\\b${paramName.replace(/\$/g, '\\$')}\\s*=\\s*(\\{[^}]*\\})`))?.[1] : undefined;
  const params = literal ? literalParams(literal) : null;
  const plan: ListApiPlan = { family: 'hanweb-jpage', endpoint, requests: [], first, total: total ? { records: total.n, evidence: total.text } : null, reason: null, capped: false };
  if (!endpoint || !params || !total || per === 0 || group === 0) {
    plan.reason = `later records come only from the Hanweb jpage XHR list API, and the page does not name its ${!endpoint ? 'endpoint' : !total ? 'totalRecord' : 'ajaxParam parameters'}`;
    return plan;
  }
  const size = per * group;
  const groups = Math.ceil(total.n / size);
  const k = Math.min(Math.max(0, groups - 1), limit);
  plan.capped = groups - 1 > limit;
  plan.requests = Array.from({ length: k }, (_, i) => {
    const u = new URL(endpoint);
    u.searchParams.set('startrecord', String((i + 1) * size + 1));
    u.searchParams.set('endrecord', String((i + 2) * size));
    u.searchParams.set('perpage', String(per));
    for (const [key, v] of params) u.searchParams.set(key, v);
    return u.href;
  });
  return plan;
}

function trs(page: string, base: string, limit: number): ListApiPlan {
  // The listModel configuration: read from where the page names it, not from anywhere on the page.
  const at = page.search(/\b[Ll]istModel\b/);
  const html = page.slice(Math.max(0, at), Math.max(0, at) + 3000);
  const recordCount = num(html, 'recordCount');
  const prepage = num(html, 'prepage');
  const url = str(html, 'url');
  const endpoint = url && /trsapi|\/api\/|\.jsp|\.do|\.action|list|search/i.test(url) ? abs(url, base) : null;
  const paramsBody = html.match(/\bparams\s*:\s*(\{[^}]*\})/)?.[1];
  const params = paramsBody ? literalParams(paramsBody) : new URLSearchParams();
  const plan: ListApiPlan = { family: 'trs-listmodel', endpoint, requests: [], first: [], total: recordCount ? { records: recordCount.n, evidence: recordCount.text } : null, reason: null, capped: false };
  if (!endpoint) {
    // The real form: listArgs and pagebar only; the endpoint is in the CMS script the page requires.
    const script = page.match(/require\(\s*\[\s*["']([^"']*trsapi[^"']*)["']/)?.[1];
    plan.reason = `TRS listModel: the page's configuration names no endpoint${/\blistArgs\s*:/.test(html) ? ' (listArgs and pagebar only)' : ''}${script ? `; it is in the CMS script ${script}` : ''}`;
    return plan;
  }
  if (!recordCount || !prepage || prepage.n === 0 || !params) {
    plan.reason = `later pages come only from the TRS listModel XHR list API, and the page names no ${!recordCount ? 'recordCount' : 'page size (prepage)'}`;
    return plan;
  }
  const pages = Math.ceil(recordCount.n / prepage.n);
  const k = Math.min(Math.max(0, pages - 1), limit);
  plan.capped = pages - 1 > limit;
  plan.requests = Array.from({ length: k }, (_, i) => {
    const u = new URL(endpoint);
    for (const [key, v] of params) u.searchParams.set(key, v);
    u.searchParams.set('curpage', String(i + 2));
    u.searchParams.set('prepage', String(prepage.n));
    return u.href;
  });
  return plan;
}
