/**
 * Cross-document resolution (src/resolve, src/store/clusters.ts): document signatures and their
 * LSH bands (story clusters of near-duplicates), merged events with GDELT's counts, the links from
 * raw events to merged events, and the queue of documents waiting for resolution. Raw documents and
 * events are not touched: dropping these tables undoes every merge.
 */
import type BetterSqlite3 from 'better-sqlite3';

export function up(db: BetterSqlite3.Database): void {
  db.exec(`
    CREATE TABLE doc_signatures (
      doc_id TEXT PRIMARY KEY,
      hash TEXT NOT NULL,
      minhash BLOB NOT NULL,
      shingles INTEGER NOT NULL,
      story_id TEXT NOT NULL,
      matched_doc TEXT,
      similarity REAL,
      containment REAL,
      resolved_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX doc_signatures_story ON doc_signatures (story_id);

    CREATE TABLE doc_bands (
      band_key INTEGER NOT NULL,
      doc_id TEXT NOT NULL,
      PRIMARY KEY (band_key, doc_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX doc_bands_doc ON doc_bands (doc_id);

    CREATE TABLE merged_events (
      id TEXT PRIMARY KEY,
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
      confidence REAL NOT NULL,
      num_mentions INTEGER NOT NULL,
      num_sources INTEGER NOT NULL,
      num_articles INTEGER NOT NULL,
      representative TEXT NOT NULL
    ) STRICT;
    CREATE INDEX merged_events_source_target_date ON merged_events (source_code, target_code, date);
    CREATE INDEX merged_events_date ON merged_events (date);

    CREATE TABLE event_links (
      event_id TEXT PRIMARY KEY,
      merged_id TEXT NOT NULL,
      doc_id TEXT NOT NULL,
      outlet TEXT NOT NULL,
      mentions INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX event_links_merged ON event_links (merged_id);
    CREATE INDEX event_links_doc ON event_links (doc_id);

    CREATE TABLE resolve_queue (
      doc_id TEXT PRIMARY KEY,
      queued_at TEXT NOT NULL
    ) STRICT;
  `);
}

export function down(db: BetterSqlite3.Database): void {
  db.exec(`DROP TABLE resolve_queue; DROP TABLE event_links; DROP TABLE merged_events; DROP TABLE doc_bands; DROP TABLE doc_signatures;`);
}
