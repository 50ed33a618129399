/**
 * The HTTP API and the dashboard as one Fastify 5 app (TypeBox type provider, schema-first):
 * services decorated once (`app.parley`), one plugin per resource under `/api`, one error handler
 * that answers `{statusCode, code, error, message}` with catalogue codes, `/api/openapi.json`
 * generated from the route schemas, and the built dashboard on every other path.
 *
 * Reads go to `reads` (the store, or a pool of read-only connections in worker threads), dyad
 * series and networks through a cache emptied whenever the data changes; writes go to `store`.
 *
 * `buildApp` does not listen (tests use `app.inject()`); `parley serve` listens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { loadKb } from '../actors/kb.js';
import type { Kb } from '../actors/kb.js';
import { loadCameo } from '../code/cameo.js';
import { kbActorInfo, PLAIN_ACTOR_INFO } from '../export/actor-info.js';
import { packageRoot } from '../package-root.js';
import { sqliteDataVersion } from '../store/sqlite/read-pool.js';
import type { StoreReads } from '../store/sqlite/read-pool.js';
import { SqliteStore } from '../store/sqlite/store.js';
import type { Store } from '../store/store.js';
import { actorsRoutes } from './actors.js';
import { errorHandler, notFoundHandler } from './api-error.js';
import { documentsRoutes } from './documents.js';
import { dyadsRoutes } from './dyads.js';
import { eventsRoutes, mergedEventsRoutes } from './events.js';
import { healthRoutes } from './health.js';
import { ArticleIngester } from './ingest-articles.js';
import { networkRoutes } from './network.js';
import { collectRoutes, openApiRoute } from './openapi.js';
import { DEFAULT_CACHE_ENTRIES, ReadCache } from './read-cache.js';
import { servicesPlugin } from './services.js';
import type { ApiServices } from './services.js';
import { registerDashboard } from './web.js';

/** Default largest POST body: 8 MiB. */
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;

export interface ApiOptions {
  store: Store;
  /**
   * Where read routes query (default: `store`), e.g. a `SqliteReadPool` over the same file so that
   * queries run in worker threads; writes always go to `store`.
   */
  reads?: StoreReads;
  /**
   * Dyad series and networks kept until the data changes: at most this many (default
   * {@link DEFAULT_CACHE_ENTRIES}; 0: no cache). Only for a SQLite store, whose data version says
   * when any connection committed; a PostgreSQL store is never cached.
   */
  cacheEntries?: number;
  /** Articles posted to `POST /api/documents` are processed in this many worker threads (default 0: in this thread). */
  ingestWorkers?: number;
  /** The address the server will listen on (default 127.0.0.1); decides whether writes need a token. */
  host?: string;
  /** Default: process.env.PARLEY_API_TOKEN. */
  token?: string;
  bodyLimit?: number;
  /** Origins allowed by CORS (default none: no CORS headers at all). */
  cors?: string[];
  /** The built dashboard (default dist/web of the package); null serves the API only. */
  webRoot?: string | null;
  /** A Fastify logger setting (default off). */
  logger?: FastifyServerOptions['logger'];
  /** The knowledge base to use (default: loaded on first use; null: none). */
  kb?: Kb | null;
}

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** The default dashboard folder: `dist/web` of the package. */
export function defaultWebRoot(): string {
  return join(packageRoot(), 'dist', 'web');
}

/** Build the app (routes registered, not listening); throws only on programming errors. */
export async function buildApp(opts: ApiOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 64 * 1024,
    routerOptions: { maxParamLength: 500 },
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });
  const routes = collectRoutes(app);

  let kb: Kb | undefined | null = opts.kb === null ? null : opts.kb;
  let kbFailed = false;
  const getKb = (): Kb | undefined => {
    if (kb === null || kbFailed) return undefined;
    if (kb === undefined) {
      try {
        kb = loadKb();
      } catch (err) {
        kbFailed = true;
        app.log.warn({ err }, 'knowledge base not loaded; actor names and search use the stored events only');
        return undefined;
      }
    }
    return kb;
  };
  let actorInfo: ReturnType<typeof kbActorInfo> | undefined;
  const version = packageVersion();
  const ingester = new ArticleIngester(opts.store, { workers: opts.ingestWorkers ?? 0 });
  const cacheEntries = opts.cacheEntries ?? DEFAULT_CACHE_ENTRIES;
  const cache = opts.store instanceof SqliteStore && cacheEntries > 0 ? new ReadCache(sqliteDataVersion(opts.store), cacheEntries) : undefined;
  const reads = opts.reads ?? opts.store;
  const services: ApiServices = {
    store: opts.store,
    reads: cache ? cache.wrap(reads) : reads,
    cache,
    cameo: loadCameo(),
    kb: getKb,
    actorInfo: () => {
      if (actorInfo) return actorInfo;
      const k = getKb();
      return k ? (actorInfo = kbActorInfo(k)) : PLAIN_ACTOR_INFO;
    },
    ingester,
    config: {
      host: opts.host ?? '127.0.0.1',
      token: opts.token ?? process.env.PARLEY_API_TOKEN,
      bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
      cors: opts.cors ?? [],
      webRoot: opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot,
    },
    version,
  };
  app.addHook('onClose', async () => ingester.close());

  await app.register(servicesPlugin, { services });
  if (services.config.cors.length > 0) {
    await app.register(cors, {
      origin: services.config.cors,
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      exposedHeaders: ['Content-Disposition'],
      maxAge: 600,
    });
  }
  await app.register(healthRoutes);
  await app.register(eventsRoutes, { prefix: '/api/events' });
  await app.register(mergedEventsRoutes, { prefix: '/api/merged-events' });
  await app.register(documentsRoutes, { prefix: '/api/documents' });
  await app.register(dyadsRoutes, { prefix: '/api/dyads' });
  await app.register(networkRoutes, { prefix: '/api/network' });
  await app.register(actorsRoutes, { prefix: '/api/actors' });
  openApiRoute(app, routes, version);
  registerDashboard(app, services.config.webRoot);
  await app.ready();
  return app;
}
