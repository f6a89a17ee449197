/**
 * What a URL on a government portal is: an article (TRS t20200120_80576.htm, Hanweb art_1229_N.html,
 * post_N.html, ?id=N), an attachment (.pdf/.doc/.docx/.wps/.xls…), or a column/list page. Dates as
 * list pages print them and as URLs encode them are @gongkai/shared's (re-exported here).
 */
export const ARTICLE_RE = /\/t\d{8}_\d+\.s?html?$|\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.s?html$|\/content\/post_\d+\.s?html$|\/(?:content|detail|article|info)[^/]*\.(?:s?html?|jsp|aspx?|php)\?.*\b(?:id|articleId|docid|infoid)=\w+/i;
export const ATTACHMENT_RE = /\.(pdf|docx?|wps|xlsx?|et|ofd|rar|zip)$/i;

export type UrlKind = 'article' | 'attachment' | 'page';

export function urlKind(u: URL): UrlKind {
  if (ATTACHMENT_RE.test(u.pathname)) return 'attachment';
  if (ARTICLE_RE.test(u.pathname + u.search)) return 'article';
  return 'page';
}

/** The key of a column: its first list page, without index.html/index.shtml (and their page forms index_N.html, index_<comp>_N.html), page parameters or fragment. */
export function columnKey(raw: string): string {
  const u = new URL(raw);
  u.hash = '';
  for (const p of ['page', 'pageNo', 'pageNum', 'PageIndex', 'currPage', 'pn', 'p']) u.searchParams.delete(p);
  u.pathname = u.pathname.replace(/\/(?:index|default)(?:_\d+){0,2}\.s?html?$/i, '/').replace(/\/column-index-\d+\.shtml$/i, '/');
  return u.href;
}

/**
 * Whether `url`, named by a column's own pager, is a page of the column keyed `key`: the same key, or
 * the key's list file with a page number (`news-list-jdyw.html` → `news-list-jdyw-2.html`, `list_2.html`).
 */
export function isPageOf(url: string, key: string): boolean {
  const k = columnKey(url);
  if (k === key) return true;
  const a = new URL(k), b = new URL(key);
  if (a.origin !== b.origin || a.search !== b.search) return false;
  const m = /^(.*\/)([^/]+?)[-_]\d{1,6}(\.s?html?)$/i.exec(a.pathname);
  return !!m && b.pathname === `${m[1]}${m[2]}${m[3]}`;
}

// Dates in list rows and in URLs are portal rules of @gongkai/shared (one home); the names the
// discover code uses are kept here.
export { parseDate as findDate, dateFromUrl } from '@gongkai/shared';

/** Agency and year from a report's list title: "杭州市生态环境局2020年政府信息公开工作年度报告". */
export function titleFacts(title: string | null): { agency: string | null; year: number | null } {
  if (!title) return { agency: null, year: null };
  const m = title.replace(/\s+/g, '').match(/^(.*?)((?:19|20)\d{2})\s*年/);
  if (!m) return { agency: null, year: null };
  const agency = m[1]!.replace(/^(关于|公布|发布)/, '').replace(/[（(【\[].*$/, '').trim();
  return { agency: agency.length >= 2 ? agency : null, year: Number(m[2]) };
}
