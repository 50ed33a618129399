/**
 * Open the store a location names: `postgres://` or `postgresql://` → PostgreSQL (optional
 * `?schema=name`, created when missing), anything else → a SQLite file path. Opening migrates.
 */
import { ParleyError } from '../errors.js';
import { openPostgresStore } from './postgres/store.js';
import { openSqliteStore } from './sqlite/store.js';
import type { Store } from './store.js';

/** The default location: `$PARLEY_DB`, else `./parley.db`. */
export function defaultStoreLocation(): string {
  return process.env.PARLEY_DB ?? './parley.db';
}

/** True when the location names a PostgreSQL server. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Open and migrate the store at `location` (default {@link defaultStoreLocation}).
 * Throws `PARLEY_STORE_OPEN` when it cannot be opened or reached, and `PARLEY_STORE_MIGRATION`
 * when a migration fails (that migration was rolled back; earlier ones stay applied); the
 * driver's error is the `cause`.
 */
export async function openStore(location: string = defaultStoreLocation()): Promise<Store> {
  const store: Store = isPostgresLocation(location) ? await openPostgresStore(location) : openSqliteStore(location);
  const results = await store.migrate();
  const failed = results.find((r) => r.status === 'Error');
  if (failed) {
    await store.close().catch(() => undefined);
    throw new ParleyError(
      'PARLEY_STORE_MIGRATION',
      { migration: failed.name, why: failed.error ?? 'unknown error', location: store.location },
      { cause: failed.cause },
    );
  }
  return store;
}
