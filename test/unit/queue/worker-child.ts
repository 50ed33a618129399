/**
 * A worker process for the queue tests: `startWorker` with the full pipeline in this thread plus a
 * test stage that can make each document take longer (CHILD_SLOW_MS), so that kills and outages
 * land in the middle of a run, and throw on documents containing CHILD_POISON. Queue and store
 * come from PARLEY_QUEUE, PARLEY_QUEUE_NAME, PARLEY_QUEUE_PREFIX and PARLEY_DB. Prints `ready`;
 * SIGTERM stops it gracefully (a second one hands jobs back).
 */
import { registerStage, stage } from '../../../src/pipeline.js';
import { queueConfig } from '../../../src/queue/config.js';
import { startWorker } from '../../../src/queue/worker.js';
import { pipelineSpec } from '../../../src/stages.js';
import { openStore } from '../../../src/store/open-store.js';

const slowMs = Number(process.env.CHILD_SLOW_MS ?? 0);
const poison = process.env.CHILD_POISON ?? '';
const sleeper = new Int32Array(new SharedArrayBuffer(4));

registerStage(
  stage('test-slow', 1, { reads: ['text'], writes: [] }, () => (doc) => {
    if (slowMs > 0) Atomics.wait(sleeper, 0, 0, slowMs);
    if (poison && doc.text.includes(poison)) throw new Error(`test poison '${poison}' found`);
  }),
);

const store = await openStore(process.env.PARLEY_DB!);
const worker = await startWorker({
  queue: queueConfig(),
  store,
  threads: 0,
  pipeline: [...(await pipelineSpec('full')), { name: 'test-slow' }],
  concurrency: Number(process.env.CHILD_CONCURRENCY ?? 1),
  lockMs: Number(process.env.CHILD_LOCK_MS ?? 3000),
  stalledMs: Number(process.env.CHILD_STALLED_MS ?? 1000),
  verbose: true,
  log: (line) => process.stderr.write(`worker ${process.pid}: ${line}\n`),
});
process.stdout.write('ready\n');
let signals = 0;
const stop = () => {
  signals++;
  void worker
    .close(signals > 1 ? { force: true } : { timeoutMs: 20_000 })
    .then(() => store.close())
    .then(() => {
      process.stdout.write(`stopped ${JSON.stringify(worker.totals)}\n`);
      process.exit(0);
    });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
