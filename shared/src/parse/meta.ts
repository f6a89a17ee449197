/** Title, agency, year and template of a report. */
import type { Template } from '../model/labels.js';
import { squashHalfWidth } from '../text/normalize.js';
import { splitTitle, titleSiteAgency } from './title-agency.js';

const REPORT_WORDS = /(政府信息公开|政务公开|信息公开)?(工作)?(年度)?(报告|年报)/g;

/**
 * The title block: the first non-empty lines up to the one that says 报告/年报, plus a following
 * short line that names the agency (seed 003 prints the agency under the title).
 */
export function titleBlock(lines: string[], docTitle: string | null): string {
  const t = docTitle ? squashHalfWidth(docTitle) : '';
  if (/报告|年报/.test(t) && /\d{4}/.test(t)) return t;
  const parts: string[] = [];
  let i = 0;
  for (; i < lines.length && parts.length < 5; i++) {
    const l = lines[i]!.trim();
    if (!l || l.startsWith('\u0000')) continue;
    if (/^[一二三四五六七八九十]+\s*[、.．]/.test(l) || l.length > 48) break;
    parts.push(squashHalfWidth(l));
    if (/报告|年报/.test(parts.join(''))) break;
  }
  let block = parts.join('');
  if (!/报告|年报/.test(block)) return t || '';
  for (i++; i < lines.length; i++) {
    const l = squashHalfWidth(lines[i]!);
    if (!l) continue;
    if (l.length <= 20 && /(局|委|办|厅|署|院|政府|中心|分局|委员会|办公室)$/.test(l)) block += l;
    break;
  }
  return block;
}

/** Reporting year from the title ("2020年度", "2020 年"), else from the statistical period. */
export function reportYear(title: string, periodFrom: string | null, text: string): number | null {
  const m = /(20\d{2}|19\d{2})年/.exec(title) ?? /(20\d{2})/.exec(title);
  if (m) return Number(m[1]);
  if (periodFrom) return Number(periodFrom.slice(0, 4));
  const head = squashHalfWidth(text.slice(0, 600));
  const h = /(20\d{2})年(?:度)?(?:政府信息公开|政务公开)/.exec(head);
  return h ? Number(h[1]) : null;
}

/** Agency named in the title block; completed from the body when the title drops the city ("市生态环境局…"). */
/** `body` is the report's opening text, asked for only when the title's agency needs completing. */
export function reportAgency(title: string, body: () => string): string | null {
  // A page title carries the site's name after a separator ("…年度报告__某某区党工委管委会"): the
  // report's own words name the agency; the site's name stands in only when they name none.
  const { report, sites } = splitTitle(title);
  const site = titleSiteAgency(sites);
  let a = report
    .replace(/(19|20)\d{2}年度?/g, '')
    .replace(REPORT_WORDS, '')
    .replace(/关于|的$/g, '')
    .replace(/[《》“”"()（）:：,，。_|]/g, '')
    .trim();
  if (!a || a.length < 2) a = site ?? '';
  else if (site && ((/^[市县区]/.test(a) && site.endsWith(a)) || site === `${a}人民政府`)) a = site;
  if (!a || a.length < 2 || a.length > 40) return null;
  if (/^[市县区]/.test(a)) {
    const flat = squashHalfWidth(body());
    const counts = new Map<string, number>();
    const re = new RegExp(`([\\u4e00-\\u9fa5]{2})${escapeRe(a)}`, 'g');
    for (const m of flat.matchAll(re)) {
      const p = m[1]!;
      if (/[年的和在为与及由]/.test(p)) continue;
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
    if (best) a = best[0] + a;
    else if (a.startsWith('市')) {
      // The title says only 市…局: take the city the body names most often (嘉兴市 …).
      const cities = new Map<string, number>();
      for (const m of flat.matchAll(/([\u4e00-\u9fa5]{2})市/g)) {
        const p = m[1]!;
        if (/[全本各城都区县省州设级地我该此在的年和与及]/.test(p)) continue;
        cities.set(p, (cities.get(p) ?? 0) + 1);
      }
      const city = [...cities.entries()].sort((x, y) => y[1] - x[1])[0];
      if (city && city[1] >= 2) a = city[0] + a;
    }
  }
  return a;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The template the reporting year requires. */
export function templateForYear(year: number | null): Template {
  if (year === null) return 'unknown';
  if (year < 2019) return 'pre-2019';
  return year >= 2021 ? '2021' : '2019';
}
