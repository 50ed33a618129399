/**
 * Cross-document resolution (src/resolve, src/store/clusters.ts): document signatures and their
 * LSH bands (story clusters of near-duplicates), merged events with GDELT's counts, the links from
 * raw events to merged events, and the queue of documents waiting for resolution. Raw documents and
 * events are not touched: dropping these tables undoes every merge.
 */
import type { PoolClient } from 'pg';

export async function up(db: PoolClient): Promise<void> {
  await db.query(`
    CREATE TABLE doc_signatures (
      doc_id text PRIMARY KEY,
      hash text NOT NULL,
      minhash bytea NOT NULL,
      shingles integer NOT NULL,
      story_id text NOT NULL,
      matched_doc text,
      similarity double precision,
      containment double precision,
      resolved_at text NOT NULL
    );
    CREATE INDEX doc_signatures_story ON doc_signatures (story_id);

    CREATE TABLE doc_bands (
      band_key bigint NOT NULL,
      doc_id text NOT NULL,
      PRIMARY KEY (band_key, doc_id)
    );
    CREATE INDEX doc_bands_doc ON doc_bands (doc_id);

    CREATE TABLE merged_events (
      id text PRIMARY KEY,
      date text,
      date_basis text NOT NULL,
      source_code text,
      source_name text,
      source_sector text,
      source_person text,
      target_code text,
      target_name text,
      target_sector text,
      target_person text,
      cameo_code text NOT NULL,
      cameo_root text NOT NULL,
      cameo_label text NOT NULL,
      quad integer NOT NULL,
      goldstein double precision NOT NULL,
      plover_event text,
      plover_mode text,
      confidence double precision NOT NULL,
      num_mentions integer NOT NULL,
      num_sources integer NOT NULL,
      num_articles integer NOT NULL,
      representative text NOT NULL
    );
    CREATE INDEX merged_events_source_target_date ON merged_events (source_code, target_code, date);
    CREATE INDEX merged_events_date ON merged_events (date);

    CREATE TABLE event_links (
      event_id text PRIMARY KEY,
      merged_id text NOT NULL,
      doc_id text NOT NULL,
      outlet text NOT NULL,
      mentions integer NOT NULL
    );
    CREATE INDEX event_links_merged ON event_links (merged_id);
    CREATE INDEX event_links_doc ON event_links (doc_id);

    CREATE TABLE resolve_queue (
      doc_id text PRIMARY KEY,
      queued_at text NOT NULL
    );
  `);
}

export async function down(db: PoolClient): Promise<void> {
  await db.query(`DROP TABLE resolve_queue; DROP TABLE event_links; DROP TABLE merged_events; DROP TABLE doc_bands; DROP TABLE doc_signatures;`);
}
