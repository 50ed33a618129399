/**
 * The store writes new documents into the FTS index itself, in the same transaction, instead of
 * an AFTER INSERT trigger: a trigger makes every document INSERT a statement with a savepoint, and
 * FTS5 flushes its pending index to disk at each savepoint, one tiny segment per document, which
 * halved the put rate. Deletes and updates keep their triggers (rare, and any deletion, even by
 * hand, must leave the index).
 */
import type BetterSqlite3 from 'better-sqlite3';

export function up(db: BetterSqlite3.Database): void {
  db.exec(`DROP TRIGGER documents_fts_insert;`);
}

export function down(db: BetterSqlite3.Database): void {
  db.exec(`
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
      INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
  `);
}
