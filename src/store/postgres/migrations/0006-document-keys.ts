/**
 * Child rows keyed by their document's `seq` (the insertion counter) instead of its text id:
 * `blocks`, `diagnostics`, `mentions` and `evidence` get a `doc_seq` column and the primary key
 * `(doc_seq, …)`, so the key index of each table grows at its end instead of at a random place per
 * document (document ids are hashes). `doc_id` stays on every row for queries. Also drops
 * `diagnostics_rule_id`, an index no query needs.
 */
import type { PoolClient } from 'pg';

const KEYS = { blocks: 'id', diagnostics: 'seq', mentions: 'id', evidence: 'event_id, seq' };

export async function up(db: PoolClient): Promise<void> {
  await db.query('DROP INDEX diagnostics_rule_id');
  for (const [table, key] of Object.entries(KEYS)) {
    await db.query(`
      ALTER TABLE ${table} ADD COLUMN doc_seq bigint;
      UPDATE ${table} x SET doc_seq = d.seq FROM documents d WHERE d.id = x.doc_id;
      DELETE FROM ${table} WHERE doc_seq IS NULL;
      ALTER TABLE ${table} ALTER COLUMN doc_seq SET NOT NULL;
      ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey;
      ALTER TABLE ${table} ADD PRIMARY KEY (doc_seq, ${key});
    `);
  }
}

export async function down(db: PoolClient): Promise<void> {
  for (const [table, key] of Object.entries(KEYS)) {
    await db.query(`
      ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey;
      ALTER TABLE ${table} ADD PRIMARY KEY (doc_id, ${key});
      ALTER TABLE ${table} DROP COLUMN doc_seq;
    `);
  }
  await db.query('CREATE INDEX diagnostics_rule_id ON diagnostics (rule_id)');
}
