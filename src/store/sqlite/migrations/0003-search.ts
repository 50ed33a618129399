/**
 * Full-text search: an FTS5 index over documents(title, text) with external content, kept in step
 * by triggers, so every write of a document updates the index in the same transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';

export function up(db: BetterSqlite3.Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, text,
      content = 'documents', content_rowid = 'seq',
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
      INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
      INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
  `);
}

export function down(db: BetterSqlite3.Database): void {
  db.exec(`
    DROP TRIGGER documents_fts_update;
    DROP TRIGGER documents_fts_delete;
    DROP TRIGGER documents_fts_insert;
    DROP TABLE documents_fts;
  `);
}
