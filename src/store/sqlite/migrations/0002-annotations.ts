/** Mentions, events and their evidence, with the indexes the API queries need. */
import type BetterSqlite3 from 'better-sqlite3';

export function up(db: BetterSqlite3.Database): void {
  db.exec(`
    CREATE TABLE mentions (
      doc_id TEXT NOT NULL,
      id INTEGER NOT NULL,
      "start" INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      text TEXT NOT NULL,
      actor TEXT NOT NULL,
      country TEXT,
      sector TEXT,
      role TEXT,
      person TEXT,
      sentence INTEGER NOT NULL,
      resolved_by TEXT NOT NULL,
      antecedent INTEGER,
      PRIMARY KEY (doc_id, id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX mentions_actor ON mentions (actor);

    CREATE TABLE events (
      id TEXT PRIMARY KEY,
      doc_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      date TEXT,
      date_basis TEXT NOT NULL,
      source_code TEXT,
      source_name TEXT,
      source_sector TEXT,
      source_person TEXT,
      target_code TEXT,
      target_name TEXT,
      target_sector TEXT,
      target_person TEXT,
      cameo_code TEXT NOT NULL,
      cameo_root TEXT NOT NULL,
      cameo_label TEXT NOT NULL,
      quad INTEGER NOT NULL,
      goldstein REAL NOT NULL,
      plover_event TEXT,
      plover_mode TEXT,
      confidence REAL NOT NULL
    ) STRICT;
    CREATE INDEX events_source_target_date ON events (source_code, target_code, date);
    CREATE INDEX events_target_date ON events (target_code, date);
    CREATE INDEX events_cameo_root_date ON events (cameo_root, date);
    CREATE INDEX events_date ON events (date);
    CREATE INDEX events_doc_id ON events (doc_id, seq);

    CREATE TABLE evidence (
      event_id TEXT NOT NULL,
      doc_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      sentence TEXT NOT NULL,
      "start" INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      trigger_start INTEGER NOT NULL,
      trigger_end INTEGER NOT NULL,
      source_start INTEGER,
      source_end INTEGER,
      target_start INTEGER,
      target_end INTEGER,
      PRIMARY KEY (doc_id, event_id, seq)
    ) STRICT, WITHOUT ROWID;
  `);
}

export function down(db: BetterSqlite3.Database): void {
  db.exec(`DROP TABLE evidence; DROP TABLE events; DROP TABLE mentions;`);
}
