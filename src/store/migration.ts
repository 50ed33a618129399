/**
 * A migration: one ordered module per schema change, named after its file (`0001-documents`), with
 * `up` and `down`. Each dialect's migrator applies pending ones in name order, one transaction
 * each, records them in the `migrations` table, and returns a `MigrationResult` per migration
 * instead of throwing (Kysely's migrator does the same).
 */
import type { MigrationResult } from './store.js';

export interface Migration<Conn> {
  name: string;
  up(conn: Conn): void | Promise<void>;
  down(conn: Conn): void | Promise<void>;
}

/** The message of any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Results when the migrations table itself cannot be read: the first fails, the rest wait. */
export function failedBeforeStart(names: string[], err: unknown): MigrationResult[] {
  return names.map((name, i) =>
    i === 0
      ? { name, status: 'Error' as const, error: errorMessage(err), cause: err }
      : { name, status: 'NotExecuted' as const },
  );
}

/** Migrations sorted by name; throws on a duplicate name (a programming error). */
export function ordered<M extends { name: string }>(migrations: readonly M[]): M[] {
  const sorted = [...migrations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].name === sorted[i - 1].name) throw new Error(`duplicate migration name ${sorted[i].name}`);
  }
  return sorted;
}
