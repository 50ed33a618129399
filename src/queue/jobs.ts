/**
 * What goes through the queue. A job is a small batch of raw documents, each with its id and
 * content hash; the job id is made from the hashes, so enqueueing the same batch again while the
 * first is still known to the queue adds nothing (and if it was already cleaned away, the worker
 * finds every hash stored and writes nothing: re-enqueueing is harmless either way).
 *
 * A batch job that meets a poison document (the pipeline throws on it, or marks it fatal) stores
 * the rest of its batch and adds one `document` job for the poison document alone; that job fails
 * at once, without retries, and stays in the failed list with its error.
 */
import { createHash } from 'node:crypto';
import type { RawItem } from '../runner.js';

/** Job names. */
export const BATCH_JOB = 'batch';
export const DOCUMENT_JOB = 'document';

export interface IngestJobData {
  items: RawItem[];
  /** The `parley ingest --queue` run that enqueued it (progress is counted per run). */
  run?: string;
}

export interface PoisonDocument {
  id: string;
  hash: string;
  /** Where it came from (`file:line`), when known. */
  where?: string;
  reason: string;
}

/** What a worker reports for a finished job (its `returnvalue`). */
export interface IngestJobResult {
  documents: number;
  inserted: number;
  updated: number;
  duplicates: number;
  /** Poison documents moved to their own (failed) jobs. */
  failed: number;
  events: number;
  poison: PoisonDocument[];
  worker: string;
}

export interface RetryPolicy {
  /** Tries before a job goes to the failed list. */
  attempts: number;
  /** First retry delay; each next one doubles. */
  backoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, backoffMs: 1000 };

/** Completed jobs kept (for `queue status` and de-duplication of re-enqueued batches); older ones are removed. */
export const KEEP_COMPLETED = 1000;

/** The id of a batch job: `b-` and 32 hex digits of sha256 over its documents' hashes, in order. */
export function batchJobId(items: readonly { hash: string }[]): string {
  const h = createHash('sha256');
  for (const it of items) h.update(it.hash).update('\n');
  return `b-${h.digest('hex').slice(0, 32)}`;
}

/** The id of a single-document job: `d-` and 32 hex digits of its content hash. */
export function documentJobId(hash: string): string {
  return `d-${hash.slice(0, 32)}`;
}

/** BullMQ options of a batch job. */
export function batchJobOptions(retry: RetryPolicy = DEFAULT_RETRY) {
  return {
    attempts: retry.attempts,
    backoff: { type: 'exponential' as const, delay: retry.backoffMs },
    removeOnComplete: { count: KEEP_COMPLETED },
    removeOnFail: false,
  };
}

/** BullMQ options of a poison document's job: one attempt, kept in the failed list. */
export function documentJobOptions() {
  return { attempts: 1, removeOnComplete: { count: KEEP_COMPLETED }, removeOnFail: false };
}

/** Where a raw document came from, for messages. */
export function whereOf(item: RawItem): string {
  const o = item.raw.origin;
  return o.line !== undefined ? `${o.path}:${o.line}` : o.path;
}
