/**
 * The parse's time budget, the text path's counterpart of the HTML walk's (tree-walk.ts): a parse
 * that runs past it stops with a `timeout` GongkaiError, so cost on hostile input (a 5 MB line,
 * millions of short lines, endless table-like lines) stays bounded. Parsing is synchronous, so one
 * budget is current at a time (`withBudget`); the loops over lines, rows and sentences call
 * `spend()`, which reads the clock every 1024 calls. Outside a budget `spend()` never throws.
 */
import { GongkaiError } from '../errors.js';

/** Default time budget of one parse (ms), as the HTML walk's (`HTML_TIMEOUT_MS`). */
export const PARSE_TIMEOUT_MS = 20_000;

let deadline = Number.POSITIVE_INFINITY;
let budgetMs = 0;
let steps = 0;

/** Runs `fn` within a budget of `ms` (a budget already running keeps its earlier deadline). */
export function withBudget<T>(ms: number, fn: () => T): T {
  const outer = { deadline, budgetMs };
  const mine = Date.now() + Math.max(0, ms);
  if (mine < deadline) { deadline = mine; budgetMs = ms; }
  try {
    return fn();
  } finally {
    deadline = outer.deadline;
    budgetMs = outer.budgetMs;
  }
}

/** One step of work (a line, a row, a sentence, a match); throws `timeout` once the budget is spent. */
export function spend(): void {
  if ((++steps & 1023) === 0 && Date.now() > deadline) {
    throw new GongkaiError('timeout', `Reading the text took longer than its time budget (${budgetMs} ms).`, `读取文本超过时间上限（${budgetMs}毫秒）。`);
  }
}
