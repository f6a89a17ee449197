/**
 * The agency a page title names, without the site name portals append to every title:
 * "某某区2020年政府信息公开工作年度报告__某某区党工委管委会", "…年度报告 - 广州市人民政府门户网站",
 * "…年度报告｜上海市黄浦区人民政府", "…年度报告——某某县人民政府网", "…年度报告某某市政府信息公开平台";
 * and without the words a CMS or the editor wraps round the report's own title: a tag in brackets
 * ("【年报】…", "〔转载〕…", "[图文]…"), a note in parentheses ("…年度报告（全文）", "（摘要）", "（修订版）"),
 * a notice about the report ("关于…年度报告的公告", "关于印发…年度报告的通知").
 */
import { toHalfWidth } from '../text/normalize.js';

/** Separators between a page's own title and the site's name (after half-width folding: ｜ → |, － → -). */
const SEPARATOR = /_+|\|+|—+|–+|-+|·+|>+/;

/** Words that name a web site or a column rather than the agency; stripped from the end, repeatedly. */
const SITE_TAIL = /(?:政府信息公开(?:平台|网|专栏|目录)?|政务公开(?:平台|网|专栏)?|信息公开(?:平台|网|专栏|目录)?|门户网站|官方网站|网站|门户|官网|政务网|网)$/;

/** Endings of an agency's name (局, 委员会, 人民政府, 街道办事处, 管委会 …). */
const AGENCY_END = /(?:局|委|办|厅|署|院|政府|中心|委员会|办公室|管委会|工委|街道|办事处|镇|乡|区|县|市|州|盟|旗|所|站|处|队|馆|会)$/;

const REPORT = /报告|年报/;

/** A tag in brackets at the start or end of a title part (after half-width folding: （全文） → (全文)). */
const LEAD_TAG = /^(?:【([^】]*)】|〔([^〕]*)〕|\[([^\]]*)\]|\(([^)]*)\)|「([^」]*)」)/;
const TAIL_TAG = /(?:【([^】]*)】|〔([^〕]*)〕|\[([^\]]*)\]|\(([^)]*)\)|「([^」]*)」)$/;
/** A notice that publishes the report: "关于[印发|发布|公布|公开]…的公告/通知/通告/公示". */
const NOTICE = /^关于(?:印发|发布|公布|公开|刊发|刊登)?(.+?(?:报告|年报).*?)的(?:公告|通知|通告|公示|函)$/;

/**
 * A bracketed tag's replacement: an agency's name stays (unbracketed), anything else — 年报, 全文,
 * 摘要, 修订版, a year or document number — goes.
 */
function tagKeeps(m: RegExpExecArray): string {
  const inner = m.slice(1).find((x) => x !== undefined) ?? '';
  return inner.length >= 2 && !REPORT.test(inner) && !/\d/.test(inner) && AGENCY_END.test(inner) ? inner : '';
}

/**
 * The report's own title inside a title part: bracketed tags, trailing notes and a "关于…的公告"
 * wrapper removed ("【年报】关于X2020年度…年度报告（全文）的公告" → "X2020年度…年度报告"); half-width folded.
 */
export function unwrapReportTitle(part: string): string {
  let s = toHalfWidth(part).trim();
  for (let k = 0; k < 6; k++) {
    const before = s;
    const lead = LEAD_TAG.exec(s);
    if (lead) s = tagKeeps(lead) + s.slice(lead[0].length);
    const tail = TAIL_TAG.exec(s);
    if (tail && tail.index > 0) s = s.slice(0, tail.index) + tagKeeps(tail);
    const notice = NOTICE.exec(s);
    if (notice) s = notice[1]!;
    s = s.trim();
    if (s === before) break;
  }
  return s;
}

export interface TitleParts {
  /** The part that names the report ("某某区2020年政府信息公开工作年度报告"). */
  report: string;
  /** The other parts: site and column names, in title order. */
  sites: string[];
}

/** Splits a title (spaces already squashed) into the report's own title and the appended site names. */
export function splitTitle(title: string): TitleParts {
  // A part that is only a tag ("[年报]-…") goes with its brackets.
  const parts = toHalfWidth(title).split(SEPARATOR).map(unwrapReportTitle).filter(Boolean);
  const at = parts.findIndex((p) => REPORT.test(p));
  if (at < 0) return { report: parts.join(''), sites: [] };
  let report = parts[at]!;
  const sites = parts.filter((_, i) => i !== at);
  // A site name glued to the report words with no separator ("…年度报告某某市人民政府门户网站").
  const glued = /^(.*(?:报告|年报))([^的（(》」”].+)$/.exec(report);
  if (glued && (SITE_TAIL.test(glued[2]!) || AGENCY_END.test(glued[2]!))) {
    report = glued[1]!;
    sites.unshift(glued[2]!);
  }
  return { report, sites };
}

/** The agency a site or column name stands for, or null ("广州市人民政府门户网站" → 广州市人民政府; "政府信息公开" → null). */
export function siteAgency(site: string): string | null {
  let s = site.replace(/[《》“”"()（）:：,，。\s]/g, '');
  for (let k = 0; k < 4 && SITE_TAIL.test(s); k++) s = s.replace(SITE_TAIL, '');
  if (s.length < 2 || s.length > 30 || REPORT.test(s) || /\d/.test(s)) return null;
  return AGENCY_END.test(s) ? s : null;
}

/** The first site part that names an agency, or null. */
export function titleSiteAgency(sites: readonly string[]): string | null {
  for (const s of sites) {
    const a = siteAgency(s);
    if (a) return a;
  }
  return null;
}
