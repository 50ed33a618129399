/**
 * Scale-out throughput (issue 6): N generated articles (bench/corpus.ts, ~600 words each) through
 *   (a) one process into SQLite: `parley ingest` (worker threads, the embedded default), and
 *   (b) W worker processes into PostgreSQL via Redis: `parley worker` ×W and `parley ingest --queue`
 *       (every worker also resolves stories and merged events, unless --no-resolve).
 * Workers resolve as they go, so (a) is also timed with a `parley resolve` after its ingest, and
 * (b) both until every article is stored and until every article is also resolved; the ratio
 * compares like with like (resolved ÷ resolved).
 * Prints articles/s, peak RSS per process, the ratio (b)/(a) and queue latency: how long jobs
 * waited in the queue during the run (backlog), and the pickup latency of an idle queue (a job
 * added while workers wait, until a worker starts it and until it is done).
 *
 *   node dist/bench/scale-throughput.js [--n 100000] [--workers 2] [--concurrency 2] [--threads 1]
 *                                      [--batch-size 32] [--no-resolve] [--pg URL] [--redis URL]
 *
 * Uses the machine's PostgreSQL (a schema of its own, dropped at the end) and Redis (a queue of
 * its own, removed at the end).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Job, Queue } from 'bullmq';
import pg from 'pg';
import { article } from './corpus.js';
import { obliterateQueue } from '../src/queue/admin.js';
import { connection, queueConfig } from '../src/queue/config.js';
import type { QueueConfig } from '../src/queue/config.js';
import { BATCH_JOB } from '../src/queue/jobs.js';
import { QueueStats } from '../src/queue/stats.js';

const ROOT = resolve(import.meta.dirname, '..', import.meta.url.includes('/dist/') ? '..' : '');
const PARLEY = join(ROOT, 'bin', 'parley.js');

export interface ThroughputRow {
  setup: string;
  articles: number;
  seconds: number;
  perSecond: number;
  /** Peak RSS of each process, MB. */
  peakRssMb: number[];
}

export interface ThroughputResult {
  rows: ThroughputRow[];
  /** Like for like: (b) stored and resolved ÷ (a) ingest then resolve (with --no-resolve: (b) ÷ (a) ingest). */
  ratio: number;
  /** (b) until every article is stored (its workers resolving meanwhile) ÷ (a) ingest alone. */
  storedRatio: number;
  /** Queue latency during the run: mean and maximum time a job waited before a worker took it (s). */
  backlogWaitMean: number;
  backlogWaitMax: number;
  /** Idle queue: median ms from adding a one-article job to a worker starting it, and to it being done. */
  pickupMs: number;
  doneMs: number;
  /** Resolution results of the PostgreSQL run. */
  resolved: { documents: number; stories: number; mergedEvents: number; multiArticleEvents: number } | null;
  /** Documents still waiting for resolution when every article was stored, and the seconds the workers' last passes took to resolve them. */
  resolveBacklog: number;
  resolveDrainSeconds: number;
}

export interface ThroughputOptions {
  n?: number;
  workers?: number;
  concurrency?: number;
  threads?: number;
  batchSize?: number;
  resolve?: boolean;
  pg?: string;
  redis?: string;
  log?: (line: string) => void;
}

async function writeCorpus(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    if (!out.write(JSON.stringify(article(7, i)) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const rssOf = (text: string) => {
  const m = /peak RSS (\d+) MB/.exec(text);
  return m ? Number(m[1]) : NaN;
};

function startWorker(env: NodeJS.ProcessEnv, args: string[]): { proc: ChildProcess; err: () => string; ready: Promise<void>; exited: Promise<void> } {
  const proc = spawn(process.execPath, [PARLEY, 'worker', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  let onReady: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => {
    err += s;
    if (/ready: queue/.test(err)) onReady();
  });
  const exited = new Promise<void>((r) => proc.on('close', () => r()));
  return { proc, err: () => err, ready, exited };
}

/** Median pickup and completion latency of one-article jobs added to an idle queue. */
async function idleLatency(cfg: QueueConfig, samples: number): Promise<{ pickupMs: number; doneMs: number }> {
  const q = new Queue(cfg.name, { connection: connection(cfg), prefix: cfg.prefix });
  const pickup: number[] = [];
  const done: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const a = article(99, i, 120);
      const hash = randomBytes(16).toString('hex');
      const job = await q.add(BATCH_JOB, { items: [{ id: `lat-${hash}`, hash, raw: { id: `lat-${hash}`, text: a.text, published: a.published, origin: { path: 'latency', format: 'jsonl' } } }] });
      for (;;) {
        const j = await Job.fromId(q, job.id!);
        if (j?.finishedOn) {
          pickup.push((j.processedOn ?? j.finishedOn) - j.timestamp);
          done.push(j.finishedOn - j.timestamp);
          break;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  } finally {
    await q.close();
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { pickupMs: median(pickup), doneMs: median(done) };
}

export async function runThroughputBench(opts: ThroughputOptions = {}): Promise<ThroughputResult> {
  const n = opts.n ?? 100_000;
  const workers = opts.workers ?? 2;
  const concurrency = opts.concurrency ?? 2;
  const threads = opts.threads ?? 1;
  const log = opts.log ?? ((l: string) => process.stderr.write(`scale-throughput: ${l}\n`));
  const dir = mkdtempSync(join(tmpdir(), 'parley-scale-'));
  const pgUrl = opts.pg ?? process.env.PARLEY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `parley_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const cfg = queueConfig({ url: opts.redis ?? process.env.PARLEY_QUEUE, name: `bench-${process.pid}`, prefix: 'parley-bench' });
  const rows: ThroughputRow[] = [];
  const procs: ChildProcess[] = [];
  try {
    const input = join(dir, 'articles.jsonl');
    await writeCorpus(input, n);
    log(`${n} articles written to ${input}`);

    // (a) one process into SQLite.
    let t0 = performance.now();
    const a = spawnSync(process.execPath, [PARLEY, 'ingest', '--quiet', '--db', join(dir, 'single.db'), input], { encoding: 'utf8' });
    let secs = (performance.now() - t0) / 1000;
    if (a.status !== 0) throw new Error(`ingest failed: ${a.stderr}`);
    rows.push({ setup: '1 process → SQLite (parley ingest)', articles: n, seconds: secs, perSecond: n / secs, peakRssMb: [rssOf(a.stderr)] });
    log(`(a) ${Math.round(n / secs)} articles/s`);
    // The workers of (b) also resolve stories and merged events; the like-for-like single process
    // runs `parley resolve` after its ingest.
    let aResolveSeconds = NaN;
    if (opts.resolve !== false) {
      const t = performance.now();
      const ar = spawnSync(process.execPath, [PARLEY, 'resolve', '--db', join(dir, 'single.db')], { encoding: 'utf8' });
      aResolveSeconds = (performance.now() - t) / 1000;
      if (ar.status !== 0) throw new Error(`resolve failed: ${ar.stderr}`);
      rows.push({
        setup: '1 process → SQLite, then parley resolve',
        articles: n,
        seconds: secs + aResolveSeconds,
        perSecond: n / (secs + aResolveSeconds),
        peakRssMb: [rssOf(a.stderr)],
      });
      log(`(a) + resolve ${Math.round(n / (secs + aResolveSeconds))} articles/s (resolve ${aResolveSeconds.toFixed(1)} s)`);
    }

    // (b) W workers into PostgreSQL via Redis.
    const url = new URL(pgUrl);
    url.searchParams.set('schema', schema);
    const env = { ...process.env, PARLEY_DB: url.toString(), PARLEY_QUEUE: cfg.url, PARLEY_QUEUE_NAME: cfg.name, PARLEY_QUEUE_PREFIX: cfg.prefix };
    const args = ['--concurrency', String(concurrency), '--threads', String(threads), ...(opts.resolve === false ? ['--no-resolve'] : [])];
    // Create the schema once, so that workers do not race to migrate it.
    const init = spawnSync(process.execPath, [PARLEY, 'docs', '--db', url.toString()], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`cannot open ${url}: ${init.stderr}`);
    const ws = Array.from({ length: workers }, () => startWorker(env, args));
    procs.push(...ws.map((w) => w.proc));
    await Promise.all(ws.map((w) => w.ready));
    t0 = performance.now();
    const b = spawnSync(process.execPath, [PARLEY, 'ingest', '--queue', '--quiet', '--batch-size', String(opts.batchSize ?? 32), input], { encoding: 'utf8', env });
    secs = (performance.now() - t0) / 1000;
    if (b.status !== 0) throw new Error(`ingest --queue failed: ${b.stderr}`);
    const stats = new QueueStats(cfg);
    const totals = await stats.totals();
    await stats.close();
    const pending = async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      try {
        return Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".resolve_queue`)).rows[0].n);
      } finally {
        await c.end();
      }
    };
    const resolveBacklog = await pending();
    // The idle workers resolve what is left; wait until nothing is (or nothing moves for 60 s).
    const t1 = performance.now();
    let left = resolveBacklog;
    let moved = performance.now();
    while (opts.resolve !== false && left > 0 && performance.now() - moved < 60_000) {
      await new Promise((r) => setTimeout(r, 250));
      const now = await pending();
      if (now < left) moved = performance.now();
      left = now;
    }
    const resolveDrainSeconds = (performance.now() - t1) / 1000;
    const latency = await idleLatency(cfg, 20);
    for (const w of ws) w.proc.kill('SIGTERM');
    await Promise.all(ws.map((w) => w.exited));
    const setupB = `${workers} workers × ${threads} thread${threads === 1 ? '' : 's'} (${concurrency} jobs each) → PostgreSQL via Redis`;
    const rss = ws.map((w) => rssOf(w.err()));
    rows.push({ setup: `${setupB}${opts.resolve === false ? ' (no resolve)' : ', every article stored (resolving as they go)'}`, articles: n, seconds: secs, perSecond: n / secs, peakRssMb: rss });
    log(`(b) ${Math.round(n / secs)} articles/s`);
    if (opts.resolve !== false) {
      rows.push({ setup: `${setupB}, every article stored and resolved`, articles: n, seconds: secs + resolveDrainSeconds, perSecond: n / (secs + resolveDrainSeconds), peakRssMb: rss });
    }

    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    let resolved: ThroughputResult['resolved'] = null;
    try {
      const r = await c.query<Record<string, string>>(
        `SELECT (SELECT count(*) FROM "${schema}".doc_signatures) AS documents,
                (SELECT count(*) FROM (SELECT 1 FROM "${schema}".doc_signatures GROUP BY story_id HAVING count(*) > 1) x) AS stories,
                (SELECT count(*) FROM "${schema}".merged_events) AS merged,
                (SELECT count(*) FROM "${schema}".merged_events WHERE num_articles > 1) AS multi`,
      );
      const x = r.rows[0];
      resolved = { documents: Number(x.documents), stories: Number(x.stories), mergedEvents: Number(x.merged), multiArticleEvents: Number(x.multi) };
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await c.end();
    }
    return {
      rows,
      ratio: opts.resolve === false ? rows[1].perSecond / rows[0].perSecond : rows[3].perSecond / rows[1].perSecond,
      storedRatio: (opts.resolve === false ? rows[1] : rows[2]).perSecond / rows[0].perSecond,
      backlogWaitMean: totals.jobs ? totals.waitMs / totals.jobs / 1000 : 0,
      backlogWaitMax: totals.maxWaitMs / 1000,
      pickupMs: latency.pickupMs,
      doneMs: latency.doneMs,
      resolved,
      resolveBacklog,
      resolveDrainSeconds,
    };
  } finally {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    await obliterateQueue(cfg).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatThroughput(r: ThroughputResult): string {
  const lines = [
    '| setup | articles | seconds | articles/s | peak RSS per process (MB) |',
    '| --- | ---: | ---: | ---: | --- |',
    ...r.rows.map((x) => `| ${x.setup} | ${x.articles} | ${x.seconds.toFixed(1)} | ${x.perSecond.toFixed(1)} | ${x.peakRssMb.join(', ')} |`),
    '',
    `ratio (b)/(a), like for like: ${r.ratio.toFixed(2)} (target ≥ 0.80)`,
    `ratio (b) stored, resolving meanwhile / (a) ingest alone: ${r.storedRatio.toFixed(2)}`,
    `queue latency during the run (backlog): mean wait ${r.backlogWaitMean.toFixed(1)} s, max ${r.backlogWaitMax.toFixed(1)} s before a worker took a job`,
    `idle queue: median ${r.pickupMs} ms from adding a one-article job to a worker starting it, ${r.doneMs} ms to done (pipeline, store and resolve included)`,
  ];
  if (r.resolved) {
    lines.push(
      `resolution (PostgreSQL run): ${r.resolved.documents} documents resolved, ${r.resolved.stories} story clusters, ${r.resolved.mergedEvents} merged events (${r.resolved.multiArticleEvents} from more than one article)`,
      `resolution backlog when every article was stored: ${r.resolveBacklog} documents, resolved by the idle workers in ${r.resolveDrainSeconds.toFixed(1)} s (one resolver at a time)`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  const r = await runThroughputBench({
    n: num('n'),
    workers: num('workers'),
    concurrency: num('concurrency'),
    threads: num('threads'),
    batchSize: num('batch-size'),
    resolve: !process.argv.includes('--no-resolve'),
    pg: arg('pg'),
    redis: arg('redis'),
  });
  process.stdout.write(formatThroughput(r) + '\n');
}
