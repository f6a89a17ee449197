/**
 * Article 49 of the Regulation on Open Government Information: which agency publishes its annual
 * report by when. The one home of this rule: the report checks (timeliness.deadline), the crawler
 * (crawl.report-missing) and the extension's annual-report column all ask here.
 *
 * - County-level-and-above governments (…省/市/县/区/州/盟/旗人民政府, 自治区/自治州/自治县/自治旗, also
 *   written …市政府): by 31 March of the following year.
 * - Their departments (…局, …委, …办, …厅, 分局 …) — and the government's own office
 *   (人民政府办公室/办公厅, a department although it compiles the government's report): by 31 January.
 * - Townships and sub-districts (…镇/乡/苏木人民政府, …街道办事处) are not county-level governments;
 *   they report with the departments, by 31 January.
 * - Any other name is `unknown`: no deadline is picked for it. Callers conclude only what holds
 *   under both dates (late after the later one, on time by the earlier one) and say so otherwise.
 *
 * Local rules may be stricter (a city asking its departments for 28 January): the dates are
 * configurable (`gongkai parse --deadline-department/--deadline-government`).
 */

export type AgencyKind = 'government' | 'department' | 'unknown';

/** Deadlines as MM-DD of the year after the reporting year. */
export interface Deadlines { department: string; government: string }

/** The national dates of Article 49. */
export const ARTICLE49_DEADLINES: Readonly<Deadlines> = Object.freeze({ department: '01-31', government: '03-31' });

const TOWNSHIP = /(镇|乡|苏木)(人民)?政府$|街道(办事处|办|工委|党工委)?$/;
const OFFICE = /政府(办公室|办公厅)$/;
const GOVERNMENT = /(省|市|县|区|州|盟|旗)(人民)?政府$|^国务院$/;
const DEPARTMENT = /(局|委员会|委|办公室|办公厅|办|厅|署|院|会|所|站|中心|处|部|室|馆|队|社)$/;

/** Government, department or unknown, from the agency's name (whitespace and a trailing 的 ignored). */
export function agencyKind(agency: string | null | undefined): AgencyKind {
  const a = (agency ?? '').replace(/\s+/g, '').replace(/的$/, '');
  if (!a) return 'unknown';
  if (TOWNSHIP.test(a) || OFFICE.test(a)) return 'department';
  if (GOVERNMENT.test(a)) return 'government';
  if (DEPARTMENT.test(a)) return 'department';
  return 'unknown';
}

const MMDD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a valid MM-DD deadline such as 01-31. */
export function isDeadline(s: string): boolean {
  return MMDD.test(s);
}

/** A deadline override that is not MM-DD. */
export class DeadlineError extends Error {
  constructor(readonly value: string, readonly which: keyof Deadlines) {
    super(`Deadline for ${which}s must be MM-DD (e.g. 01-31), got "${value}"`);
    this.name = 'DeadlineError';
  }
}

/** The national dates with the given overrides applied; throws DeadlineError for a value that is not MM-DD. */
export function resolveDeadlines(overrides: Partial<Deadlines> = {}): Deadlines {
  const out = { ...ARTICLE49_DEADLINES };
  for (const k of ['department', 'government'] as const) {
    const v = overrides[k];
    if (v === undefined) continue;
    if (!isDeadline(v)) throw new DeadlineError(v, k);
    out[k] = v;
  }
  return out;
}

/**
 * The last day a report of `year` may be published: one date for a known kind; for `unknown` the
 * earlier and the later of the two (department and government dates, whichever order they are in).
 */
export function reportDeadline(year: number, kind: AgencyKind, deadlines: Deadlines = ARTICLE49_DEADLINES): { earliest: string; latest: string } {
  const at = (mmdd: string) => `${year + 1}-${mmdd}`;
  if (kind !== 'unknown') {
    const d = at(deadlines[kind]);
    return { earliest: d, latest: d };
  }
  const [a, b] = [at(deadlines.department), at(deadlines.government)].sort();
  return { earliest: a!, latest: b! };
}

export type Timeliness =
  | { status: 'on-time'; deadline: string }
  | { status: 'late'; deadline: string; days: number }
  /** Published between the two dates by an agency whose kind is unknown: late for a department only. */
  | { status: 'unknown-kind'; earliest: string; latest: string };

/** Whether a report of `year` published on `publishedAt` (ISO) met the deadline of its agency's kind. */
export function judgeTimeliness(year: number, publishedAt: string, kind: AgencyKind, deadlines: Deadlines = ARTICLE49_DEADLINES): Timeliness {
  const { earliest, latest } = reportDeadline(year, kind, deadlines);
  if (publishedAt > latest) return { status: 'late', deadline: latest, days: Math.round((Date.parse(publishedAt) - Date.parse(latest)) / 86_400_000) };
  if (publishedAt <= earliest) return { status: 'on-time', deadline: earliest };
  return { status: 'unknown-kind', earliest, latest };
}

/**
 * The latest reporting year whose report must be out on `today` (ISO): the deadline day itself still
 * counts as in time. For an unknown kind the later date is used, so nothing is called missing too early.
 */
export function lastDueYear(today: string, kind: AgencyKind, deadlines: Deadlines = ARTICLE49_DEADLINES): number {
  const y = Number(today.slice(0, 4));
  const { latest } = reportDeadline(y - 1, kind, deadlines);
  return today > latest ? y - 1 : y - 2;
}

/** Reporting years after `latestYear` up to the last one due on `today`: the reports that should be out but are not listed. */
export function missingReportYears(latestYear: number, today: string, kind: AgencyKind, deadlines: Deadlines = ARTICLE49_DEADLINES): number[] {
  const out: number[] = [];
  for (let y = latestYear + 1; y <= lastDueYear(today, kind, deadlines); y++) out.push(y);
  return out;
}
