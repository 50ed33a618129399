/** Distributed processing on Redis (BullMQ): enqueue batches, run workers, look after the queue. */
export { queueConfig, displayUrl, DEFAULT_QUEUE_URL } from './config.js';
export type { QueueConfig } from './config.js';
export { enqueueInputs, waitForRun } from './enqueue.js';
export type { EnqueueOptions, EnqueueResult, RunProgress } from './enqueue.js';
export { startWorker } from './worker.js';
export type { RunningWorker, WorkerOptions, WorkerTotals } from './worker.js';
export { checkReachable, cleanQueue, drainQueue, obliterateQueue, pauseQueue, queueStatus, retryFailed } from './admin.js';
export type { FailedJob, QueueStatus } from './admin.js';
export { batchJobId, documentJobId, DEFAULT_RETRY } from './jobs.js';
export type { IngestJobData, IngestJobResult, RetryPolicy } from './jobs.js';
export { processBatch, runnerSlot } from './process-batch.js';
export { QueueStats } from './stats.js';
export type { Counts } from './stats.js';
