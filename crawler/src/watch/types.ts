/**
 * What `gongkai watch` finds after a run: alerts, each saying what, where (a link), since when and by
 * which rule. Conditions (a column stale, empty or about to go stale, a report missing past its
 * deadline) hold until a later run sees them cleared; events (a verdict changed, a new report, a new
 * error finding, new items) happen once, between two runs.
 */
export const CONDITION_KINDS = ['stale', 'empty', 'about-to-stale', 'report-missing', 'unreachable', 'dead-links'] as const;
export const EVENT_KINDS = ['verdict-changed', 'new-report', 'new-error', 'new-items', 'copy-paste'] as const;
export const ALERT_KINDS = [...CONDITION_KINDS, ...EVENT_KINDS] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The kinds a channel gets unless it lists its own: everything but `new-items` (a list, not an alarm). */
export const DEFAULT_KINDS: readonly AlertKind[] = ALERT_KINDS.filter((k) => k !== 'new-items');

export interface Bilingual { zh: string; en: string }

export interface Alert {
  /** Identifies the condition or event: the same key is never sent twice to one channel while it holds. */
  key: string;
  kind: AlertKind;
  /** The portal (home host) it concerns. */
  host: string;
  /** The portal's or agency's name, when known. */
  name: string | null;
  /** The column, for column alerts. */
  column: string | null;
  what: Bilingual;
  /** A link to the page concerned: the column, the report, the annual-report column or the home page. */
  where: string;
  /** ISO date the condition holds since (stale since, late since, last updated on …). */
  since: string;
  rule: Bilingual;
  runId: number;
  /** The run's judging date. */
  judgedOn: string;
}

/** A cycle's findings: alerts, and which condition keys the run could judge (those not alerted have cleared). */
export interface Changes {
  runId: number;
  previousRunId: number | null;
  judgedOn: string;
  alerts: Alert[];
  /** Condition keys judged this run (held or cleared). */
  judged: Set<string>;
  /** Key prefixes judged this run (an agency's missing years: `report-missing|<agency>|`). */
  judgedPrefixes: string[];
}

export const isCondition = (k: AlertKind): boolean => (CONDITION_KINDS as readonly string[]).includes(k);
