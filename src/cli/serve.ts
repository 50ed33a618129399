/**
 * `parley serve`: the HTTP API (under /api, described at /api/openapi.json) and the dashboard
 * (every other path) on one port. Listens on 127.0.0.1:8080 by default. Writes
 * (`POST /api/documents`) need `Authorization: Bearer $PARLEY_API_TOKEN` when that variable is
 * set, and are refused on a non-loopback address without it. Stops cleanly on SIGINT/SIGTERM.
 */
import { buildApp, DEFAULT_BODY_LIMIT } from '../api/app.js';
import { isLoopback } from '../api/write-guard.js';
import { ParleyError } from '../errors.js';
import { openStore, SqliteStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { dbLocation, intFlag, parse } from './args.js';

export const summary = 'serve the HTTP API and the dashboard';

export interface Served {
  /** The address the server listens on, e.g. http://127.0.0.1:8080. */
  url: string;
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
  try {
    app = await buildApp({
      store,
      host,
      cors: opts.cors,
      bodyLimit: opts.bodyLimit,
      webRoot: opts.webRoot,
      logger: opts.log ? { level: 'info' } : { level: 'warn' },
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  let address: string;
  try {
    address = await app.listen({ host, port });
  } catch (err) {
    await app.close().catch(() => undefined);
    await store.close();
    throw new ParleyError('PARLEY_API_LISTEN', { host, port, why: (err as Error).message }, { cause: err });
  }
  let closing: Promise<void> | undefined;
  return {
    url: address,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await store.close();
      })()),
  };
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    {
      db: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string', short: 'p' },
      cors: { type: 'string' },
      'body-limit': { type: 'string' },
      'web-root': { type: 'string' },
      log: { type: 'boolean' },
    },
    'serve',
  );
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
  });
  const token = process.env.PARLEY_API_TOKEN;
  const writes = token ? 'writes need the PARLEY_API_TOKEN bearer token' : isLoopback(host) ? 'writes open to this machine' : 'writes refused (no PARLEY_API_TOKEN)';
  process.stderr.write(`parley serve: ${served.url} — dashboard at /, API at /api (openapi.json), ${writes}. Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stderr.write('parley serve: stopping\n');
  await served.close();
  return 0;
}
