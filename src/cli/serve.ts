/**
 * `parley serve`: the HTTP API (under /api, described at /api/openapi.json) and the dashboard
 * (every other path) on one port. Listens on 127.0.0.1:8080 by default. Writes
 * (`POST /api/documents`) need `Authorization: Bearer $PARLEY_API_TOKEN` when that variable is
 * set, and are refused on a non-loopback address without it. Stops cleanly on SIGINT/SIGTERM.
 *
 * On a SQLite store, read routes query a pool of read-only connections in worker threads
 * (`--read-workers N`, `PARLEY_READ_WORKERS`; default one per core; 0 queries on the main thread),
 * so that concurrent requests do not wait for each other's synchronous queries; dyad series and
 * networks are cached until the data changes (`--cache N` results, `PARLEY_API_CACHE`; 0: none).
 * Articles posted to the API are processed in a worker thread; their writes use the main
 * thread's connection. A PostgreSQL store uses its own connection pool.
 */
import { buildApp, DEFAULT_BODY_LIMIT } from '../api/app.js';
import { isLoopback } from '../api/write-guard.js';
import { ParleyError } from '../errors.js';
import { DEFAULT_CACHE_ENTRIES } from '../api/read-cache.js';
import { openStore, SqliteStore } from '../store/index.js';
import { defaultReadWorkers, SqliteReadPool } from '../store/sqlite/read-pool.js';
import type { Store } from '../store/store.js';
import { dbLocation, intFlag, parse } from './args.js';

export const summary = 'serve the HTTP API and the dashboard';

export interface Served {
  /** The address the server listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Worker threads answering reads (0: the main thread, or a PostgreSQL store's own pool). */
  readWorkers: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  db?: string;
  host?: string;
  port?: number;
  cors?: string[];
  bodyLimit?: number;
  webRoot?: string | null;
  /** Log requests to stderr (JSON lines). */
  log?: boolean;
  /** Read-only connections in worker threads for a SQLite store (default {@link defaultReadWorkers}; 0: none). */
  readWorkers?: number;
  /** Dyad series and networks kept until the data changes (default {@link DEFAULT_CACHE_ENTRIES}; 0: none). */
  cacheEntries?: number;
  /** Worker threads for the pipeline of posted articles (default 1; 0: the main thread). */
  ingestWorkers?: number;
}

/**
 * Give SQLite's query planner statistics (sampled, well under a second on a million events), so
 * that it picks the event-query indexes of migration 0008 for each filter; stores that have them
 * are only re-sampled when the tables changed a lot (`PRAGMA optimize`). A read-only file keeps its
 * plans.
 */
export function prepareStore(store: Store): void {
  if (!(store instanceof SqliteStore)) return;
  try {
    const analysed = store.db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'sqlite_stat1'").get() as { n: number };
    store.db.exec(`PRAGMA analysis_limit = 400; ${analysed.n > 0 ? 'PRAGMA optimize;' : 'ANALYZE;'}`);
  } catch (err) {
    process.stderr.write(`parley serve: warning: could not analyse the store (${(err as Error).message}); queries still work\n`);
  }
}

/** Open the store and listen; resolves once the server accepts connections. Throws `PARLEY_API_LISTEN`. */
export async function serve(opts: ServeOptions = {}): Promise<Served> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 8080;
  const store = await openStore(dbLocation(opts.db));
  prepareStore(store);
  let app;
  let pool: SqliteReadPool | undefined;
  try {
    const readWorkers = opts.readWorkers ?? defaultReadWorkers();
    // After prepareStore, so that every connection reads the planner statistics.
    if (store instanceof SqliteStore && readWorkers > 0 && store.location !== ':memory:' && store.location !== '') pool = await SqliteReadPool.open(store.location, { size: readWorkers });
    app = await buildApp({
      store,
      reads: pool,
      cacheEntries: opts.cacheEntries,
      ingestWorkers: opts.ingestWorkers ?? 1,
      host,
      cors: opts.cors,
      bodyLimit: opts.bodyLimit,
      webRoot: opts.webRoot,
      // Fastify logs to stdout unless told otherwise; parley's messages go to stderr.
      logger: { level: opts.log ? 'info' : 'warn', stream: process.stderr },
    });
  } catch (err) {
    await pool?.close();
    await store.close();
    throw err;
  }
  let address: string;
  try {
    address = await app.listen({ host, port });
  } catch (err) {
    await app.close().catch(() => undefined);
    await pool?.close();
    await store.close();
    throw new ParleyError('PARLEY_API_LISTEN', { host, port, why: (err as Error).message }, { cause: err });
  }
  let closing: Promise<void> | undefined;
  return {
    url: address,
    readWorkers: pool?.size ?? 0,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await pool?.close();
        await store.close();
      })()),
  };
}

/** An environment variable's value, or undefined when unset or empty. */
function envValue(name: string): string | undefined {
  const v = process.env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, 'serve');
  const port = intFlag('--port', values.port, 8080);
  if (port > 65535) throw new ParleyError('PARLEY_CLI_USAGE', { why: `parley serve: --port must be 0 to 65535, got ${port}.` });
  const host = typeof values.host === 'string' && values.host !== '' ? values.host : '127.0.0.1';
  const cors = typeof values.cors === 'string' ? values.cors.split(',').map((s) => s.trim()).filter((s) => s !== '') : [];
  for (const origin of cors) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ParleyError('PARLEY_CLI_USAGE', { why: `parley serve: --cors takes origins like https://example.org, got '${origin}'.` });
    }
  }
  const served = await serve({
    db: typeof values.db === 'string' ? values.db : undefined,
    host,
    port,
    cors,
    bodyLimit: intFlag('--body-limit', values['body-limit'], DEFAULT_BODY_LIMIT),
    webRoot: typeof values['web-root'] === 'string' ? values['web-root'] : undefined,
    log: Boolean(values.log),
    readWorkers: intFlag('--read-workers', values['read-workers'] ?? envValue('PARLEY_READ_WORKERS'), defaultReadWorkers()),
    cacheEntries: intFlag('--cache', values.cache ?? envValue('PARLEY_API_CACHE'), DEFAULT_CACHE_ENTRIES),
  });
  const token = process.env.PARLEY_API_TOKEN;
  const writes = token ? 'writes need the PARLEY_API_TOKEN bearer token' : isLoopback(host) ? 'writes open to this machine' : 'writes refused (no PARLEY_API_TOKEN)';
  const reads = served.readWorkers > 0 ? `; reads in ${served.readWorkers} worker thread${served.readWorkers === 1 ? '' : 's'}` : '';
  process.stderr.write(`parley serve: ${served.url} — dashboard at /, API at /api (openapi.json), ${writes}${reads}. Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stderr.write('parley serve: stopping\n');
  await served.close();
  return 0;
}
