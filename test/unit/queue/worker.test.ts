/**
 * The worker in this process against the machine's Redis (a queue of its own per test) and both
 * stores: a run end to end with resolution, re-enqueueing, retries with back-off, a poison
 * document, graceful and forced shutdown. Child processes, kills and outages are in
 * robustness.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job, Queue } from 'bullmq';
import { registerStage, stage } from '../../../src/pipeline.js';
import { queueStatus, retryFailed } from '../../../src/queue/admin.js';
import { connection } from '../../../src/queue/config.js';
import type { QueueConfig } from '../../../src/queue/config.js';
import { enqueueInputs, waitForRun } from '../../../src/queue/enqueue.js';
import { startWorker } from '../../../src/queue/worker.js';
import type { WorkerOptions } from '../../../src/queue/worker.js';
import { pipelineSpec } from '../../../src/stages.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/store.js';
import { buildWorld } from '../../fixtures/resolve/reports.js';
import { cleanupLocations, freshLocation, postgresUnavailable, STORES } from '../store/setup.js';
import type { StoreKind } from '../store/setup.js';
import { cleanupQueues, freshQueue, redisUnavailable, writeReports } from './services.js';

const redisSkip = await redisUnavailable();
const pgSkip = STORES.includes('postgres') ? await postgresUnavailable() : undefined;
const dir = mkdtempSync(join(tmpdir(), 'parley-queue-'));
after(async () => {
  await cleanupQueues();
  await cleanupLocations();
  rmSync(dir, { recursive: true, force: true });
});

/** A test stage: waits `slow.ms` per document and throws on documents containing `slow.poison`. */
const slow = { ms: 0, poison: '' };
const sleeper = new Int32Array(new SharedArrayBuffer(4));
registerStage(
  stage('queue-test', 1, { reads: ['text'], writes: [] }, () => (doc) => {
    if (slow.ms > 0) Atomics.wait(sleeper, 0, 0, slow.ms);
    if (slow.poison && doc.text.includes(slow.poison)) throw new Error(`test poison '${slow.poison}'`);
  }),
);
let specs: Awaited<ReturnType<typeof pipelineSpec>> = [];
before(async () => {
  specs = [...(await pipelineSpec('full')), { name: 'queue-test' }];
});

const world = buildWorld(3, { events: 5, copies: 0.5 });

function workerOpts(queue: QueueConfig, store: Store, logs: string[], extra: Partial<WorkerOptions> = {}): WorkerOptions {
  return { queue, store, threads: 0, pipeline: specs, lockMs: 5000, stalledMs: 2000, verbose: true, log: (l) => logs.push(l), ...extra };
}

async function waitForState(queue: QueueConfig, id: string, state: string, timeoutMs = 20_000): Promise<void> {
  const q = new Queue(queue.name, { connection: connection(queue), prefix: queue.prefix });
  try {
    for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await new Promise((r) => setTimeout(r, 50))) {
      if ((await q.getJobState(id)) === state) return;
    }
    throw new Error(`job ${id} never became ${state}`);
  } finally {
    await q.close();
  }
}

for (const kind of STORES) {
  describe(`${kind} queue worker`, { skip: redisSkip ?? (kind === 'postgres' ? pgSkip : undefined) }, () => {
    test(`${kind} queue worker stores every enqueued document once, resolves them, and counts the run; re-enqueueing adds nothing`, async () => {
      const queue = freshQueue();
      const store = await openStore(freshLocation(kind));
      const logs: string[] = [];
      const worker = await startWorker(workerOpts(queue, store, logs, { concurrency: 2 }));
      try {
        const input = writeReports(dir, world.reports);
        const enq = await enqueueInputs({ queue, inputs: [input], batchSize: 5 });
        assert.equal(enq.documents, world.reports.length);
        assert.equal(enq.jobs, Math.ceil(world.reports.length / 5));
        const end = await waitForRun(queue, enq.run, { pollMs: 100 });
        assert.ok(end.complete);
        assert.deepEqual([end.done, end.failed, end.counts.inserted], [world.reports.length, 0, world.reports.length]);
        assert.equal((await store.stats()).documents, world.reports.length);

        const again = await enqueueInputs({ queue, inputs: [input], batchSize: 5 });
        assert.equal(again.jobs, 0, 'every batch was known to the queue');
        assert.equal(again.known, world.reports.length);
        const end2 = await waitForRun(queue, again.run, { pollMs: 100 });
        assert.ok(end2.complete);
        assert.equal((await store.stats()).documents, world.reports.length);

        const s = await queueStatus(queue);
        assert.equal(s.totals.documents, world.reports.length);
        assert.equal(s.totals.jobs, enq.jobs);
        assert.equal(s.jobs.completed, enq.jobs);
        assert.equal(s.workers, 1);
        assert.ok(s.lastMinute.documents > 0);
        assert.ok(logs.some((l) => /^ready: queue/.test(l)));
        // Resolution runs off the jobs' path; a worker's close makes a last pass.
        await worker.close();
        const r = await store.clusters.resolutionStats();
        assert.equal(r.documents, world.reports.length, 'every stored document is resolved');
        assert.equal(r.pending, 0);
        assert.ok(r.multiArticleEvents > 0, 'reports of one event were merged');
        assert.equal(worker.totals.resolved, world.reports.length);
      } finally {
        await worker.close();
        await store.close();
      }
    });

    test(`${kind} queue worker retries a job whose store write fails, with back-off, and reports each failure`, async () => {
      const queue = freshQueue();
      const store = await openStore(freshLocation(kind));
      let failures = 2;
      const flaky = new Proxy(store, {
        get(target, prop) {
          if (prop === 'putDocuments') {
            return async (...args: Parameters<Store['putDocuments']>) => {
              if (failures-- > 0) throw new Error('store is down for a moment');
              return target.putDocuments(...args);
            };
          }
          const v = Reflect.get(target, prop, target);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      const logs: string[] = [];
      const worker = await startWorker(workerOpts(queue, flaky, logs));
      try {
        const enq = await enqueueInputs({ queue, inputs: [writeReports(dir, world.reports.slice(0, 3))], batchSize: 10, retry: { attempts: 4, backoffMs: 100 } });
        const end = await waitForRun(queue, enq.run, { pollMs: 100 });
        assert.ok(end.complete);
        assert.equal(end.counts.inserted, 3);
        assert.equal(logs.filter((l) => /failed \(attempt \d of 4\): store is down for a moment; retrying with back-off/.test(l)).length, 2);
      } finally {
        await worker.close();
        await store.close();
      }
    });
  });
}

describe('queue worker with a poison document and shutdowns', { skip: redisSkip }, () => {
  test('queue worker moves a poison document to the failed list with its reason and stores the rest of its batch', async () => {
    const queue = freshQueue();
    const store = await openStore(freshLocation('sqlite'));
    slow.poison = 'CONTAMINATED';
    const logs: string[] = [];
    const worker = await startWorker(workerOpts(queue, store, logs));
    try {
      const poisonText = `${world.reports[0].text}\nThis copy is CONTAMINATED.`;
      const input = writeReports(dir, world.reports.slice(1, 4), [{ id: 'bad-1', text: poisonText }]);
      const enq = await enqueueInputs({ queue, inputs: [input], batchSize: 10 });
      assert.equal(enq.jobs, 1);
      const end = await waitForRun(queue, enq.run, { pollMs: 100 });
      assert.ok(end.complete);
      assert.deepEqual([end.done, end.failed, end.counts.inserted], [4, 1, 3]);
      assert.equal(await store.getDocument('bad-1'), undefined);
      const s = await queueStatus(queue);
      assert.equal(s.failures.length, 1);
      assert.deepEqual((await queueStatus(queue, { failures: 0 })).failures, [], '--failures 0 lists none');
      const f = s.failures[0];
      assert.equal(f.name, 'document');
      assert.match(f.id, /^d-[0-9a-f]{32}$/);
      assert.match(f.reason, /\[PARLEY_QUEUE_POISON\] bad-1 \(.*reports-.*\.jsonl:4\): the pipeline failed on this document \(pipeline:stage-failed: stage 'queue-test' failed: test poison 'CONTAMINATED'\)/);
      assert.match(f.reason, new RegExp(`parley queue retry ${f.id}`));
      assert.deepEqual(f.documents.map((d) => d.split(' ')[0]), ['bad-1']);
      assert.equal(f.attempts, 1, 'a poison document is not retried');
      assert.ok(logs.some((l) => /^poison document bad-1 .*moved to the failed list/.test(l)));
      // Retrying it (say, after a fix) runs it again: still poison here, so it fails again.
      assert.deepEqual(await retryFailed(queue, [f.id, 'no-such-job']), { retried: 1, missing: ['no-such-job'] });
      await waitForState(queue, f.id, 'failed');
    } finally {
      slow.poison = '';
      await worker.close();
      await store.close();
    }
  });

  test('queue worker close finishes the job in flight; close with force hands it back to the queue for another worker', async () => {
    const queue = freshQueue();
    const store = await openStore(freshLocation('sqlite'));
    // Writes that take a while keep a job in flight (the pipeline runs in this thread here).
    let delay = 1500;
    const slowStore = new Proxy(store, {
      get(target, prop) {
        if (prop === 'putDocuments') {
          return async (...args: Parameters<Store['putDocuments']>) => {
            await new Promise((r) => setTimeout(r, delay));
            return target.putDocuments(...args);
          };
        }
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const q = new Queue(queue.name, { connection: connection(queue), prefix: queue.prefix });
    try {
      const logs: string[] = [];
      const w1 = await startWorker(workerOpts(queue, slowStore, logs));
      await enqueueInputs({ queue, inputs: [writeReports(dir, world.reports.slice(0, 3))], batchSize: 3 });
      const [job] = await q.getJobs(['waiting', 'active', 'completed']);
      await waitForState(queue, job.id!, 'active');
      await w1.close();
      assert.equal(await q.getJobState(job.id!), 'completed', 'the graceful close waited for the job');
      assert.equal((await store.stats()).documents, 3);

      const enq2 = await enqueueInputs({ queue, inputs: [writeReports(dir, world.reports.slice(3, 6))], batchSize: 3 });
      const [job2] = (await q.getJobs(['waiting', 'active'])).filter((j) => j.id !== job.id);
      const w2 = await startWorker(workerOpts(queue, slowStore, logs));
      await waitForState(queue, job2.id!, 'active');
      await w2.close({ force: true });
      assert.equal(await q.getJobState(job2.id!), 'waiting', 'the forced close handed the job back');
      assert.equal((await Job.fromId(q, job2.id!))?.attemptsMade, 0, 'without using up an attempt');
      assert.ok(logs.some((l) => l === `job ${job2.id} handed back to the queue`));
      delay = 0;
      const w3 = await startWorker(workerOpts(queue, slowStore, logs));
      const end = await waitForRun(queue, enq2.run, { pollMs: 100 });
      await w3.close();
      assert.ok(end.complete);
      assert.equal((await store.stats()).documents, 6);
    } finally {
      await q.close();
      await store.close();
    }
  });
});
