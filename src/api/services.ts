/**
 * The services every route uses — the store (for writes) and its reads (the store itself, or a
 * pool of read-only connections in worker threads, behind a cache of aggregate results), the CAMEO table, the knowledge base (loaded on first
 * use), the article ingester and the server's configuration — decorated once on the root instance
 * as `app.parley` by a plugin that opts out of encapsulation (fastify-plugin), so resource plugins
 * declare it as a dependency instead of reaching for globals.
 */
import fp from 'fastify-plugin';
import type { Kb } from '../actors/kb.js';
import type { CameoTable } from '../code/cameo.js';
import type { ActorInfo } from '../export/actor-info.js';
import type { StoreReads } from '../store/sqlite/read-pool.js';
import type { Store } from '../store/store.js';
import type { ReadCache } from './read-cache.js';
import type { ArticleIngester } from './ingest-articles.js';

export interface ApiConfig {
  /** The address the server listens on (decides whether writes need a token). */
  host: string;
  /** PARLEY_API_TOKEN: when set, writes need `Authorization: Bearer <token>`. */
  token: string | undefined;
  /** Largest POST /api/documents body, in bytes. */
  bodyLimit: number;
  /** Origins allowed by CORS; none when empty. */
  cors: string[];
  /** The built dashboard (index.html and assets), or null to serve the API only. */
  webRoot: string | null;
}

export interface ApiServices {
  /** The store: writes (`POST /api/documents`) and what is not a read query. */
  store: Store;
  /** Where every read route queries: the store, or a read pool; dyad series and networks through `cache`. */
  reads: StoreReads;
  /** The cache of aggregate reads, when there is one. */
  cache: ReadCache | undefined;
  cameo: CameoTable;
  /** The knowledge base, or undefined when it cannot be loaded (actor search then uses the data only). */
  kb(): Kb | undefined;
  actorInfo(): ActorInfo;
  ingester: ArticleIngester;
  config: ApiConfig;
  version: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    parley: ApiServices;
  }
}

export const SERVICES_PLUGIN = 'parley-services';

export const servicesPlugin = fp<{ services: ApiServices }>(
  async (app, opts) => {
    app.decorate('parley', opts.services);
  },
  { name: SERVICES_PLUGIN, fastify: '5.x' },
);
