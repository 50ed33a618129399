/**
 * The producer side: read inputs as `parley ingest` does, cut them into small batches and add one
 * job per batch (`addBulk`, several batches per round trip), then, unless told not to, follow the
 * run's counters until every document is accounted for.
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { readInputs } from '../ingest/index.js';
import type { ReadStats } from '../ingest/index.js';
import type { RawItem } from '../runner.js';
import type { Failure } from '../cli/format.js';
import type { QueueConfig } from './config.js';
import { connection } from './config.js';
import { BATCH_JOB, batchJobId, batchJobOptions, DEFAULT_RETRY } from './jobs.js';
import type { IngestJobData, IngestJobResult, RetryPolicy } from './jobs.js';
import { QueueStats } from './stats.js';
import type { Counts } from './stats.js';

export interface EnqueueOptions {
  queue: QueueConfig;
  inputs: string[];
  /** Documents per job. Default 32. */
  batchSize?: number;
  /** Publication date for documents that have none (ISO date). */
  published?: string;
  inputFormat?: string;
  retry?: RetryPolicy;
  /** Run id (default: a new random one). */
  run?: string;
  /** Called after each round of jobs is added. */
  onProgress?: (r: EnqueueResult, stats: ReadStats) => void;
}

export interface EnqueueResult {
  run: string;
  /** Documents put into jobs. */
  documents: number;
  jobs: number;
  /** Documents left out because an earlier one in this run had the same content. */
  duplicates: number;
  /**
   * Documents of batches the queue already had (same job id, from an earlier run): finished ones
   * are counted as done for this run, failed ones as failed; ones still waiting or running are left
   * to the run that enqueued them.
   */
  known: number;
  failures: Failure[];
}

/** Jobs added per round trip. */
const JOBS_PER_ADD = 16;

/** Read `inputs` and enqueue them as batch jobs; input problems are returned, not thrown. */
export async function enqueueInputs(opts: EnqueueOptions): Promise<EnqueueResult> {
  const cfg = opts.queue;
  const batchSize = Math.max(1, opts.batchSize ?? 32);
  const run = opts.run ?? randomBytes(6).toString('hex');
  const queue = new Queue<IngestJobData, IngestJobResult>(cfg.name, { connection: connection(cfg), prefix: cfg.prefix });
  queue.on('error', () => undefined);
  const stats = new QueueStats(cfg);
  const result: EnqueueResult = { run, documents: 0, jobs: 0, duplicates: 0, known: 0, failures: [] };
  const readStats: ReadStats = { filesTotal: 0, filesDone: 0, bytesTotal: 0, bytesRead: 0, records: 0, errors: 0 };
  const seen = new Set<string>();
  const jobOpts = batchJobOptions(opts.retry ?? DEFAULT_RETRY);
  let pending: RawItem[][] = [];
  let batch: RawItem[] = [];

  const add = async () => {
    if (pending.length === 0) return;
    const batches = pending;
    pending = [];
    const ids = batches.map(batchJobId);
    const states = await Promise.all(ids.map((id) => queue.getJobState(id)));
    const credit = { documents: 0, failedDocuments: 0 };
    const jobs = [];
    let docs = 0;
    for (const [i, items] of batches.entries()) {
      docs += items.length;
      const state = states[i];
      if (state === 'unknown') jobs.push({ name: BATCH_JOB, data: { items, run }, opts: { ...jobOpts, jobId: ids[i] } });
      else {
        result.known += items.length;
        if (state === 'completed') credit.documents += items.length;
        else if (state === 'failed') credit.failedDocuments += items.length;
      }
    }
    if (jobs.length > 0) await queue.addBulk(jobs);
    await stats.addQueued(run, docs, batches.length);
    if (credit.documents + credit.failedDocuments > 0) await stats.creditRun(run, credit);
    result.jobs += jobs.length;
    result.documents += docs;
    opts.onProgress?.(result, readStats);
  };

  try {
    for await (const item of readInputs(opts.inputs, { stats: readStats, format: (opts.inputFormat as never) ?? 'auto' })) {
      if (item.kind === 'error') {
        result.failures.push({ where: item.line ? `${item.path}:${item.line}` : item.path, message: item.message });
        continue;
      }
      if (seen.has(item.hash)) {
        result.duplicates++;
        continue;
      }
      seen.add(item.hash);
      if (opts.published !== undefined) item.raw.published ??= opts.published;
      batch.push({ id: item.id, hash: item.hash, raw: item.raw });
      if (batch.length >= batchSize) {
        pending.push(batch);
        batch = [];
        if (pending.length >= JOBS_PER_ADD) await add();
      }
    }
    if (batch.length > 0) pending.push(batch);
    await add();
  } finally {
    await queue.close().catch(() => undefined);
    await stats.close();
  }
  return result;
}

export interface RunProgress {
  run: string;
  /** Documents enqueued by the run. */
  queued: number;
  /** Documents in finished jobs (stored, duplicate or set aside as poison). */
  done: number;
  /** Poison documents and documents of jobs that ran out of attempts. */
  failed: number;
  counts: Counts;
  /** Jobs waiting, running and waiting to retry in the whole queue. */
  waiting: number;
  active: number;
  delayed: number;
  /** Workers connected to the queue. */
  workers: number;
}

/**
 * Follow a run until every document it enqueued is accounted for, or the queue has nothing left to
 * do (then some jobs were lost or removed: `complete` is false). Polls every `pollMs`; while Redis
 * is unreachable it reports that and keeps trying.
 */
export async function waitForRun(
  cfg: QueueConfig,
  run: string,
  opts: { pollMs?: number; onProgress?: (p: RunProgress) => void; onProblem?: (why: string) => void } = {},
): Promise<RunProgress & { complete: boolean }> {
  const queue = new Queue(cfg.name, { connection: connection(cfg), prefix: cfg.prefix });
  queue.on('error', () => undefined);
  const stats = new QueueStats(cfg);
  let idle = 0;
  try {
    for (;;) {
      try {
        const c = await stats.run(run);
        const jc = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        const p: RunProgress = {
          run,
          queued: c.queued,
          done: c.documents + c.failedDocuments,
          failed: c.failed + c.failedDocuments,
          counts: c,
          waiting: (jc.waiting ?? 0) + (jc.prioritized ?? 0) + (jc['waiting-children'] ?? 0),
          active: jc.active ?? 0,
          delayed: jc.delayed ?? 0,
          workers: await queue.getWorkersCount(),
        };
        opts.onProgress?.(p);
        if (p.done >= p.queued) return { ...p, complete: true };
        idle = p.waiting + p.active + p.delayed === 0 ? idle + 1 : 0;
        if (idle >= 3) return { ...p, complete: false };
      } catch (e) {
        opts.onProblem?.(e instanceof Error ? e.message : String(e));
      }
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
    }
  } finally {
    await queue.close().catch(() => undefined);
    await stats.close();
  }
}
