/**
 * The PostgreSQL migrator: under a session advisory lock (so concurrent openers wait for each
 * other), creates the schema when one is named, then applies pending migrations in name order,
 * each in its own transaction, and reports a result per migration. It never throws.
 */
import type { Pool, PoolClient } from 'pg';
import type { MigrationResult } from '../store.js';
import { errorMessage, failedBeforeStart, ordered } from '../migration.js';
import { quoteIdent } from '../tables.js';
import type { PostgresMigration } from './migrations/index.js';

const CREATE_MIGRATIONS = `CREATE TABLE IF NOT EXISTS migrations (
  name text PRIMARY KEY,
  applied_at text NOT NULL
)`;

async function withMigrationLock<T>(pool: Pool, schema: string | undefined, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const key = `parley:migrate:${schema ?? ''}`;
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    try {
      return await fn(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
    }
  } finally {
    client.release();
  }
}

/** Apply pending migrations; returns one result per migration, in order. */
export async function migratePostgres(
  pool: Pool,
  schema: string | undefined,
  migrations: readonly PostgresMigration[],
): Promise<MigrationResult[]> {
  const list = ordered(migrations);
  const names = list.map((m) => m.name);
  let started = false;
  try {
    return await withMigrationLock(pool, schema, async (client) => {
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(CREATE_MIGRATIONS);
      started = true;
      const results: MigrationResult[] = [];
      let failed = false;
      for (const m of list) {
        if (failed) {
          results.push({ name: m.name, status: 'NotExecuted' });
          continue;
        }
        try {
          await client.query('BEGIN');
          const done = await client.query('SELECT 1 FROM migrations WHERE name = $1', [m.name]);
          if (done.rowCount) {
            await client.query('COMMIT');
            results.push({ name: m.name, status: 'AlreadyApplied' });
            continue;
          }
          await m.up(client);
          await client.query('INSERT INTO migrations (name, applied_at) VALUES ($1, $2)', [m.name, new Date().toISOString()]);
          await client.query('COMMIT');
          results.push({ name: m.name, status: 'Success' });
        } catch (err) {
          failed = true;
          await client.query('ROLLBACK').catch(() => undefined);
          results.push({ name: m.name, status: 'Error', error: errorMessage(err), cause: err });
        }
      }
      return results;
    });
  } catch (err) {
    // Connecting, locking or creating the migrations table failed (or unlocking, after the run).
    if (!started) return failedBeforeStart(names, err);
    return names.map((name) => ({ name, status: 'Error' as const, error: errorMessage(err), cause: err }));
  }
}

/**
 * Undo applied migrations, newest first, down to (not including) `target` (all when undefined).
 * Returns a result per migration undone; stops at the first failure. Never throws.
 */
export async function rollbackPostgres(
  pool: Pool,
  schema: string | undefined,
  migrations: readonly PostgresMigration[],
  target?: string,
): Promise<MigrationResult[]> {
  const results: MigrationResult[] = [];
  try {
    await withMigrationLock(pool, schema, async (client) => {
      for (const m of ordered(migrations).reverse()) {
        if (target !== undefined && m.name <= target) break;
        try {
          await client.query('BEGIN');
          const done = await client.query('SELECT 1 FROM migrations WHERE name = $1', [m.name]);
          if (done.rowCount) {
            await m.down(client);
            await client.query('DELETE FROM migrations WHERE name = $1', [m.name]);
            results.push({ name: m.name, status: 'Success' });
          }
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          results.push({ name: m.name, status: 'Error', error: errorMessage(err), cause: err });
          break;
        }
      }
    });
  } catch (err) {
    results.push({ name: '(connect)', status: 'Error', error: errorMessage(err), cause: err });
  }
  return results;
}
