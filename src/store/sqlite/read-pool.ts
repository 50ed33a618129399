/**
 * A pool of read-only SQLite connections, each in its own worker thread, that answers the store's
 * read queries (`READ_METHODS`) off the main thread. better-sqlite3 is synchronous: on one
 * connection a 100 ms network query holds every other request for 100 ms. In WAL mode readers do
 * not block each other nor the one writer, so `size` workers answer `size` queries at once while
 * the main thread keeps parsing, validating and serialising; writes stay on the main thread's
 * writable connection.
 *
 * A query is a `(method, args)` message; the worker runs the same `SqliteStore` read code on its
 * connection and posts the value back (structured clone). Jobs wait in one queue and go to the
 * first idle worker, so a slow query never holds a fast one that another worker could answer.
 * Errors keep their catalogue code and details (`PARLEY_STORE_READ`, `PARLEY_API_BAD_CURSOR`, …);
 * the driver's message travels as the cause, for the log. A worker that dies fails its job with
 * `PARLEY_STORE_READ` and is replaced.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ParleyError } from '../../errors.js';
import type { ErrorCode } from '../../errors.js';
import type { Store } from '../store.js';
import type { SqliteStore } from './store.js';

/** The store methods the pool answers: every read the API makes. */
export const READ_METHODS = [
  'queryEvents',
  'getEvent',
  'dyadSeries',
  'network',
  'searchActors',
  'queryMergedEvents',
  'getMergedEventDetail',
  'getDocument',
  'listDocuments',
  'searchDocuments',
  'stats',
] as const;

export type ReadMethod = (typeof READ_METHODS)[number];

/** The reads of a store: the store itself, or a pool that answers them in worker threads. */
export type StoreReads = Pick<Store, ReadMethod>;

/** Most read workers by default, however many cores there are. */
export const MAX_DEFAULT_READ_WORKERS = 8;

/** The default pool size: one worker per core (at least 1, at most {@link MAX_DEFAULT_READ_WORKERS}). */
export function defaultReadWorkers(): number {
  return Math.max(1, Math.min(MAX_DEFAULT_READ_WORKERS, availableParallelism()));
}

/** A catalogued error as it crosses the thread boundary. */
export interface WireError {
  code?: ErrorCode;
  details?: Record<string, unknown>;
  name: string;
  message: string;
  cause?: { name: string; message: string };
}

export type WireRequest = { id: number; method: ReadMethod; args: unknown[] };
export type WireReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

/** The error a worker's reply describes (a ParleyError with its code when it had one). */
export function errorFromWire(e: WireError, location: string): Error {
  const cause = e.cause ? Object.assign(new Error(e.cause.message), { name: e.cause.name }) : undefined;
  if (e.code) return new ParleyError(e.code, e.details ?? {}, { cause });
  return new ParleyError('PARLEY_STORE_READ', { location, why: e.message }, { cause: Object.assign(new Error(e.message), { name: e.name }) });
}

interface Job {
  id: number;
  method: ReadMethod;
  args: unknown[];
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

export interface ReadPoolOptions {
  /** Worker threads (default {@link defaultReadWorkers}). */
  size?: number;
}

/** The worker entry: the built `.js`, or the `.ts` source loaded through tsx under tests. */
function workerScript(): { script: string | URL; evalScript: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL('./read-pool-worker.js', import.meta.url), evalScript: false };
  // As in runner.ts: `--import tsx` in a worker's execArgv does not reach its loader on Node 20.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./read-pool-worker.ts', import.meta.url).href);
  return { script: `import(${tsx}).then((m) => { m.register(); return import(${entry}); })`, evalScript: true };
}

export class SqliteReadPool implements StoreReads {
  readonly location: string;
  readonly size: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  private constructor(location: string, size: number) {
    this.location = location;
    this.size = size;
  }

  /**
   * Start `size` workers on the SQLite file at `location` (which must exist: open and migrate it
   * with the writable store first); resolves once every worker has opened its connection. Throws
   * `PARLEY_STORE_OPEN` when a worker cannot open the file.
   */
  static async open(location: string, opts: ReadPoolOptions = {}): Promise<SqliteReadPool> {
    const size = Math.max(1, Math.floor(opts.size ?? defaultReadWorkers()));
    const pool = new SqliteReadPool(location, size);
    try {
      await Promise.all(Array.from({ length: size }, () => pool.start()));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  /** Start one worker; resolves when its connection is open. */
  private start(): Promise<void> {
    const { script, evalScript } = workerScript();
    const worker = new Worker(script, { eval: evalScript, workerData: { location: this.location }, execArgv: [] });
    return new Promise<void>((resolve, reject) => {
      // Only the listeners added here are removed: Worker keeps internal ones of its own (a bare
      // removeAllListeners() stops its messages from arriving at all).
      const onError = (e: Error) => fail(new ParleyError('PARLEY_STORE_OPEN', { location: this.location, why: e.message }, { cause: e }));
      const onExit = (code: number) =>
        fail(new ParleyError('PARLEY_STORE_OPEN', { location: this.location, why: `the read worker exited with code ${code}` }));
      const onMessage = (m: { type: 'ready' } | { type: 'error'; error: WireError }) => {
        if (m.type !== 'ready') {
          fail(m.error.code ? errorFromWire(m.error, this.location) : new ParleyError('PARLEY_STORE_OPEN', { location: this.location, why: m.error.message }));
          return;
        }
        detach();
        ready();
      };
      const detach = () => {
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.off('message', onMessage);
      };
      const fail = (err: unknown) => {
        detach();
        worker.terminate().catch(() => undefined);
        reject(err);
      };
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.on('message', onMessage);
      const ready = () => {
        const slot: Slot = { worker, job: undefined };
        worker.on('message', (r: WireReply) => this.done(slot, r));
        worker.on('error', (e) => this.lost(slot, e));
        worker.on('exit', (code) => this.lost(slot, new Error(`read worker exited with code ${code}`)));
        if (this.#closed) {
          worker.terminate().catch(() => undefined);
        } else {
          this.#slots.push(slot);
          this.next();
        }
        resolve();
      };
    });
  }

  private done(slot: Slot, r: WireReply): void {
    const job = slot.job;
    slot.job = undefined;
    if (job && job.id === r.id) {
      if (r.ok) job.resolve(r.value);
      else job.reject(errorFromWire(r.error, this.location));
    }
    this.next();
  }

  /** A worker died: fail its job, drop it, start another. */
  private lost(slot: Slot, err: Error): void {
    const at = this.#slots.indexOf(slot);
    if (at < 0) return;
    this.#slots.splice(at, 1);
    slot.job?.reject(new ParleyError('PARLEY_STORE_READ', { location: this.location, why: err.message }, { cause: err }));
    slot.job = undefined;
    if (this.#closed) return;
    this.start().catch((e) => {
      // Nothing left to answer the queue: fail what waits rather than hang.
      if (this.#slots.length === 0) for (const j of this.#queue.splice(0)) j.reject(e);
    });
  }

  /** Hand queued jobs to idle workers. */
  private next(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (slot.job) continue;
      const job = this.#queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, method: job.method, args: job.args } satisfies WireRequest);
    }
  }

  /** Jobs waiting for a worker (for tests and diagnostics). */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Run one read method in a worker; rejects with the method's catalogue error. */
  call(method: ReadMethod, args: unknown[]): Promise<unknown> {
    if (this.#closed) return Promise.reject(new ParleyError('PARLEY_STORE_READ', { location: this.location, why: 'the read pool is closed' }));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, method, args, resolve, reject });
      this.next();
    });
  }

  queryEvents(...args: Parameters<Store['queryEvents']>): ReturnType<Store['queryEvents']> {
    return this.call('queryEvents', args) as ReturnType<Store['queryEvents']>;
  }

  getEvent(...args: Parameters<Store['getEvent']>): ReturnType<Store['getEvent']> {
    return this.call('getEvent', args) as ReturnType<Store['getEvent']>;
  }

  dyadSeries(...args: Parameters<Store['dyadSeries']>): ReturnType<Store['dyadSeries']> {
    return this.call('dyadSeries', args) as ReturnType<Store['dyadSeries']>;
  }

  network(...args: Parameters<Store['network']>): ReturnType<Store['network']> {
    return this.call('network', args) as ReturnType<Store['network']>;
  }

  searchActors(...args: Parameters<Store['searchActors']>): ReturnType<Store['searchActors']> {
    return this.call('searchActors', args) as ReturnType<Store['searchActors']>;
  }

  queryMergedEvents(...args: Parameters<Store['queryMergedEvents']>): ReturnType<Store['queryMergedEvents']> {
    return this.call('queryMergedEvents', args) as ReturnType<Store['queryMergedEvents']>;
  }

  getMergedEventDetail(...args: Parameters<Store['getMergedEventDetail']>): ReturnType<Store['getMergedEventDetail']> {
    return this.call('getMergedEventDetail', args) as ReturnType<Store['getMergedEventDetail']>;
  }

  getDocument(...args: Parameters<Store['getDocument']>): ReturnType<Store['getDocument']> {
    return this.call('getDocument', args) as ReturnType<Store['getDocument']>;
  }

  listDocuments(...args: Parameters<Store['listDocuments']>): ReturnType<Store['listDocuments']> {
    return this.call('listDocuments', args) as ReturnType<Store['listDocuments']>;
  }

  searchDocuments(...args: Parameters<Store['searchDocuments']>): ReturnType<Store['searchDocuments']> {
    return this.call('searchDocuments', args) as ReturnType<Store['searchDocuments']>;
  }

  stats(...args: Parameters<Store['stats']>): ReturnType<Store['stats']> {
    return this.call('stats', args) as ReturnType<Store['stats']>;
  }

  /** Stop the workers; waiting and running jobs fail with `PARLEY_STORE_READ`. Safe to call twice. */
  async close(): Promise<void> {
    this.#closed = true;
    const closed = new ParleyError('PARLEY_STORE_READ', { location: this.location, why: 'the read pool was closed' });
    for (const j of this.#queue.splice(0)) j.reject(closed);
    const slots = this.#slots.splice(0);
    for (const s of slots) {
      s.job?.reject(closed);
      s.job = undefined;
    }
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }
}

/**
 * A value that changes whenever the store's data may have changed: SQLite's `data_version` of the
 * store's own connection (bumped by every commit of another connection or process) with that
 * connection's `total_changes()` (its own writes, which `data_version` does not count). Cheap
 * (two reads of in-memory counters); for caches of query results.
 */
export function sqliteDataVersion(store: SqliteStore): () => string {
  const stmt = store.db.prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck();
  return () => stmt.get() as string;
}
