/**
 * The SQLite migrator: applies pending migrations in name order, each in its own IMMEDIATE
 * transaction (so two processes opening the same file at once apply each migration once), and
 * reports a result per migration. It never throws.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { MigrationResult } from '../store.js';
import { errorMessage, failedBeforeStart, ordered } from '../migration.js';
import type { SqliteMigration } from './migrations/index.js';

const CREATE_MIGRATIONS = `CREATE TABLE IF NOT EXISTS migrations (
  name TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
) STRICT`;

/** Apply pending migrations; returns one result per migration, in order. */
export function migrateSqlite(db: BetterSqlite3.Database, migrations: readonly SqliteMigration[]): MigrationResult[] {
  const list = ordered(migrations);
  try {
    db.exec(CREATE_MIGRATIONS);
  } catch (err) {
    return failedBeforeStart(
      list.map((m) => m.name),
      err,
    );
  }
  const results: MigrationResult[] = [];
  let failed = false;
  for (const m of list) {
    if (failed) {
      results.push({ name: m.name, status: 'NotExecuted' });
      continue;
    }
    try {
      const applied = db
        .transaction(() => {
          if (db.prepare('SELECT 1 FROM migrations WHERE name = ?').get(m.name) !== undefined) return false;
          m.up(db);
          db.prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)').run(m.name, new Date().toISOString());
          return true;
        })
        .immediate();
      results.push({ name: m.name, status: applied ? 'Success' : 'AlreadyApplied' });
    } catch (err) {
      failed = true;
      results.push({ name: m.name, status: 'Error', error: errorMessage(err), cause: err });
    }
  }
  return results;
}

/**
 * Undo applied migrations, newest first, down to (not including) `target` (all when undefined).
 * Returns a result per migration undone; stops at the first failure.
 */
export function rollbackSqlite(
  db: BetterSqlite3.Database,
  migrations: readonly SqliteMigration[],
  target?: string,
): MigrationResult[] {
  const results: MigrationResult[] = [];
  const list = ordered(migrations).reverse();
  for (const m of list) {
    if (target !== undefined && m.name <= target) break;
    try {
      const undone = db
        .transaction(() => {
          if (db.prepare('SELECT 1 FROM migrations WHERE name = ?').get(m.name) === undefined) return false;
          m.down(db);
          db.prepare('DELETE FROM migrations WHERE name = ?').run(m.name);
          return true;
        })
        .immediate();
      if (undone) results.push({ name: m.name, status: 'Success' });
    } catch (err) {
      results.push({ name: m.name, status: 'Error', error: errorMessage(err), cause: err });
      break;
    }
  }
  return results;
}
