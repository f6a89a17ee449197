/**
 * The batch-parse worker thread (crawler/dist/batch-worker.js when built): parses and checks the
 * inputs the pool sends it, one message per input, and answers with each input's line.
 */
import { parentPort } from 'node:worker_threads';
import { closeOcr } from '@gongkai/shared/node';
import type { Report } from '@gongkai/shared';
import { failure, parseOne, success, type InputResult, type ParseOneOptions } from './parse-one.js';

/**
 * A job: parse an input, or check an already parsed report against its agency's other years. Reports
 * travel as JSON text (as the store keeps them): far cheaper to pass between threads than a
 * structured clone of the object graph.
 */
export type Job =
  | { kind: 'parse'; input: string; opts: ParseOneOptions; keepReport: boolean }
  | { kind: 'check'; input: string; sha256: string; report: string; history: string[]; opts: ParseOneOptions };
/** `report`: the parsed report as JSON (parse jobs with keepReport), with its agency and year for grouping. */
export interface JobResult { result: InputResult; report?: { json: string; agency: string | null; year: number | null }; sha256?: string }

export async function runJob(job: Job): Promise<JobResult> {
  if (job.kind === 'check') {
    const history = job.history.map((h) => JSON.parse(h) as Report);
    return { result: success(job.input, job.sha256, JSON.parse(job.report) as Report, job.opts, history) };
  }
  const r = await parseOne(job.input, job.opts);
  if (!job.keepReport || !r.report) return { result: r.result };
  return { result: r.result, report: { json: JSON.stringify(r.report), agency: r.report.agency, year: r.report.year }, ...(r.sha256 ? { sha256: r.sha256 } : {}) };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: { id: number; job: Job } | 'close') => {
    if (msg === 'close') {
      void closeOcr().catch(() => undefined).finally(() => port.close());
      return;
    }
    void runJob(msg.job)
      .catch((err: unknown): JobResult => ({ result: failure(msg.job.input, 'internal', `internal error: ${(err as Error)?.message ?? String(err)}`, `内部错误：${(err as Error)?.message ?? String(err)}`) }))
      .then((res) => port.postMessage({ id: msg.id, res }));
  });
  port.postMessage('ready');
}
