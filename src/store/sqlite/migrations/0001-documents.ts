/** Documents with their blocks and diagnostics. */
import type BetterSqlite3 from 'better-sqlite3';

export function up(db: BetterSqlite3.Database): void {
  db.exec(`
    CREATE TABLE documents (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      hash TEXT NOT NULL UNIQUE,
      url TEXT,
      canonical_url TEXT,
      title TEXT,
      byline TEXT,
      lang TEXT,
      source TEXT,
      published TEXT,
      published_from TEXT,
      origin_path TEXT,
      origin_line INTEGER,
      origin_format TEXT,
      source_text TEXT NOT NULL,
      text TEXT NOT NULL,
      ingested_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_published ON documents (published);

    CREATE TABLE blocks (
      doc_id TEXT NOT NULL,
      id INTEGER NOT NULL,
      line INTEGER NOT NULL,
      "start" INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      kind TEXT NOT NULL,
      dropped TEXT,
      PRIMARY KEY (doc_id, id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE diagnostics (
      doc_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      severity TEXT NOT NULL,
      source TEXT NOT NULL,
      rule_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      "start" INTEGER,
      "end" INTEGER,
      actual TEXT,
      expected TEXT,
      note TEXT,
      PRIMARY KEY (doc_id, seq)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX diagnostics_rule_id ON diagnostics (rule_id);
  `);
}

export function down(db: BetterSqlite3.Database): void {
  db.exec(`DROP TABLE diagnostics; DROP TABLE blocks; DROP TABLE documents;`);
}
