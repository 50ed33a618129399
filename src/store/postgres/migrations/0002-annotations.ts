/** Mentions, events and their evidence, with the indexes the API queries need. */
import type { PoolClient } from 'pg';

export async function up(db: PoolClient): Promise<void> {
  await db.query(`
    CREATE TABLE mentions (
      doc_id text NOT NULL,
      id integer NOT NULL,
      "start" integer NOT NULL,
      "end" integer NOT NULL,
      text text NOT NULL,
      actor text NOT NULL,
      country text,
      sector text,
      role text,
      person text,
      sentence integer NOT NULL,
      resolved_by text NOT NULL,
      antecedent integer,
      PRIMARY KEY (doc_id, id)
    );
    CREATE INDEX mentions_actor ON mentions (actor);

    CREATE TABLE events (
      id text PRIMARY KEY,
      doc_id text NOT NULL,
      seq integer NOT NULL,
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
      confidence double precision NOT NULL
    );
    CREATE INDEX events_source_target_date ON events (source_code, target_code, date);
    CREATE INDEX events_target_date ON events (target_code, date);
    CREATE INDEX events_cameo_root_date ON events (cameo_root, date);
    CREATE INDEX events_date ON events (date);
    CREATE INDEX events_doc_id ON events (doc_id, seq);

    CREATE TABLE evidence (
      event_id text NOT NULL,
      doc_id text NOT NULL,
      seq integer NOT NULL,
      sentence text NOT NULL,
      "start" integer NOT NULL,
      "end" integer NOT NULL,
      trigger_start integer NOT NULL,
      trigger_end integer NOT NULL,
      source_start integer,
      source_end integer,
      target_start integer,
      target_end integer,
      PRIMARY KEY (doc_id, event_id, seq)
    );
  `);
}

export async function down(db: PoolClient): Promise<void> {
  await db.query(`DROP TABLE evidence; DROP TABLE events; DROP TABLE mentions;`);
}
