/**
 * Findings: what a check says about a report, with the evidence a UI needs to highlight it.
 */
import type { Cell, SourceRef } from '../model/report.js';

export type Severity = 'error' | 'warning' | 'info';

/** One cell taking part in a finding. */
export interface CellEvidence {
  /** 'table2' | 'table3' | 'table4' */
  table: string;
  /** Row key (table 3), template label (table 2) or group key (table 4). */
  row: string;
  /** Column index (0-based) within the table's value columns. */
  col: number;
  /** Human label of the cell: "一、本年新收 · 总计". */
  label: string;
  value: number | null;
  raw: string;
  source: SourceRef | null;
  /** Set when the value was read by OCR: its confidence 0..1. */
  ocrConfidence?: number;
}

export interface SentenceEvidence {
  text: string;
  source: SourceRef | null;
}

export interface Evidence {
  cells: CellEvidence[];
  sentences: SentenceEvidence[];
  /** The comparison, both sides with their arithmetic: "一+二 = 84+2 = 86 ≠ （七）总计+四 = 84+1 = 85". */
  expression?: string;
  left?: number;
  right?: number;
  /** For cross-year findings: the year of the other report. */
  otherYear?: number;
  /** True when any value in the evidence was read by OCR (a person should look at the scan). */
  ocr?: boolean;
}

export interface Finding {
  /** Stable id from the catalogue (`checks/catalogue.ts`). */
  id: string;
  severity: Severity;
  message: { zh: string; en: string };
  evidence: Evidence;
}

export type CheckStatus = 'pass' | 'fail' | 'cannot-run' | 'not-applicable';

/** The outcome of one check over one report. */
export interface CheckOutcome {
  id: string;
  status: CheckStatus;
  /** Why it could not run or does not apply. */
  reason?: { zh: string; en: string };
}

export interface CheckResult {
  findings: Finding[];
  outcomes: CheckOutcome[];
  score: Score;
}

export interface Score {
  /** 0..100 */
  value: number;
  deductions: { checkId: string; points: number; category: string }[];
}

/** Helper to build cell evidence. */
export function cellEvidence(table: string, row: string, col: number, label: string, cell: Cell | undefined): CellEvidence {
  const ev: CellEvidence = { table, row, col, label, value: cell?.value ?? null, raw: cell?.raw ?? '', source: cell?.source ?? null };
  if (cell?.ocrConfidence !== undefined) ev.ocrConfidence = cell.ocrConfidence;
  return ev;
}
