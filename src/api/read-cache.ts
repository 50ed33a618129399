/**
 * Memoised aggregate reads: dyad series and networks are the API's costly answers (a scan of a
 * pair's or a period's events) and the dashboard asks for the same ones again and again. Each
 * result is kept under its method and arguments for as long as the store's data version (see
 * `sqliteDataVersion`) stays the same; any commit — by this server or another process — empties
 * the cache on the next request. Requests that arrive while the same query runs share its answer.
 * At most `entries` results are kept, the least recently used dropped first. A failed read is not
 * kept.
 *
 * Cached values are shared between requests: routes read them and build new objects, never
 * changing them.
 */
import { READ_METHODS } from '../store/sqlite/read-pool.js';
import type { StoreReads } from '../store/sqlite/read-pool.js';

/** Results kept by default (a 10-year daily dyad series is the largest, about 0.5 MB). */
export const DEFAULT_CACHE_ENTRIES = 256;

/**
 * Methods whose results are kept. Pages of events and merged events (`queryEvents`,
 * `queryMergedEvents`) and single records are not: each is one ordered index range keyed by its
 * own cursor, about as cheap to read again as to look up, and rarely asked for twice.
 */
export const CACHED_METHODS = ['dyadSeries', 'network'] as const;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Times the data version changed and the cache was emptied. */
  resets: number;
  entries: number;
}

export class ReadCache {
  readonly #version: () => string;
  readonly #max: number;
  readonly #entries = new Map<string, Promise<unknown>>();
  #at: string | undefined;
  readonly stats: CacheStats = { hits: 0, misses: 0, resets: 0, entries: 0 };

  /** `version` changes whenever the data may have; `entries` caps the results kept (0 keeps none). */
  constructor(version: () => string, entries = DEFAULT_CACHE_ENTRIES) {
    this.#version = version;
    this.#max = Math.max(0, Math.floor(entries));
  }

  /** The value of `key` at the current data version: the kept one, or `load()`'s (then kept). */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.#max === 0) return load();
    const v = this.#version();
    if (v !== this.#at) {
      if (this.#at !== undefined) this.stats.resets++;
      this.#entries.clear();
      this.#at = v;
    }
    const kept = this.#entries.get(key) as Promise<T> | undefined;
    if (kept) {
      this.stats.hits++;
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      return kept;
    }
    this.stats.misses++;
    const p = load();
    this.#entries.set(key, p);
    if (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as string);
    p.catch(() => {
      if (this.#entries.get(key) === p) this.#entries.delete(key);
    });
    this.stats.entries = this.#entries.size;
    return p;
  }

  /** `reads` with {@link CACHED_METHODS} answered through this cache; the other methods as they are. */
  wrap(reads: StoreReads): StoreReads {
    const cached = Object.fromEntries(
      READ_METHODS.map((m) => [m, (...args: unknown[]) => (reads[m] as (...a: unknown[]) => unknown).apply(reads, args)]),
    ) as unknown as StoreReads;
    cached.dyadSeries = (a, b, opts) => this.get(JSON.stringify(['dyadSeries', a, b, opts]), () => reads.dyadSeries(a, b, opts));
    cached.network = (opts) => this.get(JSON.stringify(['network', opts ?? {}]), () => reads.network(opts));
    return cached;
  }
}
