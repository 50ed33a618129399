/** Pipeline runs, and the run that produced each document. */
import type BetterSqlite3 from 'better-sqlite3';

export function up(db: BetterSqlite3.Database): void {
  db.exec(`
    CREATE TABLE runs (
      id TEXT PRIMARY KEY,
      started_at TEXT NOT NULL,
      pipeline TEXT NOT NULL
    ) STRICT;
    ALTER TABLE documents ADD COLUMN run_id TEXT;
  `);
}

export function down(db: BetterSqlite3.Database): void {
  db.exec(`ALTER TABLE documents DROP COLUMN run_id; DROP TABLE runs;`);
}
