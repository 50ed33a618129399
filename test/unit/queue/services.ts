/**
 * Throwaway services and child processes for the queue tests. The machine's shared PostgreSQL
 * (5432) and Redis (6379) are never stopped: outage tests start their own Redis (with an
 * append-only file, so that a restart keeps the queue, as a production Redis would) and their own
 * PostgreSQL cluster (initdb as the `postgres` user in a temporary folder), each on a free port,
 * and stop and start those.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { obliterateQueue } from '../../../src/queue/admin.js';
import { queueConfig } from '../../../src/queue/config.js';
import type { QueueConfig } from '../../../src/queue/config.js';
import type { Report } from '../../fixtures/resolve/reports.js';

export const REDIS_URL = process.env.PARLEY_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** Why the shared Redis cannot be used, or undefined when it answers. */
export async function redisUnavailable(url = REDIS_URL): Promise<string | undefined> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
    return undefined;
  } catch (e) {
    return `Redis unreachable at ${url} (${(e as Error).message}); set PARLEY_TEST_REDIS`;
  } finally {
    r.disconnect();
  }
}

const queues: QueueConfig[] = [];

/** A queue no other test uses (its own name and prefix); removed by {@link cleanupQueues}. */
export function freshQueue(url = REDIS_URL): QueueConfig {
  const cfg = queueConfig({ url, name: `t${process.pid}-${randomBytes(3).toString('hex')}`, prefix: 'parley-test' });
  queues.push(cfg);
  return cfg;
}

export async function cleanupQueues(): Promise<void> {
  for (const q of queues.splice(0)) await obliterateQueue(q).catch(() => undefined);
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Redis server of our own on a free port, persisting to an append-only file so that a restart keeps its data. */
export class OwnRedis {
  readonly port: number;
  readonly dir: string;
  #proc: ChildProcess | undefined;

  private constructor(port: number, dir: string) {
    this.port = port;
    this.dir = dir;
  }

  static async start(): Promise<OwnRedis> {
    const r = new OwnRedis(await freePort(), mkdtempSync(join(tmpdir(), 'parley-redis-')));
    await r.startAgain();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async startAgain(): Promise<void> {
    this.#proc = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir, '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i++) {
      if ((await redisUnavailable(this.url)) === undefined) return;
      await sleep(100);
    }
    throw new Error(`own redis on port ${this.port} did not start`);
  }

  /** Stop it (SIGTERM: Redis flushes its append-only file and exits). */
  async stop(): Promise<void> {
    const p = this.#proc;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    });
    this.#proc = undefined;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const PG_BIN = process.env.PARLEY_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why a throwaway PostgreSQL cluster cannot be made here, or undefined. */
export function ownPostgresUnavailable(): string | undefined {
  if (!existsSync(join(PG_BIN, 'initdb'))) return `no PostgreSQL server binaries in ${PG_BIN} (set PARLEY_TEST_PG_BIN)`;
  if (process.getuid?.() !== 0) return 'a throwaway PostgreSQL cluster is started as the postgres user, which needs root';
  if (spawnSync('id', ['postgres']).status !== 0) return 'no postgres user to run a throwaway cluster';
  return undefined;
}

/** A PostgreSQL cluster of our own (initdb in a temporary folder owned by `postgres`) on a free port. */
export class OwnPostgres {
  readonly port: number;
  readonly dir: string;

  private constructor(port: number, dir: string) {
    this.port = port;
    this.dir = dir;
  }

  private static run(args: string[]): void {
    const r = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr || r.stdout}`);
  }

  static async start(): Promise<OwnPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'parley-pg-'));
    chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()));
    const pg = new OwnPostgres(await freePort(), dir);
    OwnPostgres.run([join(PG_BIN, 'initdb'), '-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    pg.startAgain();
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  startAgain(): void {
    OwnPostgres.run([
      join(PG_BIN, 'pg_ctl'), '-D', join(this.dir, 'data'), '-l', join(this.dir, 'log'), '-w', '-t', '30',
      '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`, 'start',
    ]);
  }

  /** Fast shutdown: open connections are cut, as in a crash of the server's clients' point of view. */
  stop(): void {
    OwnPostgres.run([join(PG_BIN, 'pg_ctl'), '-D', join(this.dir, 'data'), '-w', '-m', 'fast', 'stop']);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const here = fileURLToPath(new URL('.', import.meta.url));
const isTs = import.meta.url.endsWith('.ts');
const nodeArgs = isTs ? ['--import', 'tsx'] : [];

export interface ChildRun {
  proc: ChildProcess;
  /** Everything written to stderr so far. */
  err(): string;
  out(): string;
  /** Resolves when a line matching `re` has been written (to stderr or stdout). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function child(script: string, args: string[], env: Record<string, string>): ChildRun {
  const proc = spawn(process.execPath, [...nodeArgs, join(here, isTs ? `${script}.ts` : `${script}.js`), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const m = (err + out).split('\n').find((l) => w.re.test(l));
      if (m !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => ((out += s), check()));
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => ((err += s), check()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('close', (code, signal) => resolve({ code, signal })));
  return {
    proc,
    err: () => err,
    out: () => out,
    exited,
    waitFor(re, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re} in:\n${err}${out}`)), timeoutMs);
        waiters.push({ re, resolve: (l) => (clearTimeout(timer), resolve(l)) });
        check();
        void exited.then(() => setTimeout(() => reject(new Error(`process exited before ${re}:\n${err}${out}`)), 50));
      });
    },
  };
}

export interface WorkerChildOptions {
  queue: QueueConfig;
  db: string;
  /** Extra milliseconds of work per document (a test stage), so that kills and outages land mid-run. */
  slowMs?: number;
  /** A word that makes the test stage throw. */
  poison?: string;
  lockMs?: number;
  stalledMs?: number;
  concurrency?: number;
}

/** A worker process (test/unit/queue/worker-child). */
export function workerChild(o: WorkerChildOptions): ChildRun {
  return child('worker-child', [], {
    PARLEY_QUEUE: o.queue.url,
    PARLEY_QUEUE_NAME: o.queue.name,
    PARLEY_QUEUE_PREFIX: o.queue.prefix,
    PARLEY_DB: o.db,
    CHILD_SLOW_MS: String(o.slowMs ?? 0),
    CHILD_POISON: o.poison ?? '',
    CHILD_LOCK_MS: String(o.lockMs ?? 3000),
    CHILD_STALLED_MS: String(o.stalledMs ?? 1000),
    CHILD_CONCURRENCY: String(o.concurrency ?? 1),
  });
}

/** The `parley` command in a child process (from the sources under tsx, from dist otherwise). */
export function parleyChild(args: string[], env: Record<string, string>): ChildRun {
  return child('parley-child', args, env);
}

/** Write reports as a JSONL input file; returns its path. */
export function writeReports(dir: string, reports: Report[], extra: object[] = []): string {
  const path = join(dir, `reports-${randomBytes(3).toString('hex')}.jsonl`);
  const lines = reports.map((r) => JSON.stringify({ id: r.id, title: r.title, published: r.published, source: r.outlet, text: r.text }));
  for (const x of extra) lines.push(JSON.stringify(x));
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
