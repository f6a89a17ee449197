/**
 * @gongkai/shared/browser — the public API without cheerio: what the extension bundles. Read a page
 * with `parseDom(document)`; everything else is as in `@gongkai/shared`.
 */
export * from './model/labels.js';
export * from './model/report.js';
export * from './extract/types.js';
export * from './errors.js';
export * from './checks/types.js';
export { parseValue, makeCell, isValueText } from './values/parse-cell.js';
export { decodeBytes, sniffKind, type SniffedKind } from './extract/decode.js';
export { checkReport, type CheckOptions } from './checks/run.js';
export { CHECKS, checkInfo, type CheckInfo } from './checks/catalogue.js';
export { toContract, type ContractJson, type DoubtfulCell } from './output/contract.js';
export { tidyCells, type CellState, type TidyCell } from './output/tidy.js';
export { isContract, reportFromContract, type ContractLike } from './output/from-contract.js';
export { compareYears, type YearComparison } from './history/compare.js';
export { isLikelyReportPage } from './parse/detect.js';
export { extractDom, extractWith, type NodeCollector, type TreeAdapter } from './extract/tree-walk.js';
export { extractText } from './extract/text.js';
export { parseExtracted, parseDom, parseText, type DomParseOptions, type ParseOptions, type ParseResult } from './parse/parse-report.js';
export { PARSE_TIMEOUT_MS } from './parse/budget.js';
// Portal rules (one home each): Article 49 deadlines, the check-list's column rules and portal verdict, dates on portals.
export {
  agencyKind, ARTICLE49_DEADLINES, DeadlineError, isDeadline, judgeTimeliness, lastDueYear, missingReportYears, reportDeadline, resolveDeadlines,
  type AgencyKind, type Deadlines, type Timeliness,
} from './portal/deadline.js';
export {
  CHECKLIST_THRESHOLDS, classifyColumn, COLUMN_CATEGORIES, columnFreshness, columnLimitDays, isColumnCategory, judgeColumn,
  type ColumnCategory, type ColumnJudgement, type ColumnState, type Freshness, type Thresholds,
} from './portal/columns.js';
export { judgePortal, type PortalFault, type PortalRule, type PortalRuleId, type PortalState, type PortalVerdict } from './portal/verdict.js';
export { dateFromUrl, daysBetween, isoDate, isoDay, parseDate, publishedDateFromText } from './portal/dates.js';
