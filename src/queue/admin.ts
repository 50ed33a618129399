/**
 * Looking after a queue: is Redis there, what is waiting, running, done and failed (with reasons),
 * how fast it goes, and the operations `parley queue` offers (retry failed jobs, drain waiting
 * ones, clean finished ones, pause and resume).
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ParleyError } from '../errors.js';
import type { QueueConfig } from './config.js';
import { connection, displayUrl } from './config.js';
import type { IngestJobData } from './jobs.js';
import { whereOf } from './jobs.js';
import { QueueStats } from './stats.js';
import type { Counts } from './stats.js';

/** Ping Redis once; throws PARLEY_QUEUE_UNREACHABLE when it does not answer within `timeoutMs`. */
export async function checkReachable(cfg: QueueConfig, timeoutMs = 5000): Promise<void> {
  const r = new Redis(cfg.url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    throw new ParleyError('PARLEY_QUEUE_UNREACHABLE', { url: displayUrl(cfg.url), why: e instanceof Error ? e.message : String(e) }, { cause: e });
  } finally {
    r.disconnect();
  }
}

function open(cfg: QueueConfig): Queue<IngestJobData> {
  const q = new Queue<IngestJobData>(cfg.name, { connection: connection(cfg), prefix: cfg.prefix });
  q.on('error', () => undefined);
  return q;
}

async function withQueue<T>(cfg: QueueConfig, fn: (q: Queue<IngestJobData>) => Promise<T>): Promise<T> {
  const q = open(cfg);
  try {
    return await fn(q);
  } finally {
    await q.close().catch(() => undefined);
  }
}

export interface FailedJob {
  id: string;
  /** `batch` or `document`. */
  name: string;
  reason: string;
  attempts: number;
  /** Document ids (with `file:line` where known). */
  documents: string[];
  failedAt: string | null;
}

export interface QueueStatus {
  url: string;
  name: string;
  prefix: string;
  paused: boolean;
  jobs: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  workers: number;
  /** Counters since the queue was created (or last cleaned with --all). */
  totals: Counts;
  /** The last minute and the last five, with the minutes they cover (`span`). */
  lastMinute: Counts & { span: number };
  lastFiveMinutes: Counts & { span: number };
  failures: FailedJob[];
}

/** The state of a queue, with up to `failures` failed jobs (newest first). */
export async function queueStatus(cfg: QueueConfig, opts: { failures?: number } = {}): Promise<QueueStatus> {
  return withQueue(cfg, async (q) => {
    const stats = new QueueStats(cfg);
    try {
      const c = await q.getJobCounts('waiting', 'prioritized', 'waiting-children', 'active', 'delayed', 'completed', 'failed');
      const wanted = opts.failures ?? 20;
      const failed = wanted > 0 ? await q.getFailed(0, wanted - 1) : [];
      return {
        url: displayUrl(cfg.url),
        name: cfg.name,
        prefix: cfg.prefix,
        paused: await q.isPaused(),
        jobs: {
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0),
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          completed: c.completed ?? 0,
          failed: c.failed ?? 0,
        },
        workers: await q.getWorkersCount(),
        totals: await stats.totals(),
        lastMinute: await stats.lastMinutes(1),
        lastFiveMinutes: await stats.lastMinutes(5),
        failures: failed.map((j) => ({
          id: String(j.id),
          name: j.name,
          reason: j.failedReason ?? '',
          attempts: j.attemptsMade,
          documents: ((j.data as IngestJobData | undefined)?.items ?? []).map((it) => `${it.id} (${whereOf(it)})`),
          failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
        })),
      };
    } finally {
      await stats.close();
    }
  });
}

/** Move failed jobs back to waiting: the given ids, or every failed job. Returns what was retried and the ids not found. */
export async function retryFailed(cfg: QueueConfig, ids: string[] | 'all'): Promise<{ retried: number; missing: string[] }> {
  return withQueue(cfg, async (q) => {
    if (ids === 'all') {
      const n = await q.getFailedCount();
      await q.retryJobs({ state: 'failed', count: 1000 });
      return { retried: n, missing: [] };
    }
    const missing: string[] = [];
    let retried = 0;
    for (const id of ids) {
      const job = await q.getJob(id);
      if (!job || (await job.getState()) !== 'failed') {
        missing.push(id);
        continue;
      }
      await job.retry('failed');
      retried++;
    }
    return { retried, missing };
  });
}

/** Remove every waiting and delayed job (running jobs finish). Returns how many were waiting. */
export async function drainQueue(cfg: QueueConfig): Promise<number> {
  return withQueue(cfg, async (q) => {
    const c = await q.getJobCounts('waiting', 'prioritized', 'delayed');
    await q.drain(true);
    return (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0);
  });
}

/**
 * Remove finished jobs older than `graceMs`: completed ones, failed ones, or both. With `all`, also
 * delete the queue's counters. Returns how many jobs were removed.
 */
export async function cleanQueue(cfg: QueueConfig, opts: { completed?: boolean; failed?: boolean; graceMs?: number; all?: boolean } = {}): Promise<number> {
  return withQueue(cfg, async (q) => {
    let n = 0;
    const grace = opts.graceMs ?? 0;
    if (opts.completed ?? true) n += (await q.clean(grace, 0, 'completed')).length;
    if (opts.failed) n += (await q.clean(grace, 0, 'failed')).length;
    if (opts.all) {
      const stats = new QueueStats(cfg);
      await stats.reset().finally(() => stats.close());
    }
    return n;
  });
}

export async function pauseQueue(cfg: QueueConfig, paused: boolean): Promise<void> {
  await withQueue(cfg, (q) => (paused ? q.pause() : q.resume()));
}

/** Remove the queue and its counters entirely (tests and benches clean up with it). */
export async function obliterateQueue(cfg: QueueConfig): Promise<void> {
  await withQueue(cfg, async (q) => {
    await q.obliterate({ force: true });
    const stats = new QueueStats(cfg);
    await stats.reset().finally(() => stats.close());
  });
}
