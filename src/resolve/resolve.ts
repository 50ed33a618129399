/**
 * Cross-document resolution as a stage after storing: `resolveNewDocuments(store)` resolves what
 * the store's resolution queue holds, chunk by chunk, each chunk in one transaction under the
 * store's resolution lock (src/store/clusters.ts).
 *
 * Safe with many workers: on PostgreSQL a worker that finds the lock taken returns at once (its
 * documents stay queued), and whoever holds the lock looks at the queue again after each commit
 * and keeps going while anything is queued. So a document queued by any worker is resolved by the
 * last lock holder at the latest, and the pipeline work of the other workers never waits for
 * resolution. Idempotent: a document already resolved at its current content hash is skipped; a
 * changed document is re-resolved (its old links are removed first).
 */
import type { Store } from '../store/store.js';
import { emptySummary, resolveChunk } from './resolve-chunk.js';
import type { ResolveOptions, ResolveSummary } from './resolve-chunk.js';

export interface ResolveRun extends ResolveSummary {
  /** Transactions run. */
  chunks: number;
  /** True when another process held the resolution lock (it resolves what was queued). */
  skipped: boolean;
}

function add(total: ResolveRun, r: ResolveSummary): void {
  for (const k of Object.keys(r) as (keyof ResolveSummary)[]) total[k] += r[k];
}

/**
 * Resolve the documents waiting in the store's resolution queue. With `wait` (default false) it
 * waits for the resolution lock instead of leaving the work to its holder. Throws the store's
 * `PARLEY_STORE_WRITE` when a transaction fails (that chunk stays queued).
 */
export async function resolveNewDocuments(store: Store, opts: ResolveOptions & { wait?: boolean } = {}): Promise<ResolveRun> {
  const total: ResolveRun = { ...emptySummary(), chunks: 0, skipped: false };
  for (;;) {
    const r = await store.clusters.runResolution(() => resolveChunk(opts), { wait: opts.wait ?? false });
    if (r === undefined) {
      total.skipped = true;
      return total;
    }
    total.chunks++;
    add(total, r);
    // An empty take means the queue was empty inside the lock; look once more now that it is
    // released, for documents queued by workers that found the lock taken.
    if (r.taken === 0 && (await store.clusters.pendingResolution()) === 0) return total;
  }
}

/** Queue these documents (e.g. a batch just stored) and resolve what is queued. */
export async function resolveDocuments(store: Store, ids: string[], opts: ResolveOptions & { wait?: boolean } = {}): Promise<ResolveRun> {
  await store.clusters.queueResolution(ids);
  return resolveNewDocuments(store, opts);
}

/**
 * Resolve every stored document not resolved at its current content hash; with `fromScratch`,
 * first delete every resolution result (raw documents and events stay) and rebuild it all.
 */
export async function resolveAll(store: Store, opts: ResolveOptions & { fromScratch?: boolean } = {}): Promise<ResolveRun & { queued: number }> {
  if (opts.fromScratch) await store.clusters.resetResolution();
  const queued = await store.clusters.queueResolution();
  const run = await resolveNewDocuments(store, { ...opts, wait: true });
  return { ...run, queued };
}
