/**
 * A fresh SQLite store filled through the real pipeline (`ingest()`, the same code as
 * `parley ingest`) from the fixture articles `test/fixtures/api/articles.jsonl`, and the API
 * built on it for `app.inject()` (no socket). Each test file gets its own temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/api/app.js';
import type { ApiOptions } from '../../../src/api/app.js';
import { ingest } from '../../../src/cli/ingest.js';
import { resolveAll } from '../../../src/resolve/resolve.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..', import.meta.url.includes('/dist/') ? '..' : '');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'api', 'articles.jsonl');
/**
 * Articles written for merged events (invented wording about real leaders, so that the real pipeline
 * codes them): three outlets report one meeting in their own words, on their own publication days,
 * and one unrelated article.
 */
export const MERGED_FIXTURES = join(ROOT, 'test', 'fixtures', 'api', 'merged.jsonl');

export interface Fixture {
  store: Store;
  dir: string;
  db: string;
  /** A new app on the fixture store (closed by `close`). */
  app(opts?: Partial<ApiOptions>): Promise<FastifyInstance>;
  close(): Promise<void>;
}

/**
 * The fixture store; pass `empty: true` for a store with no documents, `inputs` for other fixture
 * files, `resolve: true` to run cross-document resolution (`resolveAll`, as `parley resolve`) after.
 */
export async function fixture(opts: { empty?: boolean; inputs?: string[]; resolve?: boolean } = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-api-'));
  const db = join(dir, 'api.db');
  const store = await openStore(db);
  if (!opts.empty) {
    const { failures } = await ingest({ store, inputs: opts.inputs ?? [FIXTURES], workers: 0 });
    if (failures.length > 0) throw new Error(`fixture ingest failed: ${JSON.stringify(failures)}`);
  }
  if (opts.resolve) await resolveAll(store);
  const apps: FastifyInstance[] = [];
  return {
    store,
    dir,
    db,
    async app(o = {}) {
      const app = await buildApp({ store, webRoot: null, token: '', ...o });
      apps.push(app);
      return app;
    },
    async close() {
      for (const a of apps) await a.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The JSON body of a response. */
export function json<T = any>(r: { body: string }): T {
  return JSON.parse(r.body) as T;
}
