/**
 * Worker-thread side of the read pool (`read-pool.ts`): one read-only connection to the store file
 * and the `SqliteStore` read code over it; answers `{id, method, args}` with the method's value or
 * its error (catalogue code, details and the driver's message as cause).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { isParleyError } from '../../errors.js';
import { storeError } from '../store-error.js';
import { READ_METHODS } from './read-pool.js';
import type { ReadMethod, WireError, WireReply, WireRequest } from './read-pool.js';
import { BUSY_TIMEOUT_MS, SqliteStore } from './store.js';

const { location } = workerData as { location: string };
const port = parentPort!;
const allowed = new Set<string>(READ_METHODS);

function toWire(err: unknown): WireError {
  const e = err instanceof Error ? err : new Error(String(err));
  const w: WireError = { name: e.name, message: e.message };
  if (isParleyError(e)) {
    w.code = e.code;
    w.details = JSON.parse(JSON.stringify(e.details)) as Record<string, unknown>;
  }
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error) w.cause = { name: cause.name, message: cause.message };
  return w;
}

let db: BetterSqlite3.Database | undefined;
try {
  db = new Database(location, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
} catch (err) {
  try {
    db?.close();
  } catch {
    // the open error is the one to report
  }
  port.postMessage({ type: 'error', error: toWire(storeError('PARLEY_STORE_OPEN', location, err)) });
  db = undefined;
}

/** The reply to one request: the method's value, or its error with its catalogue code. */
async function answer(store: SqliteStore, m: WireRequest): Promise<WireReply> {
  try {
    if (!allowed.has(m.method)) throw new Error(`'${m.method}' is not a read method`);
    const fn = store[m.method as ReadMethod] as (...args: unknown[]) => Promise<unknown>;
    return { id: m.id, ok: true, value: await fn.apply(store, m.args) };
  } catch (err) {
    return { id: m.id, ok: false, error: toWire(isParleyError(err) ? err : storeError('PARLEY_STORE_READ', location, err)) };
  }
}

if (db) {
  const store = new SqliteStore(db, location);
  port.on('message', (m: WireRequest) => {
    void answer(store, m).then((reply) => port.postMessage(reply));
  });
  port.postMessage({ type: 'ready' });
}
