/** The store: one interface, an embedded SQLite and a scale-out PostgreSQL implementation. */
export { openStore, defaultStoreLocation, isPostgresLocation } from './open-store.js';
export type {
  Store,
  StoredDoc,
  StoredRun,
  PutResult,
  DocSummary,
  SearchHit,
  MigrationResult,
  StoreStats,
} from './store.js';
export type { Database } from './tables.js';
export { openSqliteStore, SqliteStore } from './sqlite/store.js';
export { openPostgresStore, PostgresStore } from './postgres/store.js';
