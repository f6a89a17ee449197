/**
 * One input of a batch parse: load it (file or URL), parse it with the shared parser, check it, and
 * make its output line — the JSON contract, or a typed failure with its reason. Never throws: a
 * failure of any kind is a line. Runs inside a pool worker (worker.ts) or in-process.
 */
import { createHash } from 'node:crypto';
import { checkReport, toContract, type CheckOptions, type ContractJson, type Report } from '@gongkai/shared';
import { GongkaiError, loadInput, parseBytes } from '@gongkai/shared/node';

/** How an input ended, worst last; each maps to the exit code of a single `gongkai parse`. */
export type Outcome = 'ok' | 'findings' | 'unparseable' | 'fetch' | 'internal';
export const OUTCOME_EXIT: Record<Outcome, number> = { ok: 0, findings: 1, unparseable: 3, fetch: 4, internal: 5 };

/** The flat summary of one input (a row of the CSV output). */
export interface InputSummary {
  input: string; outcome: Outcome; ok: boolean; reason: string | null; message: string | null;
  agency: string | null; year: number | null; template: string | null; score: number | null;
  errors: number | null; warnings: number | null; infos: number | null; doubtful: number | null;
  reportId: string | null; sha256: string | null; sourceUrl: string | null;
}

/** One input's result: its JSON Lines line (no newline) and its summary. */
export interface InputResult { line: string; summary: InputSummary }

export interface ParseOneOptions { ocr: boolean; check: Pick<CheckOptions, 'today' | 'deadlines'> }

const empty = (input: string): Omit<InputSummary, 'outcome' | 'ok' | 'reason' | 'message'> => ({
  input, agency: null, year: null, template: null, score: null, errors: null, warnings: null, infos: null, doubtful: null,
  reportId: null, sha256: null, sourceUrl: null,
});

/** A typed failure: its line carries the reason, whether a retry may help, and both messages. */
export function failure(input: string, reason: string, en: string, zh: string, retryable = false, sha256: string | null = null): InputResult {
  const outcome: Outcome = reason === 'internal' ? 'internal' : reason === 'fetch-failed' || reason === 'timeout' ? 'fetch' : 'unparseable';
  const line = JSON.stringify({ input, ok: false, outcome, schema: 'gongkai.report/1', sha256, error: { ok: false, reason, retryable, message: { zh, en } } });
  return { line, summary: { ...empty(input), outcome, ok: false, reason, message: en.replace(/\s+/g, ' '), sha256, reportId: sha256?.slice(0, 16) ?? null } };
}

/** The line of a checked report. */
export function success(input: string, sha256: string, report: Report, opts: ParseOneOptions, history: Report[] = []): InputResult {
  let contract: ContractJson;
  try {
    contract = toContract(report, checkReport(report, { ...opts.check, history }));
  } catch (err) {
    return failure(input, 'internal', `checking failed: ${(err as Error).message}`, `检查出错：${(err as Error).message}`, false, sha256);
  }
  const count = (s: string) => contract.findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const outcome: Outcome = errors ? 'findings' : 'ok';
  const line = JSON.stringify({ input, ok: true, outcome, sha256, report_id: sha256.slice(0, 16), ...contract });
  return { line, summary: {
    input, outcome, ok: true, reason: null, message: null, agency: contract.agency, year: contract.year, template: contract.template,
    score: contract.score, errors, warnings: count('warning'), infos: count('info'), doubtful: contract.doubtful.length,
    reportId: sha256.slice(0, 16), sha256, sourceUrl: contract.source.url ?? null,
  } };
}

/** Loads and parses one input; `report` is returned for the cross-year pass (`--history auto`). */
export async function parseOne(input: string, opts: ParseOneOptions): Promise<{ result: InputResult; report?: Report; sha256?: string }> {
  try {
    const loaded = await loadInput(input);
    const sha256 = createHash('sha256').update(loaded.bytes).digest('hex');
    const parsed = await parseBytes(loaded.bytes, { name: loaded.name, url: loaded.url, contentType: loaded.contentType, ocr: opts.ocr });
    if (!parsed.ok) return { result: failure(input, parsed.reason, parsed.message.en, parsed.message.zh, parsed.retryable, sha256) };
    return { result: success(input, sha256, parsed.report, opts), report: parsed.report, sha256 };
  } catch (err) {
    if (err instanceof GongkaiError) return { result: failure(input, err.reason, err.message, err.zh, err.retryable) };
    return { result: failure(input, 'internal', `internal error: ${(err as Error)?.message ?? String(err)}`, `内部错误：${(err as Error)?.message ?? String(err)}`) };
  }
}
