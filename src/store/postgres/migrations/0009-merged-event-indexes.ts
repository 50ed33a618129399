/**
 * Indexes for the merged-event queries of the API and exports (see `../../merged-query.ts`), the
 * counterpart of 0008 for `merged_events`; the same indexes as SQLite's 0009 (the date key is an
 * expression, parenthesised as PostgreSQL wants it).
 */
import type { PoolClient } from 'pg';
import { MERGED_INDEXES } from '../../merged-indexes.js';

export async function up(db: PoolClient): Promise<void> {
  for (const [name, cols] of Object.entries(MERGED_INDEXES)) {
    await db.query(`CREATE INDEX ${name} ON merged_events (${cols.map((c) => (c.includes('(') ? `(${c})` : c)).join(', ')})`);
  }
}

export async function down(db: PoolClient): Promise<void> {
  for (const name of Object.keys(MERGED_INDEXES)) await db.query(`DROP INDEX ${name}`);
}
