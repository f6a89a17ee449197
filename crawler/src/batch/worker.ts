/**
 * The batch-parse worker thread (crawler/dist/batch-worker.js when built): parses and checks the
 * inputs the pool sends it, one message per input, and answers with each input's line.
 */
import { parentPort } from 'node:worker_threads';
import { closeOcr } from '@gongkai/shared/node';
import type { Report } from '@gongkai/shared';
import { parseOne, success, type InputResult, type ParseOneOptions } from './parse-one.js';

/** A job: parse an input, or check an already parsed report against its agency's other years. */
export type Job =
  | { kind: 'parse'; input: string; opts: ParseOneOptions; keepReport: boolean }
  | { kind: 'check'; input: string; sha256: string; report: Report; history: Report[]; opts: ParseOneOptions };
export interface JobResult { result: InputResult; report?: Report; sha256?: string }

export async function runJob(job: Job): Promise<JobResult> {
  if (job.kind === 'check') return { result: success(job.input, job.sha256, job.report, job.opts, job.history) };
  const r = await parseOne(job.input, job.opts);
  return job.keepReport ? r : { result: r.result };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: { id: number; job: Job } | 'close') => {
    if (msg === 'close') {
      void closeOcr().catch(() => undefined).finally(() => port.close());
      return;
    }
    void runJob(msg.job).then((res) => port.postMessage({ id: msg.id, res }));
  });
}
