/**
 * A queue worker: takes batch jobs from BullMQ, runs the full pipeline on their documents (on
 * worker threads), stores them with the idempotent `putDocuments` and queues them for
 * cross-document resolution (in the store, before the job completes). Resolution itself runs off
 * the jobs' path: at most once a second while jobs come, when the queue runs dry, and on shutdown;
 * only one worker at a time resolves (the store's resolution lock), the others go on with jobs.
 *
 * Delivery is at least once (a job whose worker dies is handed to another one when its lock
 * expires); writes are idempotent (documents keyed by content hash, events by deterministic ids,
 * counters by job), so the effect is exactly once. Failed jobs are retried with exponential
 * back-off; a job that runs out of attempts stays in the failed list with its reason, as does the
 * job of every poison document.
 */
import { hostname } from 'node:os';
import { Queue, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { ParleyError } from '../errors.js';
import type { RunConfig, StageSpec } from '../pipeline.js';
import { resolveNewDocuments } from '../resolve/resolve.js';
import { createRunner } from '../runner.js';
import type { RawItem } from '../runner.js';
import { pipelineSpec } from '../stages.js';
import type { Store } from '../store/store.js';
import type { QueueConfig } from './config.js';
import { connection, displayUrl } from './config.js';
import { BATCH_JOB, DOCUMENT_JOB, documentJobId, documentJobOptions } from './jobs.js';
import type { IngestJobData, IngestJobResult } from './jobs.js';
import { processBatch, runnerSlot } from './process-batch.js';
import { QueueStats } from './stats.js';

export interface WorkerOptions {
  queue: QueueConfig;
  /** The store to write to (opened and closed by the caller). */
  store: Store;
  /** Jobs processed at once. Default 1. */
  concurrency?: number;
  /** Pipeline threads; 0 runs the pipeline in this thread. Default: `concurrency`. */
  threads?: number;
  /** A named pipeline (default `full`) or stage specs (stages registered in this process need `threads: 0`). */
  pipeline?: string | (string | StageSpec)[];
  config?: RunConfig;
  /** Resolve stored documents across documents (src/resolve). Default true. */
  resolve?: boolean;
  /** Least time between two resolution passes of this worker while jobs come. Default 1000 ms. */
  resolveEveryMs?: number;
  /** How long a job's lock lasts without renewal before another worker may take the job. Default 30000 ms. */
  lockMs?: number;
  /** How often this worker looks for jobs whose worker died. Default 15000 ms. */
  stalledMs?: number;
  /** Where progress and problems are reported (one line each). Default: stderr. */
  log?: (line: string) => void;
  /** Report every job, not only problems. */
  verbose?: boolean;
  /** This worker's name (shown on jobs). Default `host:pid`. */
  name?: string;
}

export interface WorkerTotals {
  jobs: number;
  documents: number;
  inserted: number;
  duplicates: number;
  failed: number;
  resolved: number;
}

export interface RunningWorker {
  readonly name: string;
  readonly totals: WorkerTotals;
  /**
   * Stop taking jobs and finish the ones in flight (graceful); with `force` (also after a graceful
   * close began), or once `timeoutMs` has passed, hand the unfinished jobs back to the queue.
   */
  close(opts?: { force?: boolean; timeoutMs?: number }): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Start a worker; resolves once the pipeline is loaded and the worker is taking jobs. */
export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const cfg = opts.queue;
  const log = opts.log ?? ((line: string) => process.stderr.write(`parley worker: ${line}\n`));
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const threads = opts.threads ?? concurrency;
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const store = opts.store;
  const specs = typeof opts.pipeline === 'object' ? opts.pipeline : await pipelineSpec(opts.pipeline ?? 'full');
  const runners = runnerSlot(() => createRunner({ pipeline: specs, config: opts.config ?? {}, workers: threads }));
  await runners.get();
  const conn = connection(cfg);
  const queue = new Queue<IngestJobData, IngestJobResult>(cfg.name, { connection: conn, prefix: cfg.prefix });
  queue.on('error', () => undefined);
  const stats = new QueueStats(cfg);
  const totals: WorkerTotals = { jobs: 0, documents: 0, inserted: 0, duplicates: 0, failed: 0, resolved: 0 };

  let lastConnError = 0;
  const connProblem = (e: unknown) => {
    const now = Date.now();
    if (now - lastConnError < 5000) return;
    lastConnError = now;
    log(`queue ${displayUrl(cfg.url)}: ${message(e)} (reconnecting; jobs in flight are retried or handed back)`);
  };

  // Resolution passes: one at a time in this worker, at most every resolveEveryMs while jobs come.
  let resolving: Promise<void> | undefined;
  let resolveTimer: NodeJS.Timeout | undefined;
  let lastResolve = 0;
  const resolvePass = (wait = false): Promise<void> => {
    if (opts.resolve === false) return Promise.resolve();
    resolving ??= (async () => {
      lastResolve = Date.now();
      try {
        const r = await resolveNewDocuments(store, { wait });
        totals.resolved += r.documents;
      } catch (e) {
        log(`resolution failed (the documents stay queued for the next pass): ${message(e)}`);
      } finally {
        resolving = undefined;
      }
    })();
    return resolving;
  };
  const resolveSoon = () => {
    if (resolveTimer || opts.resolve === false) return;
    const delay = Math.max(0, lastResolve + (opts.resolveEveryMs ?? 1000) - Date.now());
    resolveTimer = setTimeout(() => {
      resolveTimer = undefined;
      void resolvePass();
    }, delay);
  };

  /** Thrown into a job's processing when the worker is told to stop at once: the job goes back to waiting. */
  class Returned extends Error {}

  const processor = async (job: Job<IngestJobData, IngestJobResult>, token?: string, signal?: AbortSignal): Promise<IngestJobResult> => {
    const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(new Returned('stopping'))));
    aborted.catch(() => undefined);
    try {
      return await Promise.race([work(job), aborted]);
    } catch (e) {
      if (!(e instanceof Returned)) throw e;
      // Back to waiting without using up an attempt; whatever this worker still writes is idempotent.
      await job.moveToWait(token);
      log(`job ${job.id} handed back to the queue`);
      throw new WaitingError();
    }
  };

  const work = async (job: Job<IngestJobData, IngestJobResult>): Promise<IngestJobResult> => {
    const started = Date.now();
    const waited = Math.max(0, (job.processedOn ?? started) - job.timestamp);
    const items = job.data.items;
    if (opts.verbose) log(`job ${job.id}: started (${items.length} documents, attempt ${job.attemptsMade + 1})`);
    const out = await processBatch(items, store, runners);
    if (job.name === DOCUMENT_JOB && out.poison.length > 0) {
      const p = out.poison[0];
      throw new UnrecoverableError(
        new ParleyError('PARLEY_QUEUE_POISON', { id: p.where ? `${p.id} (${p.where})` : p.id, why: p.reason, job: job.id }).message,
      );
    }
    if (job.name === BATCH_JOB && out.poison.length > 0) {
      const byHash = new Map<string, RawItem>(items.map((it) => [it.hash, it]));
      await queue.addBulk(
        out.poison.map((p) => ({
          name: DOCUMENT_JOB,
          data: { items: [byHash.get(p.hash)!] },
          opts: { ...documentJobOptions(), jobId: documentJobId(p.hash) },
        })),
      );
      for (const p of out.poison) log(`poison document ${p.id}${p.where ? ` (${p.where})` : ''}: ${p.reason}; moved to the failed list`);
    }
    if (opts.resolve !== false && out.stored.length > 0) {
      await store.clusters.queueResolution(out.stored);
      resolveSoon();
    }
    const result: IngestJobResult = {
      documents: out.documents,
      inserted: out.inserted,
      updated: out.updated,
      duplicates: out.duplicates,
      failed: out.poison.length,
      events: out.events,
      poison: out.poison,
      worker: name,
    };
    const counted = await stats.record(
      `job:${job.id}`,
      {
        jobs: 1,
        documents: out.documents,
        inserted: out.inserted,
        updated: out.updated,
        duplicates: out.duplicates,
        failed: out.poison.length,
        events: out.events,
        waitMs: waited,
        maxWaitMs: waited,
        runMs: Date.now() - started,
      },
      job.name === BATCH_JOB ? job.data.run : undefined,
    );
    if (counted) {
      totals.jobs++;
      totals.documents += out.documents;
      totals.inserted += out.inserted;
      totals.duplicates += out.duplicates;
      totals.failed += out.poison.length;
    }
    if (opts.verbose) {
      log(
        `job ${job.id}: ${out.documents} documents → ${out.inserted} new, ${out.duplicates} duplicate, ${out.poison.length} poison; ` +
          `${out.events} events; ${Date.now() - started} ms (waited ${waited} ms)`,
      );
    }
    return result;
  };

  const worker = new Worker<IngestJobData, IngestJobResult>(cfg.name, processor, {
    connection: conn,
    prefix: cfg.prefix,
    concurrency,
    name,
    lockDuration: opts.lockMs ?? 30_000,
    stalledInterval: opts.stalledMs ?? 15_000,
    maxStalledCount: 5,
    drainDelay: 2,
    autorun: false,
  });
  worker.on('error', connProblem);
  worker.on('drained', () => void resolvePass());
  worker.on('failed', (job, err) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const final = err instanceof UnrecoverableError || err?.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
    if (job.name === DOCUMENT_JOB && final) return; // reported when its batch set it aside
    log(`job ${job.id} failed (attempt ${job.attemptsMade} of ${attempts}): ${message(err)}${final ? '; it stays in the failed list' : '; retrying with back-off'}`);
    if (final && job.name === BATCH_JOB) {
      stats
        .record(`failed:${job.id}`, { failedJobs: 1, failedDocuments: job.data.items.length }, job.data.run)
        .catch((e) => log(`cannot count failed job ${job.id}: ${message(e)}`));
    }
  });
  const running = worker.run().catch((e) => log(`stopped: ${message(e)}`));
  await worker.waitUntilReady();
  log(
    `ready: queue '${cfg.name}' at ${displayUrl(cfg.url)}, store ${store.location}, ${concurrency} job${concurrency === 1 ? '' : 's'} at once, ` +
      `${threads === 0 ? 'pipeline in the main thread' : `${threads} pipeline thread${threads === 1 ? '' : 's'}`}`,
  );

  let closing: Promise<void> | undefined;
  return {
    name,
    totals,
    close(o = {}) {
      if (o.force) worker.cancelAllJobs('stopping');
      closing ??= (async () => {
        const timer = !o.force && o.timeoutMs !== undefined ? setTimeout(() => worker.cancelAllJobs('shutdown timeout'), o.timeoutMs) : undefined;
        await worker.close();
        if (timer) clearTimeout(timer);
        await running;
        if (resolveTimer) clearTimeout(resolveTimer);
        resolveTimer = undefined;
        // A last pass for what this worker queued (another process holding the lock resolves it otherwise).
        await resolving;
        await resolvePass();
        await runners.reset();
        await queue.close().catch(() => undefined);
        await stats.close();
      })();
      return closing;
    },
  };
}
