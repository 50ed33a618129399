/** Documents with their blocks and diagnostics. */
import type { PoolClient } from 'pg';

export async function up(db: PoolClient): Promise<void> {
  await db.query(`
    CREATE TABLE documents (
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id text PRIMARY KEY,
      hash text NOT NULL UNIQUE,
      url text,
      canonical_url text,
      title text,
      byline text,
      lang text,
      source text,
      published text,
      published_from text,
      origin_path text,
      origin_line integer,
      origin_format text,
      source_text text NOT NULL,
      text text NOT NULL,
      ingested_at text NOT NULL
    );
    CREATE INDEX documents_published ON documents (published);

    CREATE TABLE blocks (
      doc_id text NOT NULL,
      id integer NOT NULL,
      line integer NOT NULL,
      "start" integer NOT NULL,
      "end" integer NOT NULL,
      kind text NOT NULL,
      dropped text,
      PRIMARY KEY (doc_id, id)
    );

    CREATE TABLE diagnostics (
      doc_id text NOT NULL,
      seq integer NOT NULL,
      severity text NOT NULL,
      source text NOT NULL,
      rule_id text NOT NULL,
      reason text NOT NULL,
      "start" integer,
      "end" integer,
      actual text,
      expected text,
      note text,
      PRIMARY KEY (doc_id, seq)
    );
    CREATE INDEX diagnostics_rule_id ON diagnostics (rule_id);
  `);
}

export async function down(db: PoolClient): Promise<void> {
  await db.query(`DROP TABLE diagnostics; DROP TABLE blocks; DROP TABLE documents;`);
}
