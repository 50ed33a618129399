/**
 * Issue 6 robustness, for real, with worker processes: a worker killed with SIGKILL in the middle
 * of a batch, Redis and PostgreSQL stopped for a few seconds during a run (our own throwaway
 * instances, never the machine's shared ones), two workers given the same document at once, and
 * a poison document through `parley ingest --queue`. In every case each document ends up stored
 * exactly once with the events the pipeline gives it, and every document is resolved.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inThreadRunner } from '../../../src/runner.js';
import { enqueueInputs, waitForRun } from '../../../src/queue/enqueue.js';
import type { QueueConfig } from '../../../src/queue/config.js';
import { queueConfig } from '../../../src/queue/config.js';
import { QueueStats } from '../../../src/queue/stats.js';
import { pipelineSpec } from '../../../src/stages.js';
import { buildWorld } from '../../fixtures/resolve/reports.js';
import type { Report } from '../../fixtures/resolve/reports.js';
import { cleanupLocations, freshLocation, PG_URL, postgresUnavailable } from '../store/setup.js';
import {
  cleanupQueues,
  freshQueue,
  OwnPostgres,
  ownPostgresUnavailable,
  OwnRedis,
  parleyChild,
  redisUnavailable,
  workerChild,
  writeReports,
} from './services.js';
import type { ChildRun } from './services.js';

const redisSkip = await redisUnavailable();
const pgSkip = await postgresUnavailable();
const ownPgSkip = ownPostgresUnavailable();
const dir = mkdtempSync(join(tmpdir(), 'parley-robust-'));
const children: ChildRun[] = [];

after(async () => {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  await cleanupQueues();
  await cleanupLocations();
  rmSync(dir, { recursive: true, force: true });
});

const world = buildWorld(11, { events: 8, copies: 0.5 });
/** Events the pipeline gives each report (the reference every run must end with). */
const expected = new Map<string, number>();
before(async () => {
  const runner = await inThreadRunner({ pipeline: await pipelineSpec('full'), config: {} });
  const docs = await runner.process(
    world.reports.map((r) => ({
      id: r.id,
      hash: r.id,
      raw: { id: r.id, text: r.text, published: r.published, source: r.outlet, title: r.title, origin: { path: 'x.jsonl', format: 'jsonl' as const } },
    })),
  );
  for (const d of docs) expected.set(d.id, d.layers.events.length);
  await runner.close();
});

function spawnWorker(o: Parameters<typeof workerChild>[0]): ChildRun {
  const c = workerChild(o);
  children.push(c);
  return c;
}

interface Seen {
  documents: number;
  hashes: number;
  events: Map<string, number>;
  evidence: number;
  links: number;
  pending: number;
  resolved: number;
}

/** What a PostgreSQL schema holds, read with a connection of its own. */
async function inspect(location: string): Promise<Seen> {
  const url = new URL(location);
  const schema = url.searchParams.get('schema')!;
  url.searchParams.delete('schema');
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    await c.query(`SET search_path = "${schema}"`);
    const one = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0].n);
    const events = new Map<string, number>();
    for (const r of (await c.query<{ id: string; n: string }>('SELECT d.id, count(e.id) AS n FROM documents d LEFT JOIN events e ON e.doc_id = d.id GROUP BY d.id')).rows) {
      events.set(r.id, Number(r.n));
    }
    return {
      documents: await one('SELECT count(*) AS n FROM documents'),
      hashes: await one('SELECT count(DISTINCT hash) AS n FROM documents'),
      events,
      evidence: await one('SELECT count(*) AS n FROM evidence'),
      links: await one('SELECT count(*) AS n FROM event_links'),
      pending: await one('SELECT count(*) AS n FROM resolve_queue'),
      resolved: await one('SELECT count(*) AS n FROM doc_signatures'),
    };
  } finally {
    await c.end();
  }
}

/** Every report stored exactly once with its reference events, every event linked, nothing pending. */
function assertExactlyOnce(seen: Seen, reports: Report[]): void {
  assert.equal(seen.documents, reports.length, 'every document stored');
  assert.equal(seen.hashes, reports.length, 'each once');
  for (const r of reports) assert.equal(seen.events.get(r.id), expected.get(r.id), `events of ${r.id}`);
  const total = reports.reduce((n, r) => n + expected.get(r.id)!, 0);
  assert.equal(seen.links, total, 'every event linked to one merged event');
  assert.equal(seen.resolved, reports.length, 'every document resolved');
  assert.equal(seen.pending, 0);
}

async function stopAll(workers: ChildRun[]): Promise<void> {
  for (const w of workers) w.proc.kill('SIGTERM');
  for (const w of workers) {
    const r = await w.exited;
    assert.ok(r.code === 0 || r.signal === 'SIGKILL', `worker exit ${r.code} ${r.signal}: ${w.err().slice(-2000)}`);
  }
}

/** Resolves once `n` jobs of the queue have been counted as done. */
async function jobsDone(queue: QueueConfig, n: number, timeoutMs = 60_000): Promise<void> {
  const stats = new QueueStats(queue);
  try {
    for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await new Promise((r) => setTimeout(r, 100))) {
      if ((await stats.totals()).jobs >= n) return;
    }
    throw new Error(`fewer than ${n} jobs done in time`);
  } finally {
    await stats.close();
  }
}

describe('queue robustness with worker processes', { skip: redisSkip ?? pgSkip }, () => {
  test('robustness: a worker killed with SIGKILL mid-batch loses nothing; the other worker finishes and each document is stored once', { timeout: 180_000 }, async () => {
    const queue = freshQueue();
    const db = freshLocation('postgres');
    const a = spawnWorker({ queue, db, slowMs: 120 });
    const b = spawnWorker({ queue, db, slowMs: 120 });
    await Promise.all([a.waitFor(/^ready$/), b.waitFor(/^ready$/)]);
    const enq = await enqueueInputs({ queue, inputs: [writeReports(dir, world.reports)], batchSize: 3 });
    // Kill worker a as soon as it starts its second job: that batch is in flight.
    await a.waitFor(/: job b-\S+: started.*\n?/, 60_000);
    const second = await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if ((a.err().match(/: started \(/g) ?? []).length >= 2) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    void second;
    a.proc.kill('SIGKILL');
    const killed = await a.exited;
    assert.equal(killed.signal, 'SIGKILL');
    const startedByA = (a.err().match(/: started \(/g) ?? []).length;
    const doneByA = (a.err().match(/: \d+ documents → /g) ?? []).length;
    assert.ok(startedByA > doneByA, 'a batch was in flight when the worker was killed');
    const end = await waitForRun(queue, enq.run, { pollMs: 200 });
    assert.ok(end.complete, 'the run finished');
    assert.equal(end.done, world.reports.length);
    await stopAll([b]);
    assertExactlyOnce(await inspect(db), world.reports);
  });

  test('robustness: Redis stopped for a few seconds mid-run: workers report it, reconnect, and the run completes with nothing lost', { timeout: 180_000 }, async () => {
    const redis = await OwnRedis.start();
    try {
      const queue = queueConfig({ url: redis.url, name: 'outage', prefix: 'parley-test' });
      const db = freshLocation('postgres');
      const workers = [spawnWorker({ queue, db, slowMs: 100 }), spawnWorker({ queue, db, slowMs: 100 })];
      await Promise.all(workers.map((w) => w.waitFor(/^ready$/)));
      const enq = await enqueueInputs({ queue, inputs: [writeReports(dir, world.reports)], batchSize: 3 });
      await jobsDone(queue, 2);
      await redis.stop();
      await new Promise((r) => setTimeout(r, 3000));
      await redis.startAgain();
      const end = await waitForRun(queue, enq.run, { pollMs: 200 });
      assert.ok(end.complete, 'the run finished');
      await stopAll(workers);
      assert.ok(workers.some((w) => /queue redis:\/\/127\.0\.0\.1:\d+\/?: .*\(reconnecting/.test(w.err())), 'a worker reported the outage');
      assertExactlyOnce(await inspect(db), world.reports);
    } finally {
      await redis.destroy();
    }
  });

  test('robustness: PostgreSQL stopped for a few seconds mid-run: jobs fail with the store error, are retried with back-off, and nothing is lost', { timeout: 180_000, skip: ownPgSkip }, async () => {
    const server = await OwnPostgres.start();
    try {
      const queue = freshQueue();
      const db = `${server.url}?schema=parley_outage`;
      const workers = [spawnWorker({ queue, db, slowMs: 100 }), spawnWorker({ queue, db, slowMs: 100 })];
      await Promise.all(workers.map((w) => w.waitFor(/^ready$/)));
      const enq = await enqueueInputs({ queue, inputs: [writeReports(dir, world.reports)], batchSize: 3, retry: { attempts: 12, backoffMs: 300 } });
      await jobsDone(queue, 2);
      server.stop();
      await new Promise((r) => setTimeout(r, 3000));
      server.startAgain();
      const end = await waitForRun(queue, enq.run, { pollMs: 200 });
      assert.ok(end.complete, 'the run finished');
      assert.equal(end.failed, 0);
      await stopAll(workers);
      const logs = workers.map((w) => w.err()).join('\n');
      assert.match(logs, /failed \(attempt \d+ of 12\): \[PARLEY_STORE_(WRITE|READ)\] .*retrying with back-off/);
      assertExactlyOnce(await inspect(db), world.reports);
    } finally {
      server.destroy();
    }
  });

  test('robustness: two workers given the same document at the same time store one document and one event set', { timeout: 120_000 }, async () => {
    const queue = freshQueue();
    const db = freshLocation('postgres');
    const workers = [spawnWorker({ queue, db }), spawnWorker({ queue, db })];
    await Promise.all(workers.map((w) => w.waitFor(/^ready$/)));
    const [same, ...others] = world.reports.slice(0, 9);
    // Eight jobs that all hold the same document (each with another one, so that the jobs differ).
    const inputs = others.map((o) => writeReports(dir, [same, o]));
    const runs = await Promise.all(inputs.map((input) => enqueueInputs({ queue, inputs: [input], batchSize: 2 })));
    for (const r of runs) assert.ok((await waitForRun(queue, r.run, { pollMs: 100 })).complete);
    await stopAll(workers);
    const seen = await inspect(db);
    assertExactlyOnce(seen, [same, ...others]);
    const stats = new QueueStats(queue);
    const totals = await stats.totals();
    await stats.close();
    assert.equal(totals.inserted, 9);
    assert.equal(totals.duplicates, 7, 'the shared document was a duplicate for every job but one');
  });

  test('robustness: a poison document through `parley ingest --queue` goes to the failed list with its error; the batch is stored', { timeout: 120_000 }, async () => {
    const queue = freshQueue();
    const db = freshLocation('sqlite');
    const env = { PARLEY_QUEUE: queue.url, PARLEY_QUEUE_NAME: queue.name, PARLEY_QUEUE_PREFIX: queue.prefix, PARLEY_DB: db };
    const worker = spawnWorker({ queue, db, poison: 'CONTAMINATED' });
    await worker.waitFor(/^ready$/);
    const good = world.reports.slice(0, 5);
    const input = writeReports(dir, good, [
      { id: 'poison-1', text: `${world.reports[6].text}\nThis copy is CONTAMINATED.` },
      { id: 'empty-1', html: '<html><body><script>var x = 1;</script></body></html>' },
    ]);
    // --pipeline is the workers' to choose: said, not silently dropped
    const ingest = parleyChild(['ingest', '--queue', '--batch-size', '10', '--pipeline', 'clean', input], env);
    children.push(ingest);
    const ran = await ingest.exited;
    assert.equal(ran.code, 1, 'failed documents make the exit code 1');
    assert.match(ingest.err(), /--pipeline ignored with --queue/);
    assert.match(ingest.err(), /enqueued 7 documents in 1 jobs/);
    assert.match(ingest.err(), /7 of 7 documents done .* 5 new, 0 updated, 0 duplicate, 2 failed/);

    const status = parleyChild(['queue', 'status'], env);
    children.push(status);
    assert.equal((await status.exited).code, 0);
    const text = status.out();
    assert.match(text, /jobs: 0 waiting · 0 running · 0 waiting to retry · 1 completed \(kept\) · 2 failed/);
    assert.match(text, /5 new, 0 updated, 0 duplicate, 2 poison/);
    assert.match(text, /\[PARLEY_QUEUE_POISON\] poison-1 \(.*:6\): the pipeline failed on this document \(pipeline:stage-failed: .*test poison 'CONTAMINATED'/);
    assert.match(text, /\[PARLEY_QUEUE_POISON\] empty-1 \(.*:7\): the pipeline failed on this document \(extract:empty: /);

    const retry = parleyChild(['queue', 'retry', '--all'], env);
    children.push(retry);
    assert.equal((await retry.exited).code, 0);
    assert.match(retry.err(), /2 failed jobs moved back to waiting/);
    const missing = parleyChild(['queue', 'retry', 'b-nothing'], env);
    children.push(missing);
    assert.equal((await missing.exited).code, 1);
    assert.match(missing.err(), /PARLEY_QUEUE_NO_JOB/);

    worker.proc.kill('SIGTERM');
    assert.equal((await worker.exited).code, 0);
    assert.match(worker.out(), /stopped /);
    const { openStore } = await import('../../../src/store/open-store.js');
    const store = await openStore(db);
    try {
      assert.equal((await store.stats()).documents, 5);
      for (const r of good) assert.equal((await store.getDocument(r.id))?.events.length, expected.get(r.id));
    } finally {
      await store.close();
    }
  });
});

void PG_URL;
